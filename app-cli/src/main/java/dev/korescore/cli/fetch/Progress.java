package dev.korescore.cli.fetch;

import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.WindowLedger;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on a terminal; nothing when there is no terminal. The bar measures windows (the one
 * quantity known from the start): windows done, plus the share of the current window's reported total
 * received so far, so it never goes backwards when the next window's total arrives; records, pages and
 * the record rate are shown beside it, and the ETA follows the bar.
 */
public final class Progress implements FetchListener, AutoCloseable {
  /** Steps of the bar per window. */
  static final int STEPS = 1000;

  private final ProgressBar bar;
  private final int windows;
  private final long startNanos = System.nanoTime();
  private int windowsDone;
  private long records;
  private long pages;
  private long windowExpected;
  private long windowReceived;
  private long position;

  private Progress(ProgressBar bar, int windows) {
    this.bar = bar;
    this.windows = windows;
  }

  /**
   * True when standard output is a terminal: {@code System.console()} exists and, on JDK 22+ (where a
   * console exists even when output is redirected), {@code Console.isTerminal()} says so.
   */
  public static boolean onTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException beforeJdk22) {
      return true;
    } catch (ReflectiveOperationException | ClassCastException e) {
      return false;
    }
  }

  static Progress forTerminal(boolean terminal, int windows) {
    return forTerminal(terminal, windows, "fetch");
  }

  /** A bar named {@code task} on a terminal, nothing otherwise. */
  public static Progress forTerminal(boolean terminal, int windows, String task) {
    if (!terminal) {
      return new Progress(null, windows);
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax((long) windows * STEPS)
        .setUnit(" windows", STEPS)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .build();
    return new Progress(bar, windows);
  }

  /** Windows finished by an earlier run (a resumed download). */
  void alreadyDone(int windowsFinished) {
    windowsDone += windowsFinished;
    advance();
  }

  @Override
  public void pageFetched(DateWindow window, int page, int fresh, long totalReported) {
    pages++;
    records += fresh;
    windowReceived += fresh;
    if (page == 1 && totalReported >= 0) {
      windowExpected += totalReported;
    }
    advance();
  }

  @Override
  public void windowCompleted(WindowLedger ledger) {
    windowsDone++;
    windowExpected = 0;
    windowReceived = 0;
    advance();
  }

  /** The bar's position: whole windows done plus the current one's share, never less than before. */
  long position() {
    return position;
  }

  private void advance() {
    long within = windowExpected <= 0 ? 0 : Math.min(STEPS - 1, windowReceived * STEPS / windowExpected);
    position = Math.max(position, Math.min((long) windows * STEPS, (long) windowsDone * STEPS + within));
    if (bar != null) {
      bar.stepTo(position);
      double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
      bar.setExtraMessage(String.format(Locale.ROOT, " %,d records, %,d pages, %.0f rec/s", records, pages, records / seconds));
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
