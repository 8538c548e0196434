package dev.korescore.core.port.out;

import static java.util.Objects.requireNonNull;

/**
 * Where in an input something was found: the source's name (a file path, or {@code <stdin>}), a
 * 1-based line and column, or 0 where unknown.
 */
public record SourcePosition(String source, long line, long column) {
  public SourcePosition {
    requireNonNull(source, "source");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, was " + line);
    }
    if (column < 0) {
      throw new IllegalArgumentException("column must be >= 0, was " + column);
    }
  }

  /** The place {@code line}:{@code column} in {@code source} (1-based; 0 where unknown). */
  public static SourcePosition of(String source, long line, long column) {
    return new SourcePosition(source, line, column);
  }

  /** {@code file:line:column}, leaving out what is unknown. */
  @Override
  public String toString() {
    if (line == 0) {
      return source;
    }
    return column == 0 ? source + ":" + line : source + ":" + line + ":" + column;
  }
}
