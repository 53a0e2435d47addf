package dev.standin.server.kernel.state;

/**
 * A seed that cannot be loaded, naming the first problem by its JSON path in the file, e.g. {@code
 * $.apify.users[0].tokens[1]: must be a string}. Nothing of the seed is stored.
 */
public final class SeedException extends RuntimeException {

  private final String path;

  public SeedException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** Where in the seed the problem is, as a JSON path ({@code $} is the whole document). */
  public String path() {
    return path;
  }
}
