package dev.standin.server.spaaza.tasks;

import dev.standin.server.spaaza.store.SpaazaStore;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskStateCode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code READY} tasks whose {@code trigger.once} has passed (and due tasks whose run was
 * abandoned, see {@link TaskRunner#RUN_LEASE}), on one background thread that polls the store:
 * first right after start (so tasks that fell due while the server was down run now), then every
 * poll interval. Time comes from the injected clock, so tests move it instead of waiting, and may
 * call {@link #runDueTasksNow} to poll at once.
 */
public final class TaskScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TaskScheduler.class);
  private static final int BATCH = 100;

  private final SpaazaStore store;
  private final TaskDocuments tasks;
  private final TaskRunner runner;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "spaaza-scheduler");
            t.setDaemon(true);
            return t;
          });

  /** Open once the poll right after start (the catch-up of tasks that fell due) has ended. */
  private final CountDownLatch startupPollDone = new CountDownLatch(1);

  public TaskScheduler(SpaazaStore store, TaskDocuments tasks, TaskRunner runner) {
    this.store = store;
    this.tasks = tasks;
    this.runner = runner;
  }

  public void start(Duration pollInterval) {
    thread.scheduleWithFixedDelay(
        this::pollQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Runs every task that is due now and returns how many this call ran (others may have been
   * claimed by a concurrent poll).
   */
  public int runDueTasksNow() {
    int ran = 0;
    List<Long> due;
    do {
      due = store.findDueTasks(TaskStateCode.READY.getValue(), tasks.clock().instant(), BATCH);
      for (long id : due) {
        var claimed = runner.claim(id, Set.of(TaskStateCode.READY), "scheduled");
        if (claimed.isPresent()) {
          runner.run(claimed.get());
          ran++;
        }
      }
    } while (due.size() == BATCH);
    // Runs whose server stopped: due tasks left INPROGRESS longer than the run lease.
    for (long id :
        store.findDueTasks(TaskStateCode.INPROGRESS.getValue(), tasks.clock().instant(), BATCH)) {
      // A read first: a run still going on is the usual case and needs no write transaction.
      boolean abandoned = tasks.find(id).filter(runner::abandoned).isPresent();
      Optional<Task> claimed =
          abandoned ? runner.claim(id, Set.of(), "scheduled, again") : Optional.empty();
      if (claimed.isPresent()) {
        runner.run(claimed.get());
        ran++;
      }
    }
    return ran;
  }

  private void pollQuietly() {
    try {
      runDueTasksNow();
    } catch (RuntimeException e) {
      LOG.error("The Spaaza scheduler's poll failed; it tries again at the next one", e);
    } finally {
      startupPollDone.countDown();
    }
  }

  /**
   * Waits until the poll right after start has ended, so that a caller driving the clock knows that
   * poll will not take a task it means to run itself; false when {@code timeout} passed first.
   */
  public boolean awaitStartupPoll(Duration timeout) throws InterruptedException {
    return startupPollDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops polling and waits for a running task to finish. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
