package dev.standin.server.spaaza.tasks;

import dev.standin.server.kernel.merge.MergeTable;
import dev.standin.server.spaaza.auth.SpaazaCaller;
import dev.standin.server.spaaza.errors.SpaazaException;
import dev.standin.server.spaaza.export.ExportFiles;
import dev.standin.server.spaaza.segments.SegmentRules;
import dev.standin.server.spaaza.store.SpaazaStore;
import dev.standin.server.spaaza.store.SpaazaTaskQuery;
import dev.standin.spaaza.errors.SpaazaError;
import dev.standin.spaaza.model.CreateTaskRequest;
import dev.standin.spaaza.model.DownloadUrl;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskAction;
import dev.standin.spaaza.model.TaskLog;
import dev.standin.spaaza.model.TaskState;
import dev.standin.spaaza.model.TaskStateCode;
import dev.standin.spaaza.model.TaskTarget;
import dev.standin.spaaza.model.TaskTrigger;
import dev.standin.spaaza.model.UpdateTaskRequest;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.openapitools.jackson.nullable.JsonNullable;

/** Spaaza tasks of the caller's chain: create, read, list, update, delete, run, download. */
public class SpaazaTaskService {

  /** PUT /tasks/{id}: present properties overwrite the stored ones; the rest is read-only. */
  static final MergeTable<UpdateTaskRequest, Task> TASK_UPDATE =
      MergeTable.<UpdateTaskRequest, Task>create()
          .replace("desc", UpdateTaskRequest::getDesc_JsonNullable, Task::setDesc)
          .replace("target", UpdateTaskRequest::getTarget_JsonNullable, Task::setTarget)
          .replace("trigger", UpdateTaskRequest::getTrigger_JsonNullable, Task::setTrigger)
          .replace("debug", UpdateTaskRequest::getDebug_JsonNullable, Task::setDebug)
          .readOnly("id", "chain", "state", "logs", "version", "result");

  public static final int MAX_PAGE_SIZE = 1000;

  /** States from which {@code execute} may start a run. */
  private static final Set<TaskStateCode> RUNNABLE =
      Set.of(TaskStateCode.READY, TaskStateCode.DONE, TaskStateCode.ERROR);

  private final SpaazaStore store;
  private final TaskDocuments tasks;
  private final TaskRunner runner;
  private final ExportFiles files;
  private final DownloadLinks links;

  public SpaazaTaskService(
      SpaazaStore store,
      TaskDocuments tasks,
      TaskRunner runner,
      ExportFiles files,
      DownloadLinks links) {
    this.store = store;
    this.tasks = tasks;
    this.runner = runner;
    this.files = files;
    this.links = links;
  }

  public Task create(SpaazaCaller caller, CreateTaskRequest request) {
    if (request == null) {
      throw new SpaazaException(
          SpaazaError.INVALID_REQUEST_BODY, "The request body must be a JSON object.");
    }
    if (request.getChain() == null) {
      throw new SpaazaException(SpaazaError.INVALID_FIELD, "Field \"chain\" is required.");
    }
    if (request.getChain() != caller.chainId()) {
      throw new SpaazaException(
          SpaazaError.PERMISSION_DENIED, "You have no access to chain " + request.getChain() + ".");
    }
    if (request.getDesc() == null) {
      throw new SpaazaException(SpaazaError.INVALID_FIELD, "Field \"desc\" is required.");
    }
    checkTarget(JsonNullable.of(request.getTarget()));
    checkTrigger(JsonNullable.of(request.getTrigger()));
    SegmentRules.checkFor(
        request.getTrigger(), caller.chainId(), request.getTarget().getExportIndex());

    OffsetDateTime now = tasks.now();
    Task task =
        new Task()
            .chain(caller.chainId())
            .desc(request.getDesc())
            .state(
                new TaskState()
                    .code(TaskStateCode.READY)
                    .lastRunDate(TaskDocuments.NEVER)
                    .lastModified(now)
                    .createdDate(now))
            .trigger(utc(request.getTrigger()))
            .target(request.getTarget())
            .logs(null)
            .debug(request.getDebug() == null ? "" : request.getDebug())
            .version(1L)
            .result("");
    return tasks.insert(task);
  }

  public Task get(SpaazaCaller caller, long id, int logLimit, int offset) {
    checkRange("log_limit", logLimit, 0, MAX_PAGE_SIZE);
    checkRange("offset", offset, 0, Integer.MAX_VALUE);
    return withLogs(locate(caller, id), logLimit, offset);
  }

  public List<Task> list(
      SpaazaCaller caller,
      TaskStateCode status,
      TaskAction action,
      Long campaignId,
      int limit,
      int offset) {
    checkRange("limit", limit, 1, MAX_PAGE_SIZE);
    checkRange("offset", offset, 0, Integer.MAX_VALUE);
    SpaazaTaskQuery query =
        new SpaazaTaskQuery(
            caller.chainId(),
            status == null ? null : status.getValue(),
            action == null ? null : action.getValue(),
            campaignId,
            limit,
            offset);
    return store.listTasks(query).stream().map(tasks::toTask).map(task -> task.logs(null)).toList();
  }

