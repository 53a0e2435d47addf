package dev.standin.server.spaaza.tasks;

import dev.standin.server.kernel.json.DocumentJson;
import dev.standin.server.spaaza.store.SpaazaStore;
import dev.standin.server.spaaza.store.SpaazaTaskRecord;
import dev.standin.spaaza.model.Task;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

/** Spaaza tasks in the store: the model as JSON plus the columns the store filters by. */
public final class TaskDocuments {

  /** The vendor's "never": {@code 0001-01-01T00:00:00Z}. */
  public static final OffsetDateTime NEVER = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private final SpaazaStore store;
  private final DocumentJson json;
  private final Clock clock;

  public TaskDocuments(SpaazaStore store, DocumentJson json, Clock clock) {
    this.store = store;
    this.json = json;
    this.clock = clock;
  }

  /** Now, as the vendor writes times: UTC, whole seconds. */
  public OffsetDateTime now() {
    return OffsetDateTime.now(clock)
        .withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.SECONDS);
  }

  public Clock clock() {
    return clock;
  }

  public Optional<Task> find(long id) {
    return store.findTask(id).map(this::toTask);
  }

  /** Inserts a new task and returns it with the ID the store assigned. */
  public Task insert(Task task) {
    long id = store.insertTask(toRecord(task));
    return task.id(id);
  }

  /**
   * One atomic read-modify-write. {@code change} may modify the task it gets and return it, or
   * return null to leave the stored task as it is; an exception it throws stores nothing.
   */
  public Optional<Task> update(long id, Function<Task, Task> change) {
    return store
        .updateTask(
            id,
            current -> {
              Task after = change.apply(toTask(current));
              return after == null ? current : toRecord(after);
            })
        .map(this::toTask);
  }

  Task toTask(SpaazaTaskRecord record) {
    return json.read(record.json(), Task.class).id(record.id()).chain(record.chainId());
  }

  private SpaazaTaskRecord toRecord(Task task) {
    return new SpaazaTaskRecord(
        task.getId() == null ? 0 : task.getId(),
        task.getChain(),
        task.getState().getCode().getValue(),
        task.getTrigger().getOnce().toInstant(),
        task.getTarget().getAction().getValue(),
        task.getTarget().getCampaignId(),
        json.write(task));
  }
}
