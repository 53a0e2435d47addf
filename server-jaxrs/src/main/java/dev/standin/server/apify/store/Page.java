package dev.standin.server.apify.store;

import java.util.List;

/** One page of a listing and the number of documents in all pages. */
public record Page(long total, List<Document> items) {}
