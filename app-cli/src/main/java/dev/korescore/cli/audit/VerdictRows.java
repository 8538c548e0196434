package dev.korescore.cli.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
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

  static Integer koreScore(Interaction interaction) {
    return interaction.koreScore() instanceof KoreScore.Scored s ? s.score() : null;
  }

  static BigDecimal computedScore(Verdict verdict) {
    return verdict.explanation().score().map(s -> s.decimal()).orElse(null);
  }

  /** Text output has no rows. */
  private static final class None extends VerdictRows {
    @Override
    void write(Interaction interaction, Verdict verdict) {}

    @Override
    public void close() {}
  }

  /** One compact JSON object per line, with exactly the {@link #COLUMNS} as keys. */
  private static final class JsonLines extends VerdictRows {
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();

    private final JsonGenerator generator;

    JsonLines(Writer out) {
      try {
        generator = FACTORY.createGenerator(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      generator.setPrettyPrinter(new MinimalPrettyPrinter(""));
    }

    @Override
    void write(Interaction interaction, Verdict verdict) {
      try {
        JsonGenerator g = generator;
        g.writeStartObject();
        g.writeStringField("conversationId", interaction.conversationId().value());
        g.writeStringField("verdict", verdict.kind().name());
        Integer kore = koreScore(interaction);
        g.writeFieldName("koreScore");
        if (kore == null) {
          g.writeNull();
        } else {
          g.writeNumber(kore);
        }
        g.writeFieldName("computedScore");
        BigDecimal computed = computedScore(verdict);
        if (computed == null) {
          g.writeNull();
        } else {
          g.writeNumber(computed);
        }
        g.writeFieldName("passScore");
        if (interaction.passScore().isPresent()) {
          g.writeNumber(interaction.passScore().getAsInt());
        } else {
          g.writeNull();
        }
        g.writeFieldName("korePassed");
        writeBoolean(g, interaction.passed().orElse(null));
        g.writeFieldName("computedPassed");
        writeBoolean(g, verdict.explanation().computedPassed().orElse(null));
        g.writeArrayFieldStart("reasons");
        for (String reason : verdict.reasons()) {
          g.writeString(reason);
        }
        for (String alternative : verdict.explanation().alternatives()) {
          g.writeString(alternative);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void writeBoolean(JsonGenerator g, Boolean value) throws IOException {
      if (value == null) {
        g.writeNull();
      } else {
        g.writeBoolean(value);
      }
    }

    @Override
    public void close() {
      try {
        generator.close();
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
      List<String> reasons = new ArrayList<>(verdict.reasons());
      reasons.addAll(verdict.explanation().alternatives());
      List<Object> row = new ArrayList<>(COLUMNS.size());
      row.add(interaction.conversationId().value());
      row.add(verdict.kind().name());
      row.add(koreScore(interaction));
      row.add(computedScore(verdict));
      row.add(interaction.passScore().isPresent() ? interaction.passScore().getAsInt() : null);
      row.add(interaction.passed().orElse(null));
      row.add(verdict.explanation().computedPassed().orElse(null));
      row.add(String.join(" | ", reasons));
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
