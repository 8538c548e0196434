package dev.korescore.core.port.out;

import static java.util.Objects.requireNonNull;

/**
 * A document could not be read as a {@link dev.korescore.core.policy.FormChange}: malformed, an unknown
 * field, a value of the wrong type or out of range. The message names the place ({@code
 * file:line:column}) and the field.
 */
public class FormChangeReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final SourcePosition position;
  private final String reason;

  public FormChangeReadException(SourcePosition position, String reason, Throwable cause) {
    super(requireNonNull(position, "position") + ": " + requireNonNull(reason, "reason"), cause);
    this.position = position;
    this.reason = reason;
  }

  public FormChangeReadException(SourcePosition position, String reason) {
    this(position, reason, null);
  }

  public SourcePosition position() {
    return position;
  }

  /** What was wrong, without the place. */
  public String reason() {
    return reason;
  }
}