  /**
   * Overwrites the present properties, adds 1 to {@code version} and moves {@code last_modified},
   * all in one atomic update. A task that is not READY takes the update, but no run is touched:
   * only the scheduler's READY tasks are ever started by a trigger.
   */
  public Task update(SpaazaCaller caller, long id, UpdateTaskRequest request) {
    if (request == null) {
      throw new SpaazaException(
          SpaazaError.INVALID_REQUEST_BODY, "The request body must be a JSON object.");
    }
    refuseNull("desc", request.getDesc_JsonNullable());
    refuseNull("debug", request.getDebug_JsonNullable());
    if (request.getTarget_JsonNullable().isPresent()) {
      checkTarget(request.getTarget_JsonNullable());
    }
    if (request.getTrigger_JsonNullable().isPresent()) {
      checkTrigger(request.getTrigger_JsonNullable());
      request.setTrigger(utc(request.getTrigger()));
    }
    locate(caller, id);
    return tasks
        .update(
            id,
            task -> {
              TASK_UPDATE.apply(request, task);
              // the segment must fit the task as it is after the update (its export index, chain)
              SegmentRules.checkFor(
                  task.getTrigger(), task.getChain(), task.getTarget().getExportIndex());
              task.setVersion(task.getVersion() + 1);
              task.getState().setLastModified(tasks.now());
              return task;
            })
        .map(task -> withLogs(task, 10, 0))
        .orElseThrow(() -> SpaazaException.taskNotFound(id));
  }

  public void delete(SpaazaCaller caller, long id) {
    Task task = locate(caller, id);
    if (task.getState().getCode() == TaskStateCode.INPROGRESS && !runner.abandoned(task)) {
      throw inProgress(id);
    }
    store.deleteTask(id);
    files.delete(task.getResult());
  }

  /** Runs the task now, whatever its trigger says, and returns its state after the run. */
  public TaskState execute(SpaazaCaller caller, long id) {
    Task task = locate(caller, id);
    String previousResult = task.getResult();
    Task claimed =
        runner
            .claim(id, RUNNABLE, "execute")
            .orElseThrow(
                () ->
                    tasks.find(id).isPresent() ? inProgress(id) : SpaazaException.taskNotFound(id));
    Task after = runner.run(claimed);
    if (!previousResult.isEmpty() && !previousResult.equals(after.getResult())) {
      files.delete(previousResult); // the export's format changed: the old file is stale
    }
    return after.getState();
  }

  public DownloadUrl downloadUrl(SpaazaCaller caller, long id, URI baseUri) {
    Task task = locate(caller, id);
    if (task.getState().getCode() != TaskStateCode.DONE || task.getResult().isEmpty()) {
      throw new SpaazaException(
          SpaazaError.RESULT_NOT_AVAILABLE,
          "Task " + id + " has no result yet: its state is " + task.getState().getCode() + ".");
    }
    DownloadLinks.Link link = links.create(baseUri, id, task.getResult());
    return new DownloadUrl().url(link.url()).expiresAt(link.expiresAt().atOffset(ZoneOffset.UTC));
  }

  // --- helpers ------------------------------------------------------------------------------

  /** The task, if it belongs to the caller's chain; otherwise 404, never revealing it exists. */
  private Task locate(SpaazaCaller caller, long id) {
    return tasks
        .find(id)
        .filter(task -> task.getChain() == caller.chainId())
        .orElseThrow(() -> SpaazaException.taskNotFound(id));
  }

  /** Logs newest first, {@code offset} skipped, at most {@code limit}; null when none exist. */
  private static Task withLogs(Task task, int limit, int offset) {
    if (task.getLogs() == null || task.getLogs().isEmpty()) {
      return task.logs(null);
    }
    List<TaskLog> newestFirst = new ArrayList<>(task.getLogs());
    Collections.reverse(newestFirst);
    int from = Math.min(offset, newestFirst.size());
    int to = Math.min(from + limit, newestFirst.size());
    return task.logs(new ArrayList<>(newestFirst.subList(from, to)));
  }

  static void checkTarget(JsonNullable<TaskTarget> sent) {
    TaskTarget target = sent.get();
    if (target == null) {
      throw new SpaazaException(SpaazaError.INVALID_TARGET, "Field \"target\" must be an object.");
    }
    requireTargetField("action", target.getAction());
    requireTargetField("export_index", target.getExportIndex());
    requireTargetField("export_format", target.getExportFormat());
  }

  private static void requireTargetField(String field, Object value) {
    if (value == null) {
      throw new SpaazaException(
          SpaazaError.INVALID_TARGET, "Field \"target." + field + "\" is required.");
    }
  }

  static void checkTrigger(JsonNullable<TaskTrigger> sent) {
    TaskTrigger trigger = sent.get();
    if (trigger == null) {
      throw new SpaazaException(
          SpaazaError.INVALID_TRIGGER, "Field \"trigger\" must be an object.");
    }
    if (trigger.getOnce() == null) {
      throw new SpaazaException(
          SpaazaError.INVALID_TRIGGER,
          "Field \"trigger.once\" is required: an RFC 3339 time, e.g. 2026-05-27T10:00:00Z.");
    }
    SegmentRules.checkShape(trigger);
  }

  /** Stores {@code once} in UTC, as the vendor answers it. */
  static TaskTrigger utc(TaskTrigger trigger) {
    return trigger.once(trigger.getOnce().withOffsetSameInstant(ZoneOffset.UTC));
  }

  private static void refuseNull(String field, JsonNullable<?> sent) {
    if (sent.isPresent() && sent.get() == null) {
      throw new SpaazaException(
          SpaazaError.INVALID_FIELD, "Field \"" + field + "\" must not be null.");
    }
  }

  private static void checkRange(String parameter, int value, int min, int max) {
    if (value < min || value > max) {
      throw new SpaazaException(
          SpaazaError.INVALID_PARAMETER,
          "Parameter \"" + parameter + "\" must be between " + min + " and " + max + ".");
    }
  }

  private static SpaazaException inProgress(long id) {
    return new SpaazaException(
        SpaazaError.TASK_IN_PROGRESS,
        "Task " + id + " is running; try again when it has finished.");
  }
}
