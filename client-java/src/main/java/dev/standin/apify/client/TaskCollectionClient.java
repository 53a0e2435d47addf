package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorTasksApi;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.ListOfTasks;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskShort;
import dev.standin.client.Pager;
import java.util.stream.Stream;

/** The caller's tasks: {@code client.tasks()}. */
public final class TaskCollectionClient {

  private final ActorTasksApi api;
  private final ApiCall call;

  TaskCollectionClient(ActorTasksApi api, ApiCall call) {
    this.api = api;
    this.call = call;
  }

  public Task create(CreateTaskRequest task) {
    return call.run(() -> api.actorTasksPost(task).getData());
  }

  /** The first page (up to 1000 tasks), oldest first. */
  public ListOfTasks list() {
    return list(null, null, false);
  }

  /**
   * One page of tasks.
   *
   * @param offset how many to skip, or null for 0
   * @param limit most to return, or null for the server's maximum (1000)
   * @param desc newest first
   */
  public ListOfTasks list(Long offset, Integer limit, boolean desc) {
    return call.run(() -> api.actorTasksGet(offset, limit, desc).getData());
  }

  /**
   * Every one of the caller's tasks, oldest first, fetched lazily 1000 (the server's maximum) a
   * page.
   */
  public Stream<TaskShort> iterate() {
    return iterate(1000);
  }

  /**
   * Every one of the caller's tasks, oldest first, fetched lazily {@code pageSize} at a time: a
   * page is requested only when the stream reaches it, and the walk stops at the {@code total} the
   * server reports.
   *
   * @throws IllegalArgumentException when {@code pageSize} is below 1
   */
  public Stream<TaskShort> iterate(int pageSize) {
    return Pager.stream(
        0,
        pageSize,
        (offset, limit) -> {
          ListOfTasks page = list(offset, limit, false);
          return new Pager.Page<>(page.getItems(), page.getTotal());
        });
  }
}
