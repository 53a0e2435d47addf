package dev.standin.server.kernel.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for a single-writer database: writes queued by many request threads are run one
 * after another by one writer thread, each inside its own savepoint, and committed together, so a
 * burst of writes costs one fsync instead of one each. A caller's write returns only after the
 * commit that contains it, so durability per write is unchanged; a write that fails is rolled back
 * to its savepoint alone and does not affect the others of its batch.
 */
final class GroupCommitWriter implements AutoCloseable {

  /** Bounds one batch, so a flood of writes still commits (and answers) regularly. */
  private static final int MAX_BATCH = 256;

  private record Job<T>(SqlWork<T> work, CompletableFuture<T> result) {}

  private final Connection connection;
  private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  GroupCommitWriter(Connection connection, String name) throws SQLException {
    this.connection = connection;
    connection.setAutoCommit(false);
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs {@code work} in the next batch and waits until that batch is committed. */
  <T> T submit(SqlWork<T> work) {
    if (!running) {
      throw new StoreException("the store is closed", null);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    queue.add(new Job<>(work, result));
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a write", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new StoreException("write failed", cause);
    }
  }

  private void loop() {
    List<Job<?>> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Job<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        runBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      } finally {
        batch.clear();
      }
    }
  }

  private void runBatch(List<Job<?>> batch) {
    List<Runnable> completions = new ArrayList<>(batch.size());
    for (Job<?> job : batch) {
      completions.add(runInSavepoint(job));
    }
    try {
      connection.commit();
      completions.forEach(Runnable::run);
    } catch (SQLException e) {
      rollbackQuietly();
      StoreException failure = new StoreException("commit failed", e);
      batch.forEach(job -> job.result().completeExceptionally(failure));
    }
  }

  /** Runs one job; returns what completes its future once the batch is committed. */
  private <T> Runnable runInSavepoint(Job<T> job) {
    Savepoint savepoint = null;
    try {
      savepoint = connection.setSavepoint();
      T value = job.work().run(connection);
      connection.releaseSavepoint(savepoint);
      return () -> job.result().complete(value);
    } catch (Exception e) {
      undo(savepoint);
      Throwable failure = e instanceof SQLException ? new StoreException("write failed", e) : e;
      return () -> job.result().completeExceptionally(failure);
    }
  }

  private void undo(Savepoint savepoint) {
    if (savepoint == null) {
      return;
    }
    try {
      connection.rollback(savepoint);
      connection.releaseSavepoint(savepoint);
    } catch (SQLException e) {
      throw new StoreException("cannot undo a failed write", e);
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the commit already failed; that failure is what callers are told
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the writer connection", e);
    }
  }
}
