package dev.standin.spaaza.client;

import dev.standin.spaaza.client.api.TasksApi;
import dev.standin.spaaza.model.DownloadUrl;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskState;
import dev.standin.spaaza.model.UpdateTaskRequest;

/** One task: {@code services.task(12345)}. */
public final class TaskClient {

  private final TasksApi api;
  private final SpaazaCall call;
  private final long id;
  private final String apiVersion;

  TaskClient(TasksApi api, SpaazaCall call, long id, String apiVersion) {
    this.api = api;
    this.call = call;
    this.id = id;
    this.apiVersion = apiVersion;
  }

  /** The task with its 10 newest log entries. */
  public Task get() {
    return get(null, null);
  }

  /** The task with at most {@code logLimit} log entries, newest first, after {@code offset}. */
  public Task get(Integer logLimit, Integer offset) {
    return call.run(() -> api.taskGet(id, apiVersion, logLimit, offset));
  }

  /** Overwrites each property set on {@code changes}; unset ones are kept. */
  public Task update(UpdateTaskRequest changes) {
    return call.run(() -> api.taskUpdate(id, changes, apiVersion));
  }

  public void delete() {
    call.run(
        () -> {
          api.taskDelete(id, apiVersion);
          return null;
        });
  }

  /** Runs the task now and returns its state after the run. */
  public TaskState execute() {
    return call.run(() -> api.taskExecute(id, apiVersion));
  }

  /** A signed, expiring link to the result file of a finished export. */
  public DownloadUrl downloadUrl() {
    return call.run(() -> api.taskDownloadUrl(id, apiVersion));
  }
}
