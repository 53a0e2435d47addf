package dev.standin.spaaza.client;

import dev.standin.client.UpdateBuilder;
import dev.standin.spaaza.model.TaskTarget;
import dev.standin.spaaza.model.TaskTrigger;
import dev.standin.spaaza.model.UpdateTaskRequest;

/**
 * Builds a Spaaza {@link UpdateTaskRequest}: a setter sends the value, a property no method touches
 * is left out of the JSON (the server keeps it). There are no clear methods: the server refuses
 * {@code null} for every property (400, see ADR 0012), so the builder never sends one.
 *
 * <pre>{@code
 * services.task(id).update(SpaazaTaskUpdate.create().desc("Nightly export").build());
 * }</pre>
 */
public final class SpaazaTaskUpdate extends UpdateBuilder<UpdateTaskRequest, SpaazaTaskUpdate> {

  private SpaazaTaskUpdate() {
    super(UpdateTaskRequest::new);
  }

  /** An update that changes nothing until methods are called. */
  public static SpaazaTaskUpdate create() {
    return new SpaazaTaskUpdate();
  }

  /** Sets the description. */
  public SpaazaTaskUpdate desc(String desc) {
    return set(UpdateTaskRequest::desc, desc, "desc");
  }

  /** Sets: replaces the target whole (checked by the server). */
  public SpaazaTaskUpdate target(TaskTarget target) {
    return set(UpdateTaskRequest::target, target, "target");
  }

  /** Sets: replaces the trigger whole (checked by the server). */
  public SpaazaTaskUpdate trigger(TaskTrigger trigger) {
    return set(UpdateTaskRequest::trigger, trigger, "trigger");
  }

  /** Sets the debug note. */
  public SpaazaTaskUpdate debug(String debug) {
    return set(UpdateTaskRequest::debug, debug, "debug");
  }
}
