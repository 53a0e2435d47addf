package dev.standin.server.apify;

import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.ListOfTasksResponse;
import dev.standin.apify.model.Task;
import dev.standin.apify.model.TaskResponse;
import dev.standin.apify.model.UpdateTaskRequest;
import dev.standin.apify.server.api.ActorTasksApi;
import dev.standin.server.apify.auth.Caller;
import dev.standin.server.apify.http.ETags;
import dev.standin.server.apify.store.User;
import dev.standin.server.kernel.http.Created;
import dev.standin.server.kernel.http.CurrentRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;

/** HTTP binding of the task routes; the rules live in {@link TaskService}. */
public class ActorTasksResource implements ActorTasksApi {

  private final TaskService tasks;

  public ActorTasksResource(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public ListOfTasksResponse actorTasksGet(Long offset, Integer limit, Boolean desc) {
    return new ListOfTasksResponse()
        .data(tasks.list(caller(), offset, limit, Boolean.TRUE.equals(desc)));
  }

  @Override
  public TaskResponse actorTasksPost(CreateTaskRequest createTaskRequest) {
    Task task = tasks.create(caller(), createTaskRequest);
    Created.mark(request(), "/v2/actor-tasks/" + task.getId());
    return new TaskResponse().data(task);
  }

  @Override
  public TaskResponse actorTaskGet(String actorTaskId) {
    return new TaskResponse().data(tagged(tasks.get(caller(), actorTaskId)));
  }

  @Override
  public TaskResponse actorTaskPut(
      String actorTaskId, UpdateTaskRequest updateTaskRequest, String ifMatch) {
    return new TaskResponse()
        .data(tagged(tasks.update(caller(), actorTaskId, updateTaskRequest, ifMatch)));
  }

  @Override
  public void actorTaskDelete(String actorTaskId) {
    tasks.delete(caller(), actorTaskId);
  }

  @Override
  public Map<String, Object> actorTaskInputGet(String actorTaskId) {
    return tagged(tasks.getInput(caller(), actorTaskId));
  }

  @Override
  public Map<String, Object> actorTaskInputPut(
      String actorTaskId, Map<String, Object> body, String ifMatch) {
    return tagged(tasks.mergeInput(caller(), actorTaskId, body, ifMatch));
  }

  private <T> T tagged(Versioned<T> answer) {
    ETags.mark(request(), answer.etag());
    return answer.value();
  }

  private User caller() {
    return Caller.of(request());
  }

  private static ContainerRequestContext request() {
    return CurrentRequest.get();
  }
}
