package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.korescore.adapters.json.ScalarGrammar.Absent;
import dev.korescore.adapters.json.ScalarGrammar.Invalid;
import dev.korescore.adapters.json.ScalarGrammar.Rejected;
import dev.korescore.adapters.json.ScalarGrammar.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The lenient grammar against the plain parsers: whatever Java writes for a value, the grammar reads back. */
class ScalarGrammarProperties {

  @Test
  void anyDecimalWithinRangeReadsBackAsItselfWithBlanksAround() {
    qt().withExamples(500)
        .forAll(SourceDSL.longs().all(), SourceDSL.integers().between(-ScalarGrammar.MAX_SCALE, ScalarGrammar.MAX_SCALE),
            SourceDSL.integers().between(0, 2))
        .checkAssert((unscaled, scale, blanks) -> {
          BigDecimal value = new BigDecimal(BigInteger.valueOf(unscaled), scale);
          String text = " ".repeat(blanks) + value + " ".repeat(blanks);
          if (ScalarGrammar.inRange(value)) {
            assertThat(ScalarGrammar.decimal(text)).isEqualTo(new Value<>(value));
          } else {
            assertThat(ScalarGrammar.decimal(text)).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
          }
        });
  }

  @Test
  void aWholeNumberIsReadExactlyAsLongValueExactWouldAndOnlyWithinItsBounds() {
    qt().withExamples(500)
        .forAll(SourceDSL.longs().all(), SourceDSL.integers().between(0, 3), SourceDSL.longs().between(-1000, 1000))
        .checkAssert((whole, zeros, bound) -> {
          String text = whole + (zeros == 0 ? "" : "." + "0".repeat(zeros));
          assertThat(ScalarGrammar.wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(new Value<>(whole));
          boolean inside = whole >= -Math.abs(bound) && whole <= Math.abs(bound);
          assertThat(ScalarGrammar.wholeNumber(text, -Math.abs(bound), Math.abs(bound)))
              .isEqualTo(inside ? new Value<>(whole) : new Rejected<>(Invalid.OUT_OF_RANGE));
          assertThat(ScalarGrammar.wholeNumber(whole + ".5", Long.MIN_VALUE, Long.MAX_VALUE))
              .isEqualTo(new Rejected<>(Invalid.NOT_WHOLE));
        });
  }

  @Test
  void anyInstantAndDurationJavaWritesReadsBack() {
    qt().withExamples(500)
        .forAll(SourceDSL.longs().between(0, 253_402_300_799L), SourceDSL.integers().between(0, 999_999_999),
            SourceDSL.longs().between(-1_000_000_000L, 1_000_000_000L))
        .checkAssert((seconds, nanos, millis) -> {
          Instant instant = Instant.ofEpochSecond(seconds, nanos);
          assertThat(ScalarGrammar.instant(instant.toString())).isEqualTo(new Value<>(instant));
          Duration duration = Duration.ofMillis(millis).plusNanos(nanos % 1_000_000);
          assertThat(ScalarGrammar.duration(duration.toString())).isEqualTo(new Value<>(duration));
          assertThat(ScalarGrammar.duration(millis + " ms")).isEqualTo(new Value<>(Duration.ofMillis(millis)));
        });
  }

  @Test
  void theNoNumberWordsInAnyCaseWithBlanksAroundAreAbsentNotNumbers() {
    List<String> words = List.of("", "NA", "N/A", "null", "-");
    qt().withExamples(200)
        .forAll(SourceDSL.integers().between(0, words.size() - 1), SourceDSL.integers().between(0, 31),
            SourceDSL.integers().between(0, 2), SourceDSL.integers().between(0, 2))
        .checkAssert((which, caseBits, before, after) -> {
          StringBuilder word = new StringBuilder(words.get(which));
          for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            word.setCharAt(i, (caseBits >> i & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
          }
          String text = " ".repeat(before) + word + "\t".repeat(after);
          assertThat(ScalarGrammar.isNotANumberWord(text)).as(text).isTrue();
          assertThat(ScalarGrammar.decimal(text)).isEqualTo(new Absent<>());
          assertThat(ScalarGrammar.wholeNumberOrNa(text, 0, 100)).isEqualTo(new Absent<>());
        });
  }
}
