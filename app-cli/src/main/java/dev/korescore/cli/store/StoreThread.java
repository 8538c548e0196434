package dev.korescore.cli.store;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread that talks to the store during a sync, so that the store's work on one chunk overlaps
 * the parsing, hashing and auditing of the next: a store is used by one thread. A failure on it is
 * rethrown as it was to the thread that waits.
 */
final class StoreThread implements AutoCloseable {
  private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "korescore-store");
    thread.setDaemon(true);
    return thread;
  });

  /** Starts {@code step} on the store's thread. */
  Future<?> submit(Runnable step) {
    return executor.submit(step);
  }

  /** Starts {@code step} on the store's thread; its result comes with {@link #await}. */
  <T> Future<T> ask(Callable<T> step) {
    return executor.submit(step);
  }

  /** Runs {@code step} on the store's thread and returns its result. */
  <T> T call(Callable<T> step) {
    return await(executor.submit(step));
  }

  /** Waits for {@code pending} (none when null) and rethrows its failure. */
  <T> T await(Future<T> pending) {
    if (pending == null) {
      return null;
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return pending.get();
        } catch (InterruptedException e) {
          // the store's step is not cut in half: it finishes or fails, then the interruption is kept
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("the store failed: " + cause, cause);
    } catch (CancellationException e) {
      throw new IllegalStateException("the store's step was cancelled", e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits for {@code pending} after another failure: its own failure is not what the user needs. */
  void awaitQuietly(Future<?> pending) {
    try {
      await(pending);
    } catch (RuntimeException ignored) {
      // the first failure is already on its way up
    }
  }

  @Override
  public void close() {
    executor.shutdown();
  }
}
