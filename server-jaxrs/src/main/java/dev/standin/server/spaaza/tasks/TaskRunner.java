package dev.standin.server.spaaza.tasks;

import dev.standin.server.spaaza.export.ExportFiles;
import dev.standin.server.spaaza.export.ExportSource;
import dev.standin.server.spaaza.segments.SegmentFilter;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskLog;
import dev.standin.spaaza.model.TaskStateCode;
import dev.standin.spaaza.model.TaskTarget;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs export tasks. A run starts with a claim — one atomic store update from an allowed state to
 * {@code INPROGRESS} — so of two callers (the scheduler and {@code execute}, or two servers on one
 * database) only one runs a task; the outcome ({@code DONE} with a result file, or {@code ERROR})
 * is stored with its log entries and {@code last_run_date}.
 *
 * <p>A run whose server stopped (a crash, a kill) leaves its task {@code INPROGRESS} with nobody to
 * finish it. Runs take milliseconds to seconds, so a run that has not ended {@link #RUN_LEASE}
 * after it started is taken to be such an abandoned run: the task may be claimed again.
 */
public final class TaskRunner {

  /** How long a run may go on before its task is taken to be abandoned. */
  public static final Duration RUN_LEASE = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final TaskDocuments tasks;
  private final ExportSource source;
  private final ExportFiles files;

  public TaskRunner(TaskDocuments tasks, ExportSource source, ExportFiles files) {
    this.tasks = tasks;
    this.source = source;
    this.files = files;
  }

  /**
   * Moves the task to {@code INPROGRESS} if it is in one of {@code from}, or if its run was
   * abandoned ({@link #abandoned}).
   *
   * @return the claimed task, or empty when it does not exist or is in another state
   */
  public Optional<Task> claim(long id, Set<TaskStateCode> from, String why) {
    AtomicBoolean claimed = new AtomicBoolean();
    Optional<Task> task =
        tasks.update(
            id,
            current -> {
              boolean abandoned = abandoned(current);
              if (!from.contains(current.getState().getCode()) && !abandoned) {
                return null; // not claimable: leave it as it is
              }
              claimed.set(true);
              if (abandoned) {
                LOG.warn("Spaaza task {}: its run did not end; running it again", id);
                log(
                    current,
                    TaskLog.LevelEnum.ERROR,
                    "Run abandoned: it did not end within "
                        + RUN_LEASE.toMinutes()
                        + " minutes (its server stopped?).");
              }
              current.getState().setCode(TaskStateCode.INPROGRESS);
              return log(current, TaskLog.LevelEnum.INFO, "Run started (" + why + ").");
            });
    return claimed.get() ? task : Optional.empty();
  }

  /**
   * True when {@code task} is {@code INPROGRESS} and its run started (its newest log entry) longer
   * than {@link #RUN_LEASE} ago.
   */
  public boolean abandoned(Task task) {
    if (task.getState().getCode() != TaskStateCode.INPROGRESS) {
      return false;
    }
    OffsetDateTime started =
        task.getLogs() == null
            ? null
            : task.getLogs().stream()
                .map(TaskLog::getDate)
                .filter(java.util.Objects::nonNull)
                .max(OffsetDateTime::compareTo)
                .orElse(null);
    return started == null || !started.plus(RUN_LEASE).isAfter(tasks.now());
  }

  /** Runs a task claimed by {@link #claim} and returns it as stored afterwards. */
  public Task run(Task claimed) {
    TaskTarget target = claimed.getTarget(); // the target as it was when the run started
    String outcome;
    TaskStateCode end;
    String result = null;
    try {
      List<Map<String, Object>> rows =
          SegmentFilter.select(
              claimed.getTrigger().getSegment(), // the segment as it was when the run started
              source.rows(claimed.getChain(), target.getExportIndex()),
              tasks.now().toInstant());
      result =
          files.write(claimed.getId(), target.getExportIndex(), target.getExportFormat(), rows);
      end = TaskStateCode.DONE;
      outcome = "Run finished: " + rows.size() + " rows written to " + result + ".";
    } catch (RuntimeException e) {
      LOG.warn("Spaaza task {} failed", claimed.getId(), e);
      end = TaskStateCode.ERROR;
      outcome = "Run failed: " + e.getMessage();
    }
    TaskStateCode state = end;
    String file = result;
    String message = outcome;
    Optional<Task> stored =
        tasks.update(
            claimed.getId(),
            current -> {
              current.getState().code(state).lastRunDate(tasks.now());
              if (file != null) {
                current.setResult(file);
              }
              return log(
                  current,
                  state == TaskStateCode.DONE ? TaskLog.LevelEnum.INFO : TaskLog.LevelEnum.ERROR,
                  message);
            });
    if (stored.isEmpty() && file != null) {
      files.delete(file); // deleted while it ran: leave nothing behind
    }
    return stored.orElse(claimed);
  }

  private Task log(Task task, TaskLog.LevelEnum level, String message) {
    List<TaskLog> logs =
        task.getLogs() == null ? new ArrayList<>() : new ArrayList<>(task.getLogs());
    logs.add(new TaskLog().date(tasks.now()).level(level).message(message));
    return task.logs(logs);
  }
}
