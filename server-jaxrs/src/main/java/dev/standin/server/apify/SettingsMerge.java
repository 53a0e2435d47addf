package dev.standin.server.apify;

import dev.standin.apify.model.ActorStandby;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.TaskOptions;
import dev.standin.server.kernel.merge.MergeTable;

/**
 * The settings objects merge one level (ADR 0023): each row says what one sub-property sent does to
 * the stored object; a sub-property not sent is kept. Used by the {@code merge} rows of the task
 * and Actor update tables.
 */
final class SettingsMerge {

  private SettingsMerge() {}

  /** A new Actor's run options, and what a sub-property sent as {@code null} goes back to. */
  static DefaultRunOptions defaultRunOptions() {
    return new DefaultRunOptions()
        .build(DEFAULT_BUILD)
        .timeoutSecs(DEFAULT_TIMEOUT_SECS)
        .memoryMbytes(DEFAULT_MEMORY_MBYTES)
        .restartOnError(false);
  }

  static final String DEFAULT_BUILD = "latest";
  static final long DEFAULT_TIMEOUT_SECS = 3600L;
  static final int DEFAULT_MEMORY_MBYTES = 4096;

  /** Task {@code options}: each sub-property sent replaces, {@code null} clears it. */
  static final MergeTable<TaskOptions, TaskOptions> TASK_OPTIONS =
      MergeTable.<TaskOptions, TaskOptions>create()
          .replace("build", TaskOptions::getBuild_JsonNullable, TaskOptions::setBuild)
          .replace(
              "timeoutSecs", TaskOptions::getTimeoutSecs_JsonNullable, TaskOptions::setTimeoutSecs)
          .replace(
              "memoryMbytes",
              TaskOptions::getMemoryMbytes_JsonNullable,
              TaskOptions::setMemoryMbytes)
          .replace("maxItems", TaskOptions::getMaxItems_JsonNullable, TaskOptions::setMaxItems)
          .replace(
              "maxTotalChargeUsd",
              TaskOptions::getMaxTotalChargeUsd_JsonNullable,
              TaskOptions::setMaxTotalChargeUsd)
          .replace(
              "restartOnError",
              TaskOptions::getRestartOnError_JsonNullable,
              TaskOptions::setRestartOnError);

  /** {@code actorStandby} of a task or an Actor: each sub-property sent replaces, null clears. */
  static final MergeTable<ActorStandby, ActorStandby> ACTOR_STANDBY =
      MergeTable.<ActorStandby, ActorStandby>create()
          .replace("isEnabled", ActorStandby::getIsEnabled_JsonNullable, ActorStandby::setIsEnabled)
          .replace(
              "desiredRequestsPerActorRun",
              ActorStandby::getDesiredRequestsPerActorRun_JsonNullable,
              ActorStandby::setDesiredRequestsPerActorRun)
          .replace(
              "maxRequestsPerActorRun",
              ActorStandby::getMaxRequestsPerActorRun_JsonNullable,
              ActorStandby::setMaxRequestsPerActorRun)
          .replace(
              "idleTimeoutSecs",
              ActorStandby::getIdleTimeoutSecs_JsonNullable,
              ActorStandby::setIdleTimeoutSecs)
          .replace("build", ActorStandby::getBuild_JsonNullable, ActorStandby::setBuild)
          .replace(
              "memoryMbytes",
              ActorStandby::getMemoryMbytes_JsonNullable,
              ActorStandby::setMemoryMbytes)
          .replace(
              "disableStandbyFieldsOverride",
              ActorStandby::getDisableStandbyFieldsOverride_JsonNullable,
              ActorStandby::setDisableStandbyFieldsOverride)
          .replace(
              "shouldPassActorInput",
              ActorStandby::getShouldPassActorInput_JsonNullable,
              ActorStandby::setShouldPassActorInput);

  /**
   * Actor {@code defaultRunOptions}: each sub-property sent replaces; sent as {@code null}, the
   * four the vendor does not mark nullable go back to a new Actor's default, the other two are
   * cleared.
   */
  static final MergeTable<DefaultRunOptions, DefaultRunOptions> DEFAULT_RUN_OPTIONS =
      MergeTable.<DefaultRunOptions, DefaultRunOptions>create()
          .replace(
              "build",
              o -> SentRunOptions.sent(o, "build", o.getBuild()),
              (o, v) -> o.setBuild(v == null ? DEFAULT_BUILD : v))
          .replace(
              "timeoutSecs",
              o -> SentRunOptions.sent(o, "timeoutSecs", o.getTimeoutSecs()),
              (o, v) -> o.setTimeoutSecs(v == null ? DEFAULT_TIMEOUT_SECS : v))
          .replace(
              "memoryMbytes",
              o -> SentRunOptions.sent(o, "memoryMbytes", o.getMemoryMbytes()),
              (o, v) -> o.setMemoryMbytes(v == null ? DEFAULT_MEMORY_MBYTES : v))
          .replace(
              "restartOnError",
              o -> SentRunOptions.sent(o, "restartOnError", o.getRestartOnError()),
              (o, v) -> o.setRestartOnError(v != null && v))
          .replace(
              "maxItems",
              DefaultRunOptions::getMaxItems_JsonNullable,
              DefaultRunOptions::setMaxItems)
          .replace(
              "forcePermissionLevel",
              DefaultRunOptions::getForcePermissionLevel_JsonNullable,
              DefaultRunOptions::setForcePermissionLevel);

  /**
   * Fills in what a stored Actor's run options may lack (Actors stored before a default existed).
   */
  static DefaultRunOptions complete(DefaultRunOptions options) {
    DefaultRunOptions complete = options == null ? defaultRunOptions() : options;
    if (complete.getBuild() == null) {
      complete.setBuild(DEFAULT_BUILD);
    }
    if (complete.getTimeoutSecs() == null) {
      complete.setTimeoutSecs(DEFAULT_TIMEOUT_SECS);
    }
    if (complete.getMemoryMbytes() == null) {
      complete.setMemoryMbytes(DEFAULT_MEMORY_MBYTES);
    }
    if (complete.getRestartOnError() == null) {
      complete.setRestartOnError(false);
    }
    return complete;
  }
}
