package dev.standin.apify.client;

/**
 * The sort key of {@link ActorCollectionClient#list(ActorSortBy)}: the {@code sortBy} parameter.
 */
public enum ActorSortBy {
  /** When the Actor was created (the server's default). */
  CREATED_AT("createdAt"),
  /** When the Actor's most recent run started; Actors that never ran sort first, ties by age. */
  LAST_RUN_STARTED_AT("stats.lastRunStartedAt");

  private final String value;

  ActorSortBy(String value) {
    this.value = value;
  }

  /** The parameter's value on the wire, e.g. {@code stats.lastRunStartedAt}. */
  public String value() {
    return value;
  }
}
