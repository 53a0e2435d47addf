package dev.standin.apify.client;

import dev.standin.apify.model.ActorStandby;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.UpdateTaskRequest;
import dev.standin.client.UpdateBuilder;
import java.util.Map;

/**
 * Builds an {@link UpdateTaskRequest} where absent and {@code null} are explicit: a setter sends
 * the value, a {@code clear} method sends {@code null} (the server clears the property), and a
 * property no method touches is left out of the JSON (the server keeps it).
 *
 * <pre>{@code
 * client.task(id).update(TaskUpdate.create().title("Nightly").clearOptions().build());
 * }</pre>
 */
public final class TaskUpdate extends UpdateBuilder<UpdateTaskRequest, TaskUpdate> {

  private TaskUpdate() {
    super(UpdateTaskRequest::new);
  }

  /** An update that changes nothing until methods are called. */
  public static TaskUpdate create() {
    return new TaskUpdate();
  }

  /** Sets: renames the task. There is no clear: the server treats a {@code null} name as absent. */
  public TaskUpdate name(String name) {
    return set(UpdateTaskRequest::name, name, "name");
  }

  /** Sets the title. */
  public TaskUpdate title(String title) {
    return set(UpdateTaskRequest::title, title, "title (use clearTitle)");
  }

  /** Clears: sends {@code "title": null}, removing the title. */
  public TaskUpdate clearTitle() {
    return clear(UpdateTaskRequest::title);
  }

  /** Sets: replaces the options whole (not merged). */
  public TaskUpdate options(TaskOptions options) {
    return set(UpdateTaskRequest::options, options, "options (use clearOptions)");
  }

  /** Clears: sends {@code "options": null}, removing every option. */
  public TaskUpdate clearOptions() {
    return clear(UpdateTaskRequest::options);
  }

  /**
   * Sets: replaces the input whole (to merge instead, use {@link TaskClient#updateInput}). Values
   * inside the map may be null; they are stored as null.
   */
  public TaskUpdate input(Map<String, Object> input) {
    return set(UpdateTaskRequest::input, input, "input (use clearInput)");
  }

  /** Clears: sends {@code "input": null}; the input endpoint then answers {@code {}}. */
  public TaskUpdate clearInput() {
    return clear(UpdateTaskRequest::input);
  }

  /** Sets: replaces the standby settings whole. */
  public TaskUpdate actorStandby(ActorStandby actorStandby) {
    return set(
        UpdateTaskRequest::actorStandby, actorStandby, "actorStandby (use clearActorStandby)");
  }

  /** Clears: sends {@code "actorStandby": null}. */
  public TaskUpdate clearActorStandby() {
    return clear(UpdateTaskRequest::actorStandby);
  }
}
