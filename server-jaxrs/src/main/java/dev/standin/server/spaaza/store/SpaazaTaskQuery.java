package dev.standin.server.spaaza.store;

/** Which tasks of one chain to list; null filters match everything. Ordered by ID. */
public record SpaazaTaskQuery(
    long chainId, String state, String action, Long campaignId, int limit, long offset) {}
