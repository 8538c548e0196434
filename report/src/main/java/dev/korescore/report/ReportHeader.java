package dev.korescore.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the report says about itself: its title, what was audited, and when it was made. The time is
 * passed in by the caller (the CLI's clock), never read inside the report.
 *
 * @param title the page title
 * @param sources what was audited: file names, {@code "-"} for standard input, a date range
 * @param generatedAt when the report was made
 */
public record ReportHeader(String title, List<String> sources, Optional<Instant> generatedAt) {
  public static final String DEFAULT_TITLE = "korescore audit";

  public ReportHeader {
    requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank, was '" + title + "'");
    }
    sources = List.copyOf(sources);
    requireNonNull(generatedAt, "generatedAt");
  }

  /** The default title, the given sources, made at {@code generatedAt}. */
  public static ReportHeader of(List<String> sources, Instant generatedAt) {
    return new ReportHeader(DEFAULT_TITLE, sources, Optional.of(requireNonNull(generatedAt, "generatedAt")));
  }

  /** The default title, no sources, no time. */
  public static ReportHeader untitled() {
    return new ReportHeader(DEFAULT_TITLE, List.of(), Optional.empty());
  }

  public ReportHeader withTitle(String newTitle) {
    return new ReportHeader(newTitle, sources, generatedAt);
  }
}
