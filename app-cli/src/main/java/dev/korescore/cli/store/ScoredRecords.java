package dev.korescore.cli.store;

import static java.util.Objects.requireNonNull;

import dev.korescore.adapters.json.CanonicalJson;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.SourcePosition;
import dev.korescore.core.store.ContentHash;
import dev.korescore.core.store.ScoredRecord;
import dev.korescore.core.store.StoredVerdict;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.scoring.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetched records made ready for the store: each parsed by the JSON adapter (one parser state per
 * chunk, every field), hashed over its canonical form and audited under the store's policy.
 */
final class ScoredRecords {
  private final ReadInteractionsPort reader;
  private final KoreAuditor auditor;
  private final String policy;

  ScoredRecords(ReadInteractionsPort reader, KoreAuditor auditor) {
    this.reader = requireNonNull(reader, "reader");
    this.auditor = requireNonNull(auditor, "auditor");
    this.policy = auditor.policy().describe();
  }

  /** {@code records}, in order, scored; a record the JSON adapter rejects stops with its conversation named. */
  List<ScoredRecord> score(List<RawRecord> records) {
    return score(records, Map.of());
  }

  /** {@link #score(List)}, with the content hashes already computed for some of {@code records}. */
  List<ScoredRecord> score(List<RawRecord> records, Map<ConversationId, ContentHash> hashes) {
    if (records.isEmpty()) {
      return List.of();
    }
    List<ScoredRecord> scored = new ArrayList<>(records.size());
    String source = "kore";
    try (InteractionStream interactions = reader.open(source, records.iterator(), ReadOptions.strict())) {
      for (RawRecord record : records) {
        if (!interactions.hasNext()) {
          throw new InteractionReadException(SourcePosition.of(source, 0, 0), Optional.of(record.conversationId()),
              "the record holds no interaction");
        }
        Interaction interaction = interactions.next();
        if (!interaction.conversationId().equals(record.conversationId())) {
          throw new InteractionReadException(SourcePosition.of(source, 0, 0), Optional.of(record.conversationId()),
              "the record holds conversation " + interaction.conversationId());
        }
        ContentHash hash = hashes.get(record.conversationId());
        scored.add(new ScoredRecord(record, hash != null ? hash : hash(record), interaction,
            verdict(auditor.verify(interaction))));
      }
    }
    return scored;
  }

  /** The content hash of {@code record}; a record that is not JSON stops with its conversation named. */
  static ContentHash hash(RawRecord record) {
    try {
      return CanonicalJson.hash(record.json());
    } catch (IllegalArgumentException e) {
      throw new InteractionReadException(SourcePosition.of("kore", 0, 0), Optional.of(record.conversationId()),
          e.getMessage(), e);
    }
  }

  private StoredVerdict verdict(Verdict verdict) {
    List<String> reasons = new ArrayList<>(verdict.reasons());
    if (verdict.isProblem()) {
      reasons.addAll(verdict.explanation().alternatives());
    }
    Optional<BigDecimal> computed = verdict.explanation().score().map(s -> s.decimal());
    return new StoredVerdict(verdict.kind().name(), computed, verdict.explanation().computedPassed(), reasons, policy);
  }
}
