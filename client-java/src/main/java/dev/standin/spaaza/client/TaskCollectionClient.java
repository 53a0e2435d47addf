package dev.standin.spaaza.client;

import dev.standin.client.Pager;
import dev.standin.spaaza.client.api.TasksApi;
import dev.standin.spaaza.model.CreateTaskRequest;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskAction;
import dev.standin.spaaza.model.TaskStateCode;
import java.util.List;
import java.util.stream.Stream;

/** The tasks of the caller's chain: {@code services.tasks()}. */
public final class TaskCollectionClient {

  /** The server's default page size. */
  private static final int DEFAULT_PAGE_SIZE = 100;

  private final TasksApi api;
  private final SpaazaCall call;
  private final String apiVersion;

  TaskCollectionClient(TasksApi api, SpaazaCall call, String apiVersion) {
    this.api = api;
    this.call = call;
    this.apiVersion = apiVersion;
  }

  public Task create(CreateTaskRequest task) {
    return call.run(() -> api.tasksCreate(task, apiVersion));
  }

  /** The first 100 tasks, oldest first. */
  public List<Task> list() {
    return list(new Filter());
  }

  public List<Task> list(Filter filter) {
    return call.run(
        () ->
            api.tasksList(
                apiVersion,
                filter.status,
                filter.action,
                filter.campaignId,
                filter.limit,
                filter.offset));
  }

  /**
   * Every task matching {@code filter}, fetched lazily page by page: the filter's {@code limit}
   * (default 100) is the page size and its {@code offset} (default 0) where the walk starts. A page
   * is requested only when the stream reaches it; a page shorter than the page size is the last.
   *
   * @throws IllegalArgumentException when the filter's limit is below 1
   */
  public Stream<Task> iterate(Filter filter) {
    int pageSize = filter.limit != null ? filter.limit : DEFAULT_PAGE_SIZE;
    long start = filter.offset != null ? filter.offset : 0;
    return Pager.stream(
        start,
        pageSize,
        (offset, limit) -> new Pager.Page<>(list(filter.page(offset, limit)), null));
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

    /** The same filters, for one page. */
    private Filter page(long offset, int limit) {
      return new Filter()
          .status(status)
          .action(action)
          .campaignId(campaignId)
          .offset(Math.toIntExact(offset))
          .limit(limit);
    }
  }
}
