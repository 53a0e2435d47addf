package dev.standin.server.store;

/** The kinds of documents the store keeps, each in its own table. */
public enum Collection {
  ACTORS("actors"),
  ACTOR_TASKS("actor_tasks");

  private final String table;

  Collection(String table) {
    this.table = table;
  }

  /** The SQL table; a fixed identifier, never user input. */
  public String table() {
    return table;
  }
}
