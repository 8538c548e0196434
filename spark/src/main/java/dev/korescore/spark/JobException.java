package dev.korescore.spark;

/** A failure the job reports in one line with a documented exit code (no stack trace unless --debug). */
final class JobException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  JobException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  static JobException usage(String message) {
    return new JobException(KorescoreSpark.USAGE_OR_INPUT, message, null);
  }

  int exitCode() {
    return exitCode;
  }
}
