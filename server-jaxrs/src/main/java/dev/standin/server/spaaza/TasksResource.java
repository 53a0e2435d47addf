package dev.standin.server.spaaza;

import dev.standin.server.kernel.http.Created;
import dev.standin.server.kernel.http.CurrentRequest;
import dev.standin.server.spaaza.auth.SpaazaCaller;
import dev.standin.server.spaaza.tasks.SpaazaTaskService;
import dev.standin.spaaza.model.CreateTaskRequest;
import dev.standin.spaaza.model.DownloadUrl;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskAction;
import dev.standin.spaaza.model.TaskState;
import dev.standin.spaaza.model.TaskStateCode;
import dev.standin.spaaza.model.UpdateTaskRequest;
import dev.standin.spaaza.server.api.TasksApi;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;

/**
 * HTTP binding of the Spaaza task routes; the rules live in {@link SpaazaTaskService}. The {@code
 * X-Spaaza-API-Version} header every route takes was checked by {@link ApiVersionFilter}; every
 * supported version is served alike, so the methods do not read it.
 */
public class TasksResource implements TasksApi {

  private final SpaazaTaskService tasks;

  public TasksResource(SpaazaTaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public List<Task> tasksList(
      String apiVersion,
      TaskStateCode status,
      TaskAction action,
      Long campaignId,
      Integer limit,
      Integer offset) {
    return tasks.list(caller(), status, action, campaignId, limit, offset);
  }

  @Override
  public Task tasksCreate(CreateTaskRequest createTaskRequest, String apiVersion) {
    Task task = tasks.create(caller(), createTaskRequest);
    Created.mark(request(), "/tasks/" + task.getId());
    return task;
  }

  @Override
  public Task taskGet(Long id, String apiVersion, Integer logLimit, Integer offset) {
    return tasks.get(caller(), id, logLimit, offset);
  }

  @Override
  public Task taskUpdate(Long id, UpdateTaskRequest updateTaskRequest, String apiVersion) {
    return tasks.update(caller(), id, updateTaskRequest);
  }

  @Override
  public void taskDelete(Long id, String apiVersion) {
    tasks.delete(caller(), id);
  }

  @Override
  public TaskState taskExecute(Long id, String apiVersion) {
    return tasks.execute(caller(), id);
  }

  @Override
  public DownloadUrl taskDownloadUrl(Long id, String apiVersion) {
    return tasks.downloadUrl(caller(), id, request().getUriInfo().getBaseUri());
  }

  private SpaazaCaller caller() {
    return SpaazaCaller.of(request());
  }

  private static ContainerRequestContext request() {
    return CurrentRequest.get();
  }
}
