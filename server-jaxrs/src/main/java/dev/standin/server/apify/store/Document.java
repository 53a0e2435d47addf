package dev.standin.server.apify.store;

import java.time.Instant;

/**
 * A stored resource: the columns the store indexes (ID, owner, name, creation time) and the
 * resource itself as JSON, whose shape only the owning service knows.
 */
public record Document(String id, String ownerId, String name, Instant createdAt, String json) {

  public Document withName(String newName) {
    return new Document(id, ownerId, newName, createdAt, json);
  }

  public Document withJson(String newJson) {
    return new Document(id, ownerId, name, createdAt, newJson);
  }
}
