package dev.korescore.cli.common;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What a long-running writer does on Ctrl-C (SIGINT) or {@code kill} (SIGTERM): the JVM runs its
 * shutdown hooks and exits with 130 or 143; this hook first waits for a durable step in progress
 * (writing a checkpoint, committing a batch) to finish, then stops any new one from starting, and
 * prints one line, e.g. "interrupted after 412 records; rerun with --resume". A run that ends normally
 * {@link #close() closes} it, which removes the hook.
 *
 * <pre>{@code
 * try (Interruption interruption = Interruption.install(err, () -> "interrupted after " + n + " records; rerun with --resume")) {
 *   ... write ...
 *   interruption.durably(() -> { flush(); fsync(); writeCheckpoint(); });
 * }
 * }</pre>
 */
public final class Interruption implements AutoCloseable {
  /** How long the hook waits for a durable step in progress. */
  static final long WAIT_SECONDS = 20;

  private final ReentrantLock durable = new ReentrantLock();
  private final Thread hook;
  private volatile boolean interrupted;

  private Interruption(PrintWriter err, Supplier<String> message) {
    this.hook = new Thread(() -> onSignal(err, message), "korescore-interruption");
  }

  private Interruption() {
    this.hook = null;
  }

  /** No hook: {@link #durably} just runs the step (a library caller handles signals itself). */
  public static Interruption none() {
    return new Interruption();
  }

  /** Installs the hook; {@code message} is asked for the line when the signal comes. */
  public static Interruption install(PrintWriter err, Supplier<String> message) {
    Interruption interruption = new Interruption(requireNonNull(err, "err"), requireNonNull(message, "message"));
    Runtime.getRuntime().addShutdownHook(interruption.hook);
    return interruption;
  }

  private void onSignal(PrintWriter err, Supplier<String> message) {
    interrupted = true;
    try {
      // Held until the JVM halts: a step in progress finishes, no new one starts.
      durable.tryLock(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String line;
    try {
      line = message.get();
    } catch (RuntimeException e) {
      line = "interrupted";
    }
    err.println("korescore: " + line);
    err.flush();
  }

  /** Runs {@code step} so that an interruption never cuts it in half. */
  public void durably(Runnable step) {
    durable.lock();
    try {
      step.run();
    } finally {
      durable.unlock();
    }
  }

  /** True once a signal came (the process is ending). */
  public boolean interrupted() {
    return interrupted;
  }

  /** Removes the hook (the run ended by itself). */
  @Override
  public void close() {
    if (hook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing to remove
    }
  }
}
