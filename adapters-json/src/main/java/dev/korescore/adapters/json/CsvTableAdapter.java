package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.korescore.core.port.out.WriteTablePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV tables (RFC 4180, a header row) through Jackson's CSV generator: a cell is quoted only when it
 * holds a separator, a quote or a line break; an empty cell is an absent value.
 */
public final class CsvTableAdapter implements WriteTablePort {
  private CsvTableAdapter() {}

  /** The CSV table writer (stateless; one may serve every table). */
  public static CsvTableAdapter create() {
    return new CsvTableAdapter();
  }

  @Override
  public TableSink open(Writer out, List<String> columns) {
    requireNonNull(out, "out");
    List<String> header = List.copyOf(columns);
    if (header.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one column, had none");
    }
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    header.forEach(schema::addColumn);
    SequenceWriter rows;
    try {
      rows = new CsvMapper().writer(schema.build())
          .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValues(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the CSV table", e);
    }
    return new Rows(rows, header.size());
  }

  private static final class Rows implements TableSink {
    private final SequenceWriter rows;
    private final int width;

    Rows(SequenceWriter rows, int width) {
      this.rows = rows;
      this.width = width;
    }

    @Override
    public void row(List<String> cells) {
      if (cells.size() != width) {
        throw new IllegalArgumentException("a row must have " + width + " cells, had " + cells.size());
      }
      try {
        rows.write(cells);
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
