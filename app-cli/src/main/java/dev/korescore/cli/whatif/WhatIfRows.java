package dev.korescore.cli.whatif;

import dev.korescore.adapters.json.CsvFormulaGuard;
import dev.korescore.adapters.json.CsvTableAdapter;
import dev.korescore.cli.audit.JsonRowText;
import dev.korescore.cli.audit.OutputFormat;
import dev.korescore.core.model.Agent;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Queue;
import dev.korescore.core.port.out.WriteTablePort;
import dev.korescore.scoring.WhatIfOutcome.Rescored;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One row per re-scored interaction: the columns of {@link #COLUMNS}. */
abstract class WhatIfRows implements AutoCloseable {
  /** The columns of every row, in order. */
  static final List<String> COLUMNS = List.of(
      "conversationId", "scoreBefore", "passedBefore", "scoreAfter", "passedAfter", "flip", "agents", "queues", "form");

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

  static List<String> agents(Interaction interaction) {
    List<String> keys = new ArrayList<>(interaction.agents().size());
    for (Agent agent : interaction.agents()) {
      keys.add(agent.displayKey());
    }
    return keys;
  }

  static List<String> queues(Interaction interaction) {
    List<String> keys = new ArrayList<>(interaction.queues().size());
    for (Queue queue : interaction.queues()) {
      keys.add(queue.displayKey());
    }
    return keys;
  }

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
      b.append("{\"conversationId\":");
      JsonRowText.string(b, interaction.conversationId().value());
      b.append(",\"scoreBefore\":").append(r.scoreBefore().decimal().toPlainString());
      b.append(",\"passedBefore\":");
      bool(b, r.passedBefore());
      b.append(",\"scoreAfter\":");
      b.append(r.scoreAfter().isPresent() ? r.scoreAfter().get().decimal().toPlainString() : "null");
      b.append(",\"passedAfter\":");
      bool(b, r.passedAfter());
      b.append(",\"flip\":\"").append(r.flip().name()).append('"');
      b.append(",\"agents\":[");
      for (int i = 0; i < interaction.agents().size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        JsonRowText.string(b, interaction.agents().get(i).displayKey());
      }
      b.append("],\"queues\":[");
      for (int i = 0; i < interaction.queues().size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        JsonRowText.string(b, interaction.queues().get(i).displayKey());
      }
      b.append("],\"form\":");
      if (interaction.evaluationFormName().isPresent()) {
        JsonRowText.string(b, interaction.evaluationFormName().get());
      } else {
        b.append("null");
      }
      b.append("}\n");
      try {
        out.append(b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void bool(StringBuilder b, Optional<Boolean> value) {
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
      rows.row(List.of(
          CsvFormulaGuard.neutralise(interaction.conversationId().value()),
          r.scoreBefore().decimal().toPlainString(),
          r.passedBefore().map(Object::toString).orElse(""),
          r.scoreAfter().map(s -> s.decimal().toPlainString()).orElse(""),
          r.passedAfter().map(Object::toString).orElse(""),
          r.flip().name(),
          CsvFormulaGuard.neutralise(String.join(" | ", agents(interaction))),
          CsvFormulaGuard.neutralise(String.join(" | ", queues(interaction))),
          interaction.evaluationFormName().map(CsvFormulaGuard::neutralise).orElse("")));
    }

    @Override
    public void close() {
      rows.close();
    }
  }
}
