package dev.korescore.cli.common;

import static java.util.Objects.requireNonNull;

/**
 * A failure a command reports to the user as one line, with the exit code it maps to. The message must
 * name where (file:line, conversation id, metric) and must never carry a secret.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CliException(int exitCode, String message, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    if (exitCode <= 0) {
      throw new IllegalArgumentException("exitCode must be > 0, was " + exitCode);
    }
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message) {
    this(exitCode, message, null);
  }

  public static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE_OR_INPUT, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
