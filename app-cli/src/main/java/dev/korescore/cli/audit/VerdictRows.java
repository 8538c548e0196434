package dev.korescore.cli.audit;

import dev.korescore.adapters.json.CsvFormulaGuard;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.WriteTablePort;
import dev.korescore.scoring.Verdict;
import dev.korescore.scoring.VerdictRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Writes one row per audited interaction: the columns of {@link #COLUMNS}. */
abstract class VerdictRows implements AutoCloseable {
  /** The columns of every row, in order: {@link VerdictRow#COLUMNS}. */
  static final List<String> COLUMNS = VerdictRow.COLUMNS;

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

  /** Text output has no rows. */
  private static final class None extends VerdictRows {
    @Override
    void write(Interaction interaction, Verdict verdict) {}

    @Override
    public void close() {}
  }

  /**
   * One compact JSON object per line ({@link VerdictRow#appendJsonLine}), built in one reused buffer, one
   * {@code write} per row.
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
      VerdictRow.appendJsonLine(b, interaction, verdict);
      b.append('\n');
      try {
        out.append(b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
      VerdictRow values = VerdictRow.of(interaction, verdict);
      rows.row(List.of(
          text(values.conversationId()),
          values.verdict(),
          values.koreScore().map(Object::toString).orElse(""),
          values.computedScore().map(BigDecimal::toPlainString).orElse(""),
          values.passScore().map(Object::toString).orElse(""),
          values.korePassed().map(Object::toString).orElse(""),
          values.computedPassed().map(Object::toString).orElse(""),
          text(String.join(" | ", values.reasons()))));
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
