package dev.korescore.cli.audit;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.korescore.core.model.Interaction;
import dev.korescore.scoring.Verdict;
import dev.korescore.scoring.VerdictRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Writes one row per audited interaction: the columns of {@link #COLUMNS}. */
abstract class VerdictRows implements AutoCloseable {
  /** The columns of every row, in order: {@link VerdictRow#COLUMNS}. */
  static final List<String> COLUMNS = VerdictRow.COLUMNS;

  /** A writer for {@code format}, or none for {@link OutputFormat#TEXT}. */
  static VerdictRows forFormat(OutputFormat format, Writer out) {
    switch (format) {
      case JSONL:
        return new JsonLines(out);
      case CSV:
        return new Csv(out);
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

  /** CSV with a header; reasons joined with {@code " | "}; absent values empty. */
  private static final class Csv extends VerdictRows {
    private final SequenceWriter rows;

    Csv(Writer out) {
      CsvMapper mapper = new CsvMapper();
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
      COLUMNS.forEach(schema::addColumn);
      try {
        rows = mapper.writer(schema.build())
            .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writeValues(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void write(Interaction interaction, Verdict verdict) {
      VerdictRow values = VerdictRow.of(interaction, verdict);
      List<Object> row = new ArrayList<>(COLUMNS.size());
      row.add(values.conversationId());
      row.add(values.verdict());
      row.add(values.koreScore().orElse(null));
      row.add(values.computedScore().orElse(null));
      row.add(values.passScore().orElse(null));
      row.add(values.korePassed().orElse(null));
      row.add(values.computedPassed().orElse(null));
      row.add(String.join(" | ", values.reasons()));
      try {
        rows.write(row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        rows.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
