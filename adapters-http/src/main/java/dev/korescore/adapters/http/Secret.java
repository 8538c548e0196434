package dev.korescore.adapters.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * A client secret or a ready-made token. Its {@link #toString()} is redacted, so that it never reaches a
 * log line, an exception message or a debugger's summary by accident.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps {@code value} (leading and trailing whitespace, such as a file's final newline, removed). */
  public static Secret of(String value) {
    String stripped = requireNonNull(value, "value").strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException("secret must not be blank");
    }
    return new Secret(stripped);
  }

  String reveal() {
    return value;
  }

  byte[] bytes() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
