package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The fast instant parser agrees with java.time whenever it answers, and answers for Kore's own form. */
class FastTimeProperties {

  @Test
  void agreesWithJavaTimeForAnyInstantOffsetAndPrecision() {
    qt().withExamples(1000)
        .forAll(
            SourceDSL.longs().between(0, 4_102_444_800L),
            SourceDSL.integers().between(0, 999_999_999),
            SourceDSL.integers().between(-18 * 4, 18 * 4),
            SourceDSL.integers().between(0, 3))
        .checkAssert((seconds, nanos, quarterHours, precision) -> {
          int keep = new int[] {0, 1_000_000, 1000, 1}[precision];
          int n = keep == 0 ? 0 : nanos / keep * keep;
          Instant instant = Instant.ofEpochSecond(seconds, n);
          String text = OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(quarterHours * 900)).toString();
          Instant fast = FastTime.parseUtc(text);
          if (fast != null) {
            assertThat(fast).isEqualTo(OffsetDateTime.parse(text).toInstant());
          }
          assertThat(FastTime.parseUtc(instant.toString())).isEqualTo(instant);
        });
  }
}
