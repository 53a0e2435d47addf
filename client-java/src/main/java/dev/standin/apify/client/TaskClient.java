package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorTasksApi;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.UpdateTaskRequest;
import java.util.Map;
import java.util.Optional;

/** One task: {@code client.task("janedoe/my-task")}. */
public final class TaskClient {

  private final ActorTasksApi api;
  private final ApiCall call;
  private final String id;

  TaskClient(ActorTasksApi api, ApiCall call, String id) {
    this.api = api;
    this.call = call;
    this.id = ResourceIds.toPathId(id);
  }

  /** The task, or empty when it does not exist. */
  public Optional<Task> get() {
    return call.runOrEmptyIfMissing(() -> api.actorTaskGet(id).getData());
  }

  /** Replaces each property set on {@code changes} (set to null clears it); unset ones are kept. */
  public Task update(UpdateTaskRequest changes) {
    return update(changes, null);
  }

  /**
   * As {@link #update(UpdateTaskRequest)}, but only while the task's ETag is {@code ifMatch} (a
   * server extension); otherwise fails with 412 {@code precondition-failed} and changes nothing.
   */
  public Task update(UpdateTaskRequest changes, String ifMatch) {
    return call.run(() -> api.actorTaskPut(id, changes, ifMatch).getData());
  }

  /** Deletes the task; deleting a task that does not exist is not an error. */
  public void delete() {
    call.runOrEmptyIfMissing(
        () -> {
          api.actorTaskDelete(id);
          return null;
        });
  }

  /** The task's input ({@code {}} when it has none), or empty when the task does not exist. */
  public Optional<Map<String, Object>> getInput() {
    return call.runOrEmptyIfMissing(() -> api.actorTaskInputGet(id));
  }

  /**
   * Merges {@code changes} into the input one level deep (a null value is stored as null) and
   * returns the whole input.
   */
  public Map<String, Object> updateInput(Map<String, Object> changes) {
    return updateInput(changes, null);
  }

  /**
   * As {@link #updateInput(Map)}, but only while the task's ETag is {@code ifMatch} (a server
   * extension); otherwise fails with 412 {@code precondition-failed} and changes nothing.
   */
  public Map<String, Object> updateInput(Map<String, Object> changes, String ifMatch) {
    return call.run(() -> api.actorTaskInputPut(id, changes, ifMatch));
  }
}
