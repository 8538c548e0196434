package dev.korescore.cli.common;

/**
 * The exit codes of every {@code korescore} command, documented in {@code --help} and the README.
 */
public final class ExitCodes {
  /** Success: the work is complete and every auditable record matched. */
  public static final int OK = 0;
  /** {@code audit}: at least one mismatch was found. */
  public static final int MISMATCH = 1;
  /** Usage, input, configuration or authentication error. */
  public static final int USAGE_OR_INPUT = 2;
  /** {@code fetch}: the server's totals and what was received disagree. */
  public static final int INCOMPLETE = 3;
  /** Network, server or other runtime failure not caused by the input. */
  public static final int RUNTIME_FAILURE = 4;
  /** Out of memory: the Java heap, or the store's own memory limit, was too small for the work. */
  public static final int OUT_OF_MEMORY = 5;

  /** The exit-code list shown by {@code --help}. */
  public static final java.util.List<String> HELP_LIST = java.util.List.of(
    "0:Success (audit: every auditable record matched; fetch, sync: complete).",
    "1:audit found at least one mismatch; whatif: at least one interaction flips.",
    "2:Usage, input, configuration, authentication or store error (a store that cannot be opened, is in use or is newer).",
    "3:fetch or sync finished, but the server's totals and what was received disagree.",
    "4:Network, server or other failure (rerun with --debug for the stack trace).",
    "5:Out of memory (the Java heap or the store's memory limit): a larger heap (KORESCORE_JAVA_OPTS=-Xmx1g) or, for sync, a shorter --window.",
    "130:fetch interrupted by Ctrl-C (SIGINT); finished windows are saved: rerun with --resume.",
    "143:fetch stopped by SIGTERM; finished windows are saved: rerun with --resume.");

  private ExitCodes() {}
}
