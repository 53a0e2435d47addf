package dev.standin.server.apify.store;

import java.time.Instant;

/** An account that owns resources and API tokens. */
public record User(String id, String username, Instant createdAt) {}
