package dev.standin.server.store;

import java.util.Objects;

/**
 * Where a shared database is: a JDBC URL and, when the URL does not carry them, the credentials.
 *
 * @param url e.g. {@code jdbc:postgresql://db.internal:5432/standin}
 * @param user login role, or {@code null} to use the URL's or the driver's default
 * @param password its password, or {@code null}
 */
public record DatabaseConfig(String url, String user, String password) {

  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "only PostgreSQL is supported as a shared database (jdbc:postgresql:...), got "
              + withoutQuery(url));
    }
  }

  /** The URL without its query string, which may hold a password. */
  public String safeUrl() {
    return withoutQuery(url);
  }

  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  @Override
  public String toString() {
    return "DatabaseConfig[" + safeUrl() + ", user=" + user + "]";
  }
}
