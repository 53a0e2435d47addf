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

  /**
   * Sets options, merged one level by the server: each option set on {@code options} replaces the
   * stored one (set to null clears it), unset ones are kept. Combines with the single-option
   * setters ({@link #runBuild}, {@link #timeoutSecs}, {@link #memoryMbytes}, ...) into one {@code
   * options} object; a later step wins.
   */
  public TaskUpdate options(TaskOptions options) {
    Objects.requireNonNull(options, "options (use clearOptions)");
    return step(r -> r.options(Models.copy(options, TaskOptions.class)));
  }

  /** Sets one option: the build (a tag or number) the task runs; other options are kept. */
  public TaskUpdate runBuild(String build) {
    Objects.requireNonNull(build, "build");
    return step(r -> r.options(optionsOf(r).build(build)));
  }

  /** Sets one option: the run timeout in seconds; other options are kept. */
  public TaskUpdate timeoutSecs(long timeoutSecs) {
    return step(r -> r.options(optionsOf(r).timeoutSecs(timeoutSecs)));
  }

  /** Sets one option: the run memory in megabytes; other options are kept. */
  public TaskUpdate memoryMbytes(int memoryMbytes) {
    return step(r -> r.options(optionsOf(r).memoryMbytes(memoryMbytes)));
  }

  /** Sets one option: whether a failed run is restarted; other options are kept. */
  public TaskUpdate restartOnError(boolean restartOnError) {
    return step(r -> r.options(optionsOf(r).restartOnError(restartOnError)));
  }

  /** The request's options so far, or a new empty object. */
  private static TaskOptions optionsOf(UpdateTaskRequest r) {
    TaskOptions options = r.getOptions();
    return options != null ? options : new TaskOptions();
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

  /**
   * Sets standby settings, merged one level by the server: each sub-property set replaces the
   * stored one (set to null clears it), unset ones are kept.
   */
  public TaskUpdate actorStandby(ActorStandby actorStandby) {
    Objects.requireNonNull(actorStandby, "actorStandby (use clearActorStandby)");
    return step(r -> r.actorStandby(Models.copy(actorStandby, ActorStandby.class)));
  }

  /** Clears: sends {@code "actorStandby": null}. */
  public TaskUpdate clearActorStandby() {
    return clear(UpdateTaskRequest::actorStandby);
  }
}
