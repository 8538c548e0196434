package dev.korescore.cli.fetch;

import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.WindowLedger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal (records, pages, rate, ETA); nothing when there is no terminal. */
public final class Progress implements FetchListener, AutoCloseable {
  private final ProgressBar bar;
  private final int windows;
  private long expected;
  private long records;
  private long pages;
  private int windowsDone;

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
        .setInitialMax(-1)
        .setUnit(" rec", 1)
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .build();
    return new Progress(bar, windows);
  }

  @Override
  public void pageFetched(DateWindow window, int page, int fresh, long totalReported) {
    pages++;
    records += fresh;
    if (page == 1 && totalReported >= 0) {
      expected += totalReported;
    }
    if (bar != null) {
      if (expected > 0) {
        bar.maxHint(Math.max(expected, records));
      }
      bar.stepTo(records);
      bar.setExtraMessage(" p" + pages + " w" + windowsDone + "/" + windows);
    }
  }

  @Override
  public void windowCompleted(WindowLedger ledger) {
    windowsDone++;
    if (bar != null) {
      bar.setExtraMessage(" p" + pages + " w" + windowsDone + "/" + windows);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
