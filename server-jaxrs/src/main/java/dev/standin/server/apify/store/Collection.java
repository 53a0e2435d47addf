package dev.standin.server.apify.store;

/**
 * The kinds of documents the store keeps, each in its own table. A document's owner is a user,
 * except for builds, whose owner is their Actor (deleting the Actor deletes its builds).
 */
public enum Collection {
  ACTORS("actors"),
  ACTOR_TASKS("actor_tasks"),
  BUILDS("builds");

  private final String table;

  Collection(String table) {
    this.table = table;
  }

  /** The SQL table; a fixed identifier, never user input. */
  public String table() {
    return table;
  }
}
