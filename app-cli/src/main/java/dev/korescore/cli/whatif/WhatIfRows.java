package dev.korescore.cli.whatif;

import dev.korescore.adapters.json.CsvFormulaGuard;
import dev.korescore.adapters.json.CsvTableAdapter;
import dev.korescore.cli.audit.OutputFormat;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.WriteTablePort;
import dev.korescore.scoring.WhatIfOutcome.Rescored;
import dev.korescore.scoring.WhatIfRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/** One row per re-scored interaction ({@link WhatIfRow}): the columns of {@link #COLUMNS}. */
abstract class WhatIfRows implements AutoCloseable {
  /** The columns of every row, in order ({@link WhatIfRow#COLUMNS}). */
  static final List<String> COLUMNS = WhatIfRow.COLUMNS;

  /** A writer for {@code format}, or none for {@link OutputFormat#TEXT}. */
  static WhatIfRows forFormat(OutputFormat format, Writer out) {
    switch (format) {
      case JSONL:
        return new JsonLines(out);
      case CSV:
        return new Csv(CsvTableAdapter.create().open(out, COLUMNS));
      case TEXT:
      default:
        return new None();
    }
  }

  abstract void write(Interaction interaction, Rescored outcome);

  /** Flushes what is buffered; does not close the writer it was given. */
  @Override
  public abstract void close();

  private static final class None extends WhatIfRows {
    @Override
    void write(Interaction interaction, Rescored outcome) {}

    @Override
    public void close() {}
  }

  /**
   * One compact JSON object per line with exactly the {@link #COLUMNS} as keys: scores as JSON numbers
   * (exact up to 6 decimals), {@code null} when unknown; agents and queues as arrays of {@code "name (id)"}.
   */
  private static final class JsonLines extends WhatIfRows {
    private final Writer out;
    private final StringBuilder row = new StringBuilder(256);

    JsonLines(Writer out) {
      this.out = out;
    }

    @Override
    void write(Interaction interaction, Rescored r) {
      StringBuilder b = row;
      b.setLength(0);
      WhatIfRow.appendJsonLine(b, interaction, r);
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
   * CSV with a header; agents and queues joined with {@code " | "}; unknown values empty; a text cell a
   * spreadsheet would take for a formula starts with {@code '}.
   */
  private static final class Csv extends WhatIfRows {
    private final WriteTablePort.TableSink rows;

    Csv(WriteTablePort.TableSink rows) {
      this.rows = rows;
    }

    @Override
    void write(Interaction interaction, Rescored r) {
      WhatIfRow row = WhatIfRow.of(interaction, r);
      rows.row(List.of(
          CsvFormulaGuard.neutralise(row.conversationId()),
          row.scoreBefore().toPlainString(),
          row.passedBefore().map(Object::toString).orElse(""),
          row.scoreAfter().map(BigDecimal::toPlainString).orElse(""),
          row.passedAfter().map(Object::toString).orElse(""),
          row.flip(),
          CsvFormulaGuard.neutralise(String.join(" | ", row.agents())),
          CsvFormulaGuard.neutralise(String.join(" | ", row.queues())),
          row.form().map(CsvFormulaGuard::neutralise).orElse("")));
    }

    @Override
    public void close() {
      rows.close();
    }
  }
}
