package dev.standin.server.apify;

import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorStandby;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.ListOfTasks;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.TaskShort;
import dev.standin.apify.model.TaskStats;
import dev.standin.apify.model.UpdateTaskRequest;
import dev.standin.server.apify.errors.ApifyException;
import dev.standin.server.apify.store.ApifyStore;
import dev.standin.server.apify.store.Collection;
import dev.standin.server.apify.store.Document;
import dev.standin.server.apify.store.Page;
import dev.standin.server.apify.store.User;
import dev.standin.server.apify.taskinput.TopLevelKeysReplace;
import dev.standin.server.kernel.Ids;
import dev.standin.server.kernel.Timestamps;
import dev.standin.server.kernel.json.DocumentJson;
import dev.standin.server.kernel.merge.MergeTable;
import dev.standin.server.kernel.store.NameTakenException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Actor tasks: create, read, list, delete, and the two partial updates with their merge rules. */
public class TaskService {

  /**
   * PUT /v2/actor-tasks/{id}: present properties replace the stored ones whole, except the settings
   * objects {@code options} and {@code actorStandby}, merged one level by their tables in {@link
   * SettingsMerge} ({@code null} for the whole object clears it). {@code input} is free-form and
   * replaced whole.
   */
  static final MergeTable<UpdateTaskRequest, Task> TASK_UPDATE =
      MergeTable.<UpdateTaskRequest, Task>create()
          .replace("name", u -> MergeTable.presentUnlessNull(u.getName()), Task::setName)
          .replace("title", UpdateTaskRequest::getTitle_JsonNullable, Task::setTitle)
          .merge(
              "options",
              UpdateTaskRequest::getOptions_JsonNullable,
              Task::getOptions,
              Task::setOptions,
              TaskOptions::new,
              () -> null,
              SettingsMerge.TASK_OPTIONS)
          .replace("input", UpdateTaskRequest::getInput_JsonNullable, Task::setInput)
          .merge(
              "actorStandby",
              UpdateTaskRequest::getActorStandby_JsonNullable,
              Task::getActorStandby,
              Task::setActorStandby,
              ActorStandby::new,
              () -> null,
              SettingsMerge.ACTOR_STANDBY)
          .readOnly(
              "id",
              "userId",
              "actId",
              "username",
              "createdAt",
              "modifiedAt",
              "removedAt",
              "stats",
              "standbyUrl");

  private final ApifyStore store;
  private final ResourceLocator locator;
  private final ActorService actors;
  private final DocumentJson json;
  private final Timestamps timestamps;
  private final TopLevelKeysReplace inputMerge;

  public TaskService(
      ApifyStore store,
      ResourceLocator locator,
      ActorService actors,
      DocumentJson json,
      Timestamps timestamps) {
    this.store = store;
    this.locator = locator;
    this.actors = actors;
    this.json = json;
    this.timestamps = timestamps;
    this.inputMerge = new TopLevelKeysReplace(json, timestamps);
  }

  public Task create(User caller, CreateTaskRequest request) {
    if (request == null || request.getActId() == null || request.getActId().isBlank()) {
      throw ApifyException.invalidValue("Field \"actId\" is required.");
    }
    Rules.checkName("name", request.getName());
    checkOptions(request.getOptions());
    Actor actor = actors.toActor(actors.locateReadable(caller, request.getActId()));

    OffsetDateTime now = timestamps.now();
    Task task =
        new Task()
            .id(Ids.newId())
            .userId(caller.id())
            .actId(actor.getId())
            .createdAt(now)
            .modifiedAt(now)
            .removedAt(null)
            .stats(new TaskStats().totalRuns(0L))
            .options(request.getOptions())
            .input(request.getInput())
            .title(request.getTitle())
            .actorStandby(request.getActorStandby())
            .standbyUrl(null);
    if (request.getName() != null) {
      insert(task.name(request.getName()));
    } else {
      insertWithFreeName(task, actor.getName() + "-task");
    }
    return withUsername(task, caller);
  }

  private void insert(Task task) {
    try {
      store.insert(Collection.ACTOR_TASKS, toDocument(task));
    } catch (NameTakenException e) {
      throw nameTaken();
    }
  }

  /** Without a name the task gets {@code base}, or {@code base-2}, {@code base-3}, ... */
  private void insertWithFreeName(Task task, String base) {
    for (int n = 1; ; n++) {
      String candidate = n == 1 ? base : base + "-" + n;
      try {
        store.insert(Collection.ACTOR_TASKS, toDocument(task.name(candidate)));
        return;
      } catch (NameTakenException taken) {
        // try the next suffix
      }
    }
  }

  public Versioned<Task> get(User caller, String taskId) {
    Document document = locate(caller, taskId);
    return new Versioned<>(withUsername(toTask(document), caller), Versions.etagOf(document));
  }

  /**
   * PUT /v2/actor-tasks/{id} by {@link #TASK_UPDATE}.
   *
   * @param ifMatch the {@code If-Match} header, or {@code null} for an unconditional update
   */
  public Versioned<Task> update(
      User caller, String taskId, UpdateTaskRequest request, String ifMatch) {
    if (request == null) {
      throw new ApifyException(ApifyError.INVALID_INPUT, "The request body must be a JSON object.");
    }
    Rules.checkName("name", request.getName());
    if (request.getOptions_JsonNullable().isPresent()) {
      checkOptions(request.getOptions());
    }
    Document updated =
        updateTask(
            caller,
            taskId,
            ifMatch,
            task -> {
              TASK_UPDATE.apply(request, task);
              task.setModifiedAt(timestamps.after(task.getModifiedAt()));
            });
    return new Versioned<>(withUsername(toTask(updated), caller), Versions.etagOf(updated));
  }

