package dev.korescore.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.adapters.jdbc.JdbcInteractionStoreAdapter;
import dev.korescore.adapters.json.JacksonInteractionReaderAdapter;
import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.store.SyncRun;
import dev.korescore.core.store.VersionChange;
import dev.korescore.core.store.WindowResult;
import dev.korescore.core.store.WriteInteractionStorePort;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.wire.KeyStyle;
import dev.korescore.testkit.wire.KoreWire;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A window larger than a chunk: hashed, skipped where unchanged, scored and added chunk by chunk, committed once. */
class StoreSyncTest {
  private static final Instant FROM = Instant.parse("2024-07-15T00:00:00Z");
  private static final DateWindow WINDOW = new DateWindow(FROM, FROM.plusSeconds(86_400));

  @TempDir Path dir;

  @Test
  void aWindowOfSeveralChunksStoresEachRecordOnceAndSeesOnlyRealChanges() throws Exception {
    int n = StoreSync.CHUNK * 2 + 321;
    List<GeneratedInteraction> generated = InteractionGenerator.builder().seed(77).count(n)
        .between(WINDOW.start(), WINDOW.end()).build().stream().toList();
    List<RawRecord> first = generated.stream()
        .map(g -> RawRecord.of(g.conversationId().value(), g.wireJson())).toList();
    List<RawRecord> second = new ArrayList<>();
    int rescored = 0;
    for (int i = 0; i < n; i++) {
      GeneratedInteraction g = generated.get(i);
      Interaction x = g.interaction();
      if (i % 500 == 7 && x.koreScore().value().isPresent()) {
        int score = x.koreScore().value().getAsInt();
        second.add(RawRecord.of(g.conversationId().value(),
            KoreWire.record(x.toBuilder().koreScore(score == 0 ? 1 : score - 1).build(), KeyStyle.SPACED_2024)));
        rescored++;
      } else if (i % 3 == 0) {
        // the same content re-spaced: unchanged by the canonical hash
        second.add(RawRecord.of(g.conversationId().value(), " \n" + g.wireJson().replace("{\"", "{\n  \"") + " \n"));
      } else {
        second.add(first.get(i));
      }
    }
    Path store = dir.resolve("korescore.duckdb");
    try (WriteInteractionStorePort target = JdbcInteractionStoreAdapter.openWriter(store.toString())) {
      StoreSync sync = StoreSync.create(target, JacksonInteractionReaderAdapter.create(), KoreAuditor.defaults(),
          Clock.systemUTC());
      WindowResult one = sync.commit(new SyncRun(1, FROM, "test"), ledger(n), first, true);
      assertThat(one.count(VersionChange.NEW)).isEqualTo(n);
      WindowResult two = sync.commit(new SyncRun(2, FROM, "test"), ledger(n), second, true);
      assertThat(two.count(VersionChange.NEW)).isZero();
      assertThat(two.changed()).isEqualTo(rescored).isPositive();
      assertThat(two.unchanged()).isEqualTo(n - rescored);
    }
    assertThat(SyncCommandTest.count(store, "interactions")).isEqualTo(n);
    assertThat(SyncCommandTest.count(store, "verdicts")).isEqualTo(n);
    assertThat(SyncCommandTest.count(store, "interaction_versions")).isEqualTo(n + rescored);
    assertThat(SyncCommandTest.count(store, "sync_runs")).isEqualTo(2);
  }

  @Test
  void aConversationTwiceInAWindowStopsItWithNothingKeptWhicheverChunksHoldIt() throws Exception {
    int n = StoreSync.CHUNK * 2 + 10;
    List<RawRecord> records = InteractionGenerator.builder().seed(78).count(n).between(WINDOW.start(), WINDOW.end())
        .build().stream().map(g -> RawRecord.of(g.conversationId().value(), g.wireJson())).toList();
    // the first chunk's record 5 again in the next chunk (its look-up runs before the first chunk's add),
    // then in the one after
    for (int later : List.of(StoreSync.CHUNK + 3, StoreSync.CHUNK * 2 + 3)) {
      List<RawRecord> twice = new ArrayList<>(records);
      twice.set(later, records.get(5));
      Path store = dir.resolve("twice-" + later + ".duckdb");
      try (WriteInteractionStorePort target = JdbcInteractionStoreAdapter.openWriter(store.toString())) {
        StoreSync sync = StoreSync.create(target, JacksonInteractionReaderAdapter.create(), KoreAuditor.defaults(),
            Clock.systemUTC());
        assertThatThrownBy(() -> sync.commit(new SyncRun(1, FROM, "test"), ledger(n), twice, true))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("conversation " + records.get(5).conversationId()
                + " appears twice in one window (nothing of the window was kept)");
        WindowResult after = sync.commit(new SyncRun(2, FROM, "test"), ledger(n), records, true);
        assertThat(after.count(VersionChange.NEW)).isEqualTo(n);
      }
      assertThat(SyncCommandTest.count(store, "interactions")).isEqualTo(n);
      assertThat(SyncCommandTest.count(store, "sync_runs")).isEqualTo(1);
    }
  }

  private static WindowLedger ledger(long received) {
    return new WindowLedger(WINDOW, OptionalLong.of(received), received, 0, 0, 1, List.of());
  }
}
