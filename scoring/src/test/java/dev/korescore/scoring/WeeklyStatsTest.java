package dev.korescore.scoring;

import static dev.korescore.testkit.fixtures.Metrics.no;
import static dev.korescore.testkit.fixtures.Metrics.yes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.model.Interaction;
import dev.korescore.testkit.fixtures.Interactions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weekly trend of an audit: the days of each ISO week summed, pass rates over the auditable ones. */
class WeeklyStatsTest {
  private static Interaction at(String id, String start, int koreScore, boolean passed) {
    // 60 of 100: passes a pass score of 60 (at-least), so Kore's score 60 matches
    return Interactions.scored(id, koreScore, 60, passed, List.of(yes("Greeting", 60), no("Closing", 40)))
        .toBuilder().startTime(Instant.parse(start)).build();
  }

  @Test
  void weeksStartOnMondayAndSumTheirDays() {
    KoreAuditor auditor = KoreAuditor.defaults();
    AuditAggregator aggregator = auditor.newAggregator(false);
    for (Interaction x : List.of(
        at("a", "2024-07-15T10:00:00Z", 60, true),   // Monday, matches
        at("b", "2024-07-21T23:59:59Z", 60, false),  // Sunday, same week: pass mismatch
        at("c", "2024-07-22T00:00:00Z", 70, true))) { // next Monday: score mismatch
      aggregator.accept(x, auditor.verify(x));
    }
    List<WeeklyStats> weeks = aggregator.summary().weekly();
    assertThat(weeks).extracting(WeeklyStats::weekStart)
        .containsExactly(LocalDate.parse("2024-07-15"), LocalDate.parse("2024-07-22"));
    WeeklyStats first = weeks.get(0);
    assertThat(first.interactions()).isEqualTo(2);
    assertThat(first.mismatches()).isEqualTo(1);
    assertThat(first.korePassRate()).hasValue(0.5);
    assertThat(first.computedPassRate()).hasValue(1.0);
    assertThat(weeks.get(1).mismatches()).isEqualTo(1);
    assertThat(weeks.get(1).korePassRate()).hasValue(1.0);
  }

  @Test
  void aWeekMustStartOnAMonday() {
    assertThatThrownBy(() -> new WeeklyStats(LocalDate.parse("2024-07-16"), 0, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Monday");
  }
}
