package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorTasksApi;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.ListOfTasks;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskShort;

/** The caller's tasks: {@code client.tasks()}. */
public final class TaskCollectionClient extends PagedListClient<TaskShort, ListOfTasks> {

  private final ActorTasksApi api;
  private final ApiCall call;

  TaskCollectionClient(ActorTasksApi api, ApiCall call) {
    this.api = api;
    this.call = call;
  }

  public Task create(CreateTaskRequest task) {
    return call.run(() -> api.actorTasksPost(task).getData());
  }

  /**
   * One page of tasks.
   *
   * @param offset how many to skip, or null for 0
   * @param limit most to return, or null for the server's maximum (1000)
   * @param desc newest first
   */
  @Override
  public ListOfTasks list(Long offset, Integer limit, boolean desc) {
    return call.run(() -> api.actorTasksGet(offset, limit, desc).getData());
  }
}
