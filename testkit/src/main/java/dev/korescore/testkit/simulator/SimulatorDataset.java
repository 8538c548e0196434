package dev.korescore.testkit.simulator;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Queue;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.wire.KeyStyle;
import dev.korescore.testkit.wire.KoreWire;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The records a simulator serves, ordered by conversation start time (then conversation id), which is
 * the order pages are cut in. Immutable.
 */
public final class SimulatorDataset {
  private static final SimulatorDataset EMPTY = new SimulatorDataset(List.of());

  private final List<DatasetRecord> records;

  private SimulatorDataset(List<DatasetRecord> records) {
    List<DatasetRecord> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparing(DatasetRecord::startTime).thenComparing(DatasetRecord::conversationId));
    this.records = List.copyOf(sorted);
  }

  /** No records. */
  public static SimulatorDataset empty() {
    return EMPTY;
  }

  /** These records, sorted by start time, then conversation id. */
  public static SimulatorDataset of(List<DatasetRecord> records) {
    return new SimulatorDataset(requireNonNull(records, "records"));
  }

  /** Every record of the generator (its wire JSON as generated). */
  public static SimulatorDataset generated(InteractionGenerator generator) {
    return fromGenerated(generator.iterator());
  }

  /** The given generated records, served as their wire JSON. */
  public static SimulatorDataset fromGenerated(Iterator<GeneratedInteraction> records) {
    List<DatasetRecord> list = new ArrayList<>();
    records.forEachRemaining(g -> list.add(record(g.interaction(), g.wireJson())));
    return new SimulatorDataset(list);
  }

  /** Domain interactions rendered in {@code style}; each needs a start time. */
  public static SimulatorDataset ofInteractions(List<Interaction> interactions, KeyStyle style) {
    List<DatasetRecord> list = new ArrayList<>();
    for (Interaction interaction : interactions) {
      list.add(record(interaction, KoreWire.record(interaction, style)));
    }
    return new SimulatorDataset(list);
  }

  private static DatasetRecord record(Interaction interaction, String wireJson) {
    List<String> queues = new ArrayList<>();
    for (Queue queue : interaction.queues()) {
      queue.id().ifPresent(queues::add);
      queue.name().ifPresent(queues::add);
    }
    return new DatasetRecord(
        interaction.conversationId().value(),
        wireJson,
        interaction.startTime().orElseThrow(() -> new IllegalArgumentException(
            "a served record needs a start time, conversation " + interaction.conversationId() + " has none")),
        interaction.channel(),
        queues);
  }

  /**
   * This dataset with the records of {@code changed}'s conversations replaced by them, rendered in {@code
   * style}: what Kore serves after re-scoring or auditing some interactions. Every other record keeps its
   * exact JSON; a changed interaction whose conversation is not in the dataset is added.
   */
  public SimulatorDataset with(List<Interaction> changed, KeyStyle style) {
    requireNonNull(style, "style");
    Map<String, DatasetRecord> replaced = new HashMap<>();
    for (Interaction interaction : changed) {
      replaced.put(interaction.conversationId().value(), record(interaction, KoreWire.record(interaction, style)));
    }
    List<DatasetRecord> list = new ArrayList<>(records.size());
    for (DatasetRecord record : records) {
      DatasetRecord replacement = replaced.remove(record.conversationId());
      list.add(replacement != null ? replacement : record);
    }
    list.addAll(replaced.values());
    return new SimulatorDataset(list);
  }

  /** The records, by start time. */
  public List<DatasetRecord> records() {
    return records;
  }

  /** How many records are served. */
  public int size() {
    return records.size();
  }
}
