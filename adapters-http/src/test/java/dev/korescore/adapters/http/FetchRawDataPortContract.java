package dev.korescore.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.fetch.FetchListener;
import dev.korescore.core.fetch.FetchRawDataPort;
import dev.korescore.core.fetch.FetchRequest;
import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link FetchRawDataPort} must do; each implementation's test extends this. */
abstract class FetchRawDataPortContract {
  static final Instant DAY = Instant.parse("2024-07-18T00:00:00Z");

  /** A port serving exactly {@code dataset} (records filtered by start time, bounds inclusive). */
  abstract FetchRawDataPort portServing(List<FakeKore.Rec> dataset);

  static List<FakeKore.Rec> dataset(int perDay, int days) {
    List<FakeKore.Rec> recs = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      for (int i = 0; i < perDay; i++) {
        Instant start = DAY.plus(Duration.ofDays(d)).plusSeconds(60L * i + 30);
        String id = "c-" + d + "-" + i;
        recs.add(new FakeKore.Rec(id, start, FakeKore.record(id, start)));
      }
    }
    return recs;
  }

  @Test
  void deliversEveryRecordOfEveryWindowOnceInWindowOrder() {
    List<FakeKore.Rec> data = dataset(7, 3);
    List<String> ids = new ArrayList<>();
    try (RawRecordStream records = portServing(data).fetch(FetchRequest.of(DAY, DAY.plus(Duration.ofDays(3))))) {
      records.forEachRemaining(r -> ids.add(r.conversationId().value()));
      assertThat(records.ledgers()).hasSize(3).allMatch(WindowLedger::complete);
      assertThat(records.ledgers()).extracting(WindowLedger::received).containsExactly(7L, 7L, 7L);
    }
    assertThat(ids).containsExactlyElementsOf(data.stream().map(FakeKore.Rec::id).toList());
  }

  @Test
  void keepsEachRecordsTextExactlyAsServed() {
    List<FakeKore.Rec> data = dataset(3, 1);
    try (RawRecordStream records = portServing(data).fetch(FetchRequest.of(DAY, DAY.plus(Duration.ofDays(1))))) {
      List<String> texts = records.stream().map(RawRecord::json).toList();
      assertThat(texts).containsExactlyElementsOf(data.stream().map(FakeKore.Rec::json).toList());
    }
  }

  @Test
  void aRecordOnAWindowBoundaryIsDeliveredOnceByTheWindowItStartsAndCountedOutsideTheOther() {
    Instant boundary = DAY.plus(Duration.ofDays(1));
    List<FakeKore.Rec> data = List.of(
        new FakeKore.Rec("c-a", DAY.plusSeconds(10), FakeKore.record("c-a", DAY.plusSeconds(10))),
        new FakeKore.Rec("c-edge", boundary, FakeKore.record("c-edge", boundary)),
        new FakeKore.Rec("c-b", boundary.plusSeconds(10), FakeKore.record("c-b", boundary.plusSeconds(10))));
    try (RawRecordStream records = portServing(data).fetch(FetchRequest.of(DAY, DAY.plus(Duration.ofDays(2))))) {
      assertThat(records.stream().map(r -> r.conversationId().value())).containsExactly("c-a", "c-edge", "c-b");
      assertThat(records.ledgers()).allMatch(WindowLedger::complete);
      assertThat(records.ledgers()).extracting(WindowLedger::outsideWindow).containsExactly(1L, 0L);
      assertThat(records.ledgers()).extracting(WindowLedger::received).containsExactly(1L, 2L);
      assertThat(records.ledgers().get(1).seenInEarlierWindows()).isZero();
    }
  }

  @Test
  void aRecordAtTheEndOfTheLastWindowIsNotDeliveredButCounted() {
    Instant end = DAY.plus(Duration.ofDays(1));
    List<FakeKore.Rec> data = List.of(
        new FakeKore.Rec("c-a", DAY.plusSeconds(10), FakeKore.record("c-a", DAY.plusSeconds(10))),
        new FakeKore.Rec("c-at-end", end, FakeKore.record("c-at-end", end)));
    try (RawRecordStream records = portServing(data).fetch(FetchRequest.of(DAY, end))) {
      assertThat(records.stream().map(r -> r.conversationId().value())).containsExactly("c-a");
      assertThat(records.ledgers()).singleElement().satisfies(ledger -> {
        assertThat(ledger.totalReported()).hasValue(2);
        assertThat(ledger.outsideWindow()).isEqualTo(1);
        assertThat(ledger.complete()).isTrue();
      });
    }
  }

  @Test
  void tellsTheListenerAWindowIsDoneOnlyAfterItsLastRecord() {
    List<FakeKore.Rec> data = dataset(4, 2);
    List<String> events = new ArrayList<>();
    FetchListener listener = new FetchListener() {
      @Override
      public void windowCompleted(WindowLedger ledger) {
        events.add("done " + ledger.window());
      }
    };
    try (RawRecordStream records = portServing(data).fetch(FetchRequest.of(DAY, DAY.plus(Duration.ofDays(2))), listener)) {
      records.forEachRemaining(r -> events.add(r.conversationId().value()));
    }
    DateWindow first = new DateWindow(DAY, DAY.plus(Duration.ofDays(1)));
    assertThat(events.subList(0, 5)).containsExactly("c-0-0", "c-0-1", "c-0-2", "c-0-3", "done " + first);
    assertThat(events).hasSize(10).last().asString().startsWith("done ");
  }

  @Test
  void anEmptyRangeYieldsCompleteEmptyLedgers() {
    try (RawRecordStream records = portServing(List.of()).fetch(FetchRequest.of(DAY, DAY.plus(Duration.ofDays(2))))) {
      assertThat(records.hasNext()).isFalse();
      assertThat(records.ledgers()).hasSize(2).allMatch(l -> l.complete() && l.received() == 0);
    }
  }
}
