package dev.standin.spaaza.client;

import dev.standin.spaaza.client.api.TasksApi;
import dev.standin.spaaza.model.CreateTaskRequest;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskAction;
import dev.standin.spaaza.model.TaskStateCode;
import java.util.List;

/** The tasks of the caller's chain: {@code services.tasks()}. */
public final class TaskCollectionClient {

  private final TasksApi api;
  private final SpaazaCall call;

  TaskCollectionClient(TasksApi api, SpaazaCall call) {
    this.api = api;
    this.call = call;
  }

  public Task create(CreateTaskRequest task) {
    return call.run(() -> api.tasksCreate(task));
  }

  /** The first 100 tasks, oldest first. */
  public List<Task> list() {
    return list(new Filter());
  }

  public List<Task> list(Filter filter) {
    return call.run(
        () ->
            api.tasksList(
                filter.status, filter.action, filter.campaignId, filter.limit, filter.offset));
  }

  /** Optional filters and paging of {@link #list(Filter)}; unset ones are not sent. */
  public static final class Filter {
    private TaskStateCode status;
    private TaskAction action;
    private Long campaignId;
    private Integer limit;
    private Integer offset;

    public Filter status(TaskStateCode status) {
      this.status = status;
      return this;
    }

    public Filter action(TaskAction action) {
      this.action = action;
      return this;
    }

    public Filter campaignId(Long campaignId) {
      this.campaignId = campaignId;
      return this;
    }

    public Filter limit(Integer limit) {
      this.limit = limit;
      return this;
    }

    public Filter offset(Integer offset) {
      this.offset = offset;
      return this;
    }
  }
}
