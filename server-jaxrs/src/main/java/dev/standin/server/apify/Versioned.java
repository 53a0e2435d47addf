package dev.standin.server.apify;

/** A service's answer and the entity tag of the stored resource it came from. */
public record Versioned<T>(T value, String etag) {}
