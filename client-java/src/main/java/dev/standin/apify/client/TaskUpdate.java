package dev.standin.apify.client;

import dev.standin.apify.model.ActorStandby;
import dev.standin.apify.model.TaskOptions;
import dev.standin.apify.model.UpdateTaskRequest;
import dev.standin.client.UpdateBuilder;
import java.util.Map;
import java.util.Objects;

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
    Objects.requireNonNull(name, "name");
    return step(r -> r.name(name));
  }

  /** Sets the title. */
  public TaskUpdate title(String title) {
    Objects.requireNonNull(title, "title (use clearTitle)");
    return step(r -> r.title(title));
  }

  /** Clears: sends {@code "title": null}, removing the title. */
  public TaskUpdate clearTitle() {
    return step(r -> r.title(null));
  }

  /** Sets: replaces the options whole (not merged). */
  public TaskUpdate options(TaskOptions options) {
    Objects.requireNonNull(options, "options (use clearOptions)");
    return step(r -> r.options(options));
  }

  /** Clears: sends {@code "options": null}, removing every option. */
  public TaskUpdate clearOptions() {
    return step(r -> r.options(null));
  }

  /**
   * Sets: replaces the input whole (to merge instead, use {@link TaskClient#updateInput}). Values
   * inside the map may be null; they are stored as null.
   */
  public TaskUpdate input(Map<String, Object> input) {
    Objects.requireNonNull(input, "input (use clearInput)");
    return step(r -> r.input(input));
  }

  /** Clears: sends {@code "input": null}; the input endpoint then answers {@code {}}. */
  public TaskUpdate clearInput() {
    return step(r -> r.input(null));
  }

  /** Sets: replaces the standby settings whole. */
  public TaskUpdate actorStandby(ActorStandby actorStandby) {
    Objects.requireNonNull(actorStandby, "actorStandby (use clearActorStandby)");
    return step(r -> r.actorStandby(actorStandby));
  }

  /** Clears: sends {@code "actorStandby": null}. */
  public TaskUpdate clearActorStandby() {
    return step(r -> r.actorStandby(null));
  }
}
