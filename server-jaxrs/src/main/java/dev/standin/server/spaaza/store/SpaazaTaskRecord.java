package dev.standin.server.spaaza.store;

import java.time.Instant;

/**
 * A stored Spaaza task: the columns the store filters and schedules by, and the task itself as
 * JSON, whose shape only the task service knows. {@code id} is 0 before the store assigned one.
 *
 * @param dueAt when the task falls due ({@code trigger.once})
 */
public record SpaazaTaskRecord(
    long id,
    long chainId,
    String state,
    Instant dueAt,
    String action,
    Long campaignId,
    String json) {}
