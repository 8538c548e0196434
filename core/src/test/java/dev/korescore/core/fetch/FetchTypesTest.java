package dev.korescore.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FetchTypesTest {
  static final Instant T0 = Instant.parse("2024-07-15T00:00:00Z");

  @Test
  void aRangeSplitsIntoConsecutiveWindowsTheLastShorter() {
    List<DateWindow> windows = DateWindow.of(T0, T0.plus(Duration.ofHours(60))).split(Duration.ofDays(1));
    assertThat(windows).extracting(DateWindow::toString).containsExactly(
        "2024-07-15T00:00:00Z/2024-07-16T00:00:00Z",
        "2024-07-16T00:00:00Z/2024-07-17T00:00:00Z",
        "2024-07-17T00:00:00Z/2024-07-17T12:00:00Z");
    assertThat(DateWindow.parse(windows.get(2).toString())).isEqualTo(windows.get(2));
  }

  @Test
  void bisectionHalvesAtAWholeSecondUntilOneSecondIsLeft() {
    DateWindow window = new DateWindow(T0, T0.plusSeconds(5));
    assertThat(window.bisect()).hasValue(List.of(new DateWindow(T0, T0.plusSeconds(2)), new DateWindow(T0.plusSeconds(2), T0.plusSeconds(5))));
    assertThat(new DateWindow(T0, T0.plusSeconds(1)).bisect()).isEmpty();
  }

  @Test
  void windowsAndRequestsRejectBadValuesNamingThem() {
    assertThatThrownBy(() -> new DateWindow(T0, T0)).hasMessageContaining("before");
    assertThatThrownBy(() -> new DateWindow(T0.plusMillis(5), T0.plusSeconds(9))).hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> DateWindow.of(T0, T0.plusSeconds(9)).split(Duration.ZERO)).hasMessageContaining("PT0S");
    DateWindow a = new DateWindow(T0, T0.plusSeconds(10));
    DateWindow b = new DateWindow(T0.plusSeconds(5), T0.plusSeconds(20));
    assertThatThrownBy(() -> new FetchRequest(List.of(a, b), List.of(), List.of())).hasMessageContaining("disjoint");
    assertThatThrownBy(() -> FetchRequest.of(T0, T0.plusSeconds(9)).withChannels(List.of(" "))).hasMessageContaining("channels");
  }

  @Test
  void aLedgerIsCompleteWhenDeliveredPlusEarlierDuplicatesMatchTheTotal() {
    DateWindow w = new DateWindow(T0, T0.plusSeconds(10));
    assertThat(new WindowLedger(w, OptionalLong.of(9), 2, 0, 0, 1, List.of()).complete()).isFalse();
    assertThat(new WindowLedger(w, OptionalLong.of(3), 2, 2, 1, 2, List.of()).complete()).isTrue();
    WindowLedger withOutside = new WindowLedger(w, OptionalLong.of(4), 2, 2, 1, 2, List.of(), 1);
    assertThat(withOutside.complete()).isTrue();
    assertThat(withOutside.describe()).contains("outside=1");
    assertThat(new WindowLedger(w, OptionalLong.of(4), 2, 2, 1, 2, List.of()).complete()).isFalse();
    assertThat(new WindowLedger(w, OptionalLong.empty(), 2, 0, 0, 1, List.of()).complete()).isFalse();
    assertThat(new WindowLedger(w, OptionalLong.of(9), 2, 0, 0, 1, List.of("x")).describe())
        .contains("total=9").contains("received=2").contains("INCOMPLETE").contains("[x]");
    assertThatThrownBy(() -> new WindowLedger(w, OptionalLong.of(1), 1, 0, 1, 1, List.of()))
        .hasMessageContaining("seenInEarlierWindows");
  }

  @Test
  void aRawRecordKeepsItsTextAndPutsItOnOneLine() {
    RawRecord record = RawRecord.of("c-1", "{\n\t\"Conversation ID\": \"c-1\"\r\n}");
    assertThat(record.json()).isEqualTo("{\n\t\"Conversation ID\": \"c-1\"\r\n}");
    assertThat(record.jsonLine()).isEqualTo("{ \t\"Conversation ID\": \"c-1\" }");
    assertThat(record.toString()).doesNotContain("Conversation ID");
    assertThatThrownBy(() -> RawRecord.of("c-1", "[1]")).hasMessageContaining("JSON object");
  }

  @Test
  void failuresCarryTheStatusAndASummaryButNoSecret() {
    RequestSummary summary = new RequestSummary("POST", "/qualityai/x/rawdata", "2024-07-15T00:00:00Z/2024-07-16T00:00:00Z", 3);
    FetchException e = new FetchException.AuthenticationFailed(401, "Invalid SDK credentials", summary);
    assertThat(e).hasMessage("authentication failed: Invalid SDK credentials (HTTP 401) on POST /qualityai/x/rawdata"
        + " window 2024-07-15T00:00:00Z/2024-07-16T00:00:00Z page 3");
    assertThat(e.status()).hasValue(401);
    assertThat(new FetchException.TransportFailure("timeout", summary, null).status()).isEmpty();
    assertThat(new FetchException.RateLimited(429, Duration.ofSeconds(7), "slow down", summary).retryAfter())
        .isEqualTo(Duration.ofSeconds(7));
  }
}
