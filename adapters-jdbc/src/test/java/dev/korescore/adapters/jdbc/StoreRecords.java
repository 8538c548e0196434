package dev.korescore.adapters.jdbc;

import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.store.ContentHash;
import dev.korescore.core.store.ScoredRecord;
import dev.korescore.core.store.StoredVerdict;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.wire.KeyStyle;
import dev.korescore.testkit.wire.KoreWire;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Scored records for store tests: generated interactions rendered on the wire, hashed over their JSON
 * text (the canonical hash is the JSON adapter's job and tested there), with a made-up verdict.
 */
final class StoreRecords {
  static final Instant FROM = Instant.parse("2024-07-15T00:00:00Z");
  static final Instant TO = Instant.parse("2024-07-17T00:00:00Z");
  static final DateWindow WINDOW = new DateWindow(FROM, TO);

  private StoreRecords() {}

  static List<ScoredRecord> generated(int count, long seed) {
    return InteractionGenerator.builder().seed(seed).count(count).between(FROM, TO).build().stream()
        .map(StoreRecords::scored)
        .toList();
  }

  static ScoredRecord scored(GeneratedInteraction g) {
    return scored(g.interaction(), g.wireJson());
  }

  /** {@code interaction} as Kore's 2024 spaced keys render it. */
  static ScoredRecord scored(Interaction interaction) {
    return scored(interaction, KoreWire.record(interaction, KeyStyle.SPACED_2024));
  }

  static ScoredRecord scored(Interaction interaction, String json) {
    StoredVerdict verdict = new StoredVerdict("MATCH",
        interaction.koreScore().value().isPresent()
            ? Optional.of(BigDecimal.valueOf(interaction.koreScore().value().getAsInt()).add(new BigDecimal("0.25")))
            : Optional.empty(),
        interaction.passed(), List.of(), "exclude NA, pass at >=");
    return new ScoredRecord(new RawRecord(interaction.conversationId(), json), hash(json), interaction, verdict);
  }

  /** The record re-scored by Kore: another score, the pass flag flipped. */
  static ScoredRecord rescored(ScoredRecord record) {
    Interaction x = record.interaction();
    int score = x.koreScore().value().orElse(50);
    Interaction changed = x.toBuilder()
        .koreScore(KoreScore.of(score == 100 ? 99 : score + 1))
        .passed(!x.passed().orElse(false))
        .build();
    return scored(changed);
  }

  static ContentHash hash(String json) {
    try {
      return ContentHash.ofBytes(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static WindowLedger ledger(DateWindow window, long received) {
    return new WindowLedger(window, OptionalLong.of(received), received, 0, 0, 1, List.of());
  }
}