  /** The task's input; {@code {}} when it has none. */
  public Versioned<Map<String, Object>> getInput(User caller, String taskId) {
    Document document = locate(caller, taskId);
    // Answered as the stored text, as the merge answers it: a large input is not bound to objects.
    return new Versioned<>(inputMerge.inputOf(document.json()), Versions.etagOf(document));
  }

  /**
   * PUT /v2/actor-tasks/{id}/input: {@link TopLevelKeysReplace}, run inside the store's atomic
   * update (ADR 0015).
   *
   * @param ifMatch the {@code If-Match} header, or {@code null} for an unconditional merge
   */
  public Versioned<Map<String, Object>> mergeInput(
      User caller, String taskId, Map<String, Object> patch, String ifMatch) {
    if (patch == null) {
      throw new ApifyException(
          ApifyError.INVALID_INPUT, "Invalid input: the request body must be a JSON object.");
    }
    // On the stored JSON text, not the Task model (TopLevelKeysReplace says why).
    Map<String, String> patchText = inputMerge.patchOf(patch);
    AtomicReference<Map<String, Object>> mergedInput = new AtomicReference<>();
    Document updated =
        updateOwned(
            caller,
            taskId,
            ifMatch,
            current -> {
              TopLevelKeysReplace.Result merged = inputMerge.apply(current.json(), patchText);
              mergedInput.set(merged.input());
              return current.withJson(merged.task());
            });
    return new Versioned<>(mergedInput.get(), Versions.etagOf(updated));
  }

  public void delete(User caller, String taskId) {
    Document located = locate(caller, taskId);
    store.delete(Collection.ACTOR_TASKS, located.id());
  }

  public ListOfTasks list(User caller, long offset, int limit, boolean desc) {
    Paging paging = Paging.of(offset, limit);
    Page page =
        store.list(Collection.ACTOR_TASKS, caller.id(), paging.offset(), paging.limit(), desc);
    Map<String, Optional<Actor>> actorsById = new HashMap<>();
    List<TaskShort> items =
        page.items().stream()
            .map(this::toTask)
            .map(
                task -> {
                  Optional<Actor> actor =
                      actorsById.computeIfAbsent(task.getActId(), actors::findById);
                  return new TaskShort()
                      .id(task.getId())
                      .userId(task.getUserId())
                      .actId(task.getActId())
                      .actName(actor.map(Actor::getName).orElse(null))
                      .actUsername(actor.isPresent() ? caller.username() : null)
                      .name(task.getName())
                      .username(caller.username())
                      .createdAt(task.getCreatedAt())
                      .modifiedAt(task.getModifiedAt())
                      .stats(task.getStats());
                })
            .toList();
    return paging.answer(new ListOfTasks(), page.total(), desc, items);
  }

  // --- helpers ------------------------------------------------------------------------------

  private Document locate(User caller, String taskId) {
    return locator.locateOwned(Collection.ACTOR_TASKS, taskId, caller, "Actor task");
  }

  /** One atomic read-modify-write of a stored task through its model ({@link #updateOwned}). */
  private Document updateTask(User caller, String taskId, String ifMatch, Consumer<Task> change) {
    return updateOwned(
        caller,
        taskId,
        ifMatch,
        current -> {
          Task task = toTask(current);
          change.accept(task);
          return current.withName(task.getName()).withJson(json.write(task));
        });
  }

  /**
   * One atomic read-modify-write of the caller's task: 404 when there is none, 403 when it is
   * someone else's, 412 on a stale {@code ifMatch}, 409 on a name clash; each stores nothing. The
   * task is read once, by the update itself.
   */
  private Document updateOwned(
      User caller, String taskId, String ifMatch, UnaryOperator<Document> change) {
    String id = locator.idOf(Collection.ACTOR_TASKS, taskId, caller, "Actor task");
    try {
      return store
          .update(
              Collection.ACTOR_TASKS,
              id,
              current -> {
                ResourceLocator.checkOwned(current, caller);
                Versions.checkIfMatch(ifMatch, current, "Actor task");
                return change.apply(current);
              })
          .orElseThrow(() -> ApifyException.notFound("Actor task was not found"));
    } catch (NameTakenException e) {
      throw nameTaken();
    }
  }

  static void checkOptions(TaskOptions options) {
    if (options == null) {
      return;
    }
    Rules.checkMemoryMbytes("options.memoryMbytes", options.getMemoryMbytes());
    Rules.checkNotNegative("options.timeoutSecs", options.getTimeoutSecs());
    Rules.checkNotNegative("options.maxItems", options.getMaxItems());
    Rules.checkNotNegative("options.maxTotalChargeUsd", options.getMaxTotalChargeUsd());
  }

  private Task toTask(Document document) {
    return json.read(document.json(), Task.class);
  }

  private Document toDocument(Task task) {
    return new Document(
        task.getId(),
        task.getUserId(),
        task.getName(),
        task.getCreatedAt().toInstant(),
        json.write(task));
  }

  private static Task withUsername(Task task, User owner) {
    return task.username(owner.username());
  }

  private static ApifyException nameTaken() {
    return new ApifyException(ApifyError.ACTOR_TASK_NAME_NOT_UNIQUE);
  }
}
