package dev.korescore.cli.audit;

import dev.korescore.adapters.json.CsvFormulaGuard;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.port.out.WriteTablePort;
import dev.korescore.scoring.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Writes one row per audited interaction: the columns of {@link #COLUMNS}. */
abstract class VerdictRows implements AutoCloseable {
  /** The columns of every row, in order. */
  static final List<String> COLUMNS = List.of(
      "conversationId", "verdict", "koreScore", "computedScore", "passScore", "korePassed", "computedPassed",
      "reasons");

  /**
   * A writer for {@code format}, or none for {@link OutputFormat#TEXT}; CSV through {@code tables}, its text
   * cells neutralised for spreadsheets ({@link CsvFormulaGuard}) unless {@code csvRaw}.
   */
  static VerdictRows forFormat(OutputFormat format, Writer out, WriteTablePort tables, boolean csvRaw) {
    switch (format) {
      case JSONL:
        return new JsonLines(out);
      case CSV:
        return new Csv(tables.open(out, COLUMNS), csvRaw);
      case TEXT:
      default:
        return new None();
    }
  }

  abstract void write(Interaction interaction, Verdict verdict);

  /** Flushes what is buffered; does not close the writer it was given. */
  @Override
  public abstract void close();

  static Integer koreScore(Interaction interaction) {
    return interaction.koreScore() instanceof KoreScore.Scored s ? s.score() : null;
  }

  static BigDecimal computedScore(Verdict verdict) {
    return verdict.explanation().score().map(s -> s.decimal()).orElse(null);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** {@code value} as a JSON string, escaped as Jackson's generator escapes it. */
  static void jsonString(StringBuilder b, String value) {
    b.append('"');
    int plainFrom = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      b.append(value, plainFrom, i);
      plainFrom = i + 1;
      switch (c) {
        case '"':
          b.append("\\\"");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\b':
          b.append("\\b");
          break;
        case '\t':
          b.append("\\t");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\f':
          b.append("\\f");
          break;
        case '\r':
          b.append("\\r");
          break;
        default:
          b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          break;
      }
    }
    b.append(value, plainFrom, value.length()).append('"');
  }

  /** Text output has no rows. */
  private static final class None extends VerdictRows {
    @Override
    void write(Interaction interaction, Verdict verdict) {}

    @Override
    public void close() {}
  }

  /**
   * One compact JSON object per line, with exactly the {@link #COLUMNS} as keys. Written by hand into one
   * reused buffer, one {@code write} per row: the columns are fixed, and only strings need escaping
   * (quote, backslash and control characters, as Jackson's generator escapes them; other characters are
   * written as they are, UTF-8 once encoded).
   */
  private static final class JsonLines extends VerdictRows {
    private final Writer out;
    private final StringBuilder row = new StringBuilder(256);

    JsonLines(Writer out) {
      this.out = out;
    }

    @Override
    void write(Interaction interaction, Verdict verdict) {
      StringBuilder b = row;
      b.setLength(0);
      b.append("{\"conversationId\":");
      jsonString(b, interaction.conversationId().value());
      b.append(",\"verdict\":\"").append(verdict.kind().name()).append('"');
      b.append(",\"koreScore\":");
      if (interaction.koreScore() instanceof KoreScore.Scored scored) {
        b.append(scored.score());
      } else {
        b.append("null");
      }
      b.append(",\"computedScore\":");
      BigDecimal computed = computedScore(verdict);
      b.append(computed == null ? "null" : computed.toPlainString());
      b.append(",\"passScore\":");
      if (interaction.passScore().isPresent()) {
        b.append(interaction.passScore().getAsInt());
      } else {
        b.append("null");
      }
      b.append(",\"korePassed\":");
      bool(b, interaction.passed());
      b.append(",\"computedPassed\":");
      bool(b, verdict.explanation().computedPassed());
      b.append(",\"reasons\":[");
      boolean first = true;
      for (String reason : verdict.reasons()) {
        first = element(b, reason, first);
      }
      for (String alternative : verdict.explanation().alternatives()) {
        first = element(b, alternative, first);
      }
      b.append("]}\n");
      try {
        out.append(b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static boolean element(StringBuilder b, String value, boolean first) {
      if (!first) {
        b.append(',');
      }
      jsonString(b, value);
      return false;
    }

    private static void bool(StringBuilder b, java.util.Optional<Boolean> value) {
      b.append(value.isEmpty() ? "null" : value.get() ? "true" : "false");
    }

    @Override
    public void close() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * CSV with a header; reasons joined with {@code " | "}; absent values empty; text cells that a
   * spreadsheet would run as a formula get a leading {@code '} unless raw.
   */
  private static final class Csv extends VerdictRows {
    private final WriteTablePort.TableSink rows;
    private final boolean raw;

    Csv(WriteTablePort.TableSink rows, boolean raw) {
      this.rows = rows;
      this.raw = raw;
    }

    @Override
    void write(Interaction interaction, Verdict verdict) {
      List<String> reasons = new ArrayList<>(verdict.reasons());
      reasons.addAll(verdict.explanation().alternatives());
      Integer kore = koreScore(interaction);
      BigDecimal computed = computedScore(verdict);
      rows.row(List.of(
          text(interaction.conversationId().value()),
          verdict.kind().name(),
          kore == null ? "" : kore.toString(),
          computed == null ? "" : computed.toPlainString(),
          interaction.passScore().isPresent() ? Integer.toString(interaction.passScore().getAsInt()) : "",
          interaction.passed().map(Object::toString).orElse(""),
          verdict.explanation().computedPassed().map(Object::toString).orElse(""),
          text(String.join(" | ", reasons))));
    }

    private String text(String cell) {
      return raw ? cell : CsvFormulaGuard.neutralise(cell);
    }

    @Override
    public void close() {
      rows.close();
    }
  }
}
