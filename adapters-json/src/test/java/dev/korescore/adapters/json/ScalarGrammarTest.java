package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.adapters.json.ScalarGrammar.Absent;
import dev.korescore.adapters.json.ScalarGrammar.Invalid;
import dev.korescore.adapters.json.ScalarGrammar.Rejected;
import dev.korescore.adapters.json.ScalarGrammar.Value;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lenient scalar grammar, from strings: what each text Kore may write means. */
class ScalarGrammarTest {

  @Test
  void notANumberWordsAreBlankNaNullAndDash() {
    for (String word : List.of("", "  ", "NA", "na", " N/A ", "null", "NULL", "-")) {
      assertThat(ScalarGrammar.isNotANumberWord(word)).as(word).isTrue();
    }
    for (String text : List.of("0", "N", "NAN", "--", "none", "n.a.")) {
      assertThat(ScalarGrammar.isNotANumberWord(text)).as(text).isFalse();
    }
  }

  @Test
  void decimalsReadJavaSyntaxWithBlanksAroundAndNaAbsent() {
    assertThat(ScalarGrammar.decimal(" 0.75 ")).isEqualTo(new Value<>(new BigDecimal("0.75")));
    assertThat(ScalarGrammar.decimal("-3e2")).isEqualTo(new Value<>(new BigDecimal("-3e2")));
    assertThat(ScalarGrammar.decimal("NA")).isEqualTo(new Absent<>());
    assertThat(ScalarGrammar.decimal("")).isEqualTo(new Absent<>());
    assertThat(ScalarGrammar.decimal("lots")).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
    assertThat(ScalarGrammar.decimal("1,5")).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
  }

  @Test
  void decimalsBeyondFortyDigitsEitherSideAreNotNumbers() {
    assertThat(ScalarGrammar.parseDecimal("1" + "0".repeat(39))).isPresent();
    assertThat(ScalarGrammar.parseDecimal("1" + "0".repeat(40))).isEmpty();
    assertThat(ScalarGrammar.parseDecimal("0." + "1".repeat(40))).isPresent();
    assertThat(ScalarGrammar.parseDecimal("0." + "1".repeat(41))).isEmpty();
    assertThat(ScalarGrammar.parseDecimal("1e999999999")).isEmpty();
    assertThat(ScalarGrammar.parseDecimal("1".repeat(ScalarGrammar.MAX_NUMBER_TEXT + 1))).isEmpty();
  }

  @Test
  void wholeNumbersAcceptTrailingZerosOnlyAndKeepTheirRange() {
    assertThat(ScalarGrammar.wholeNumber("25", 0, 100)).isEqualTo(new Value<>(25L));
    assertThat(ScalarGrammar.wholeNumber(" 25.00 ", 0, 100)).isEqualTo(new Value<>(25L));
    assertThat(ScalarGrammar.wholeNumber("2.5e1", 0, 100)).isEqualTo(new Value<>(25L));
    assertThat(ScalarGrammar.wholeNumber("25.5", 0, 100)).isEqualTo(new Rejected<>(Invalid.NOT_WHOLE));
    assertThat(ScalarGrammar.wholeNumber("101", 0, 100)).isEqualTo(new Rejected<>(Invalid.OUT_OF_RANGE));
    assertThat(ScalarGrammar.wholeNumber("-1", 0, 100)).isEqualTo(new Rejected<>(Invalid.OUT_OF_RANGE));
    assertThat(ScalarGrammar.wholeNumber("1e30", Long.MIN_VALUE, Long.MAX_VALUE))
        .isEqualTo(new Rejected<>(Invalid.OUT_OF_RANGE));
    assertThat(ScalarGrammar.wholeNumber(" ", 0, 100)).isEqualTo(new Absent<>());
    assertThat(ScalarGrammar.wholeNumber("twenty", 0, 100)).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
  }

  @Test
  void naIsAbsentOnlyWhereTheFieldAllowsIt() {
    assertThat(ScalarGrammar.wholeNumber("NA", 0, 100)).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
    assertThat(ScalarGrammar.wholeNumberOrNa("NA", 0, 100)).isEqualTo(new Absent<>());
    assertThat(ScalarGrammar.wholeNumberOrNa("n/a", 0, 100)).isEqualTo(new Absent<>());
    assertThat(ScalarGrammar.wholeNumberOrNa("70", 0, 100)).isEqualTo(new Value<>(70L));
  }

  @Test
  void booleansAreTrueOrFalseInAnyCase() {
    assertThat(ScalarGrammar.bool(" TRUE ")).isEqualTo(new Value<>(true));
    assertThat(ScalarGrammar.bool("False")).isEqualTo(new Value<>(false));
    assertThat(ScalarGrammar.bool("")).isEqualTo(new Absent<>());
    assertThat(ScalarGrammar.bool("yes")).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
    assertThat(ScalarGrammar.bool("1")).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
  }

  @Test
  void instantsAreIsoWithAnOffsetOrUtcWhenLocal() {
    Instant expected = Instant.parse("2024-07-18T11:31:14.722Z");
    assertThat(ScalarGrammar.instant("2024-07-18T11:31:14.722Z")).isEqualTo(new Value<>(expected));
    assertThat(ScalarGrammar.instant(" 2024-07-18 11:31:14.722 ")).isEqualTo(new Value<>(expected));
    assertThat(ScalarGrammar.instant("2024-07-18T13:31:14.722+02:00")).isEqualTo(new Value<>(expected));
    assertThat(ScalarGrammar.instant("2024-07-18T11:31Z")).isEqualTo(new Value<>(Instant.parse("2024-07-18T11:31:00Z")));
    assertThat(ScalarGrammar.instant("")).isEqualTo(new Absent<>());
    assertThat(ScalarGrammar.instant("yesterday")).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
    assertThat(ScalarGrammar.instant("2024-02-30T00:00:00Z")).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
    assertThat(ScalarGrammar.instant("2024-07-18T11:31:14Z" + " ".repeat(40) + "x"))
        .isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
  }

  @Test
  void durationsAreMillisecondsSecondsOrIso() {
    assertThat(ScalarGrammar.duration("118182 milliseconds")).isEqualTo(new Value<>(Duration.ofMillis(118_182)));
    assertThat(ScalarGrammar.duration("250 ms")).isEqualTo(new Value<>(Duration.ofMillis(250)));
    assertThat(ScalarGrammar.duration("1.5 Seconds")).isEqualTo(new Value<>(Duration.ofMillis(1_500)));
    assertThat(ScalarGrammar.duration("42")).isEqualTo(new Value<>(Duration.ofMillis(42)));
    assertThat(ScalarGrammar.duration("0.0005 ms")).isEqualTo(new Value<>(Duration.ofNanos(500)));
    assertThat(ScalarGrammar.duration("PT1M58S")).isEqualTo(new Value<>(Duration.ofSeconds(118)));
    assertThat(ScalarGrammar.duration(" ")).isEqualTo(new Absent<>());
    assertThat(ScalarGrammar.duration("2 hours")).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
    assertThat(ScalarGrammar.duration("PT")).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
    assertThat(ScalarGrammar.duration("1".repeat(19) + " ms")).isEqualTo(new Rejected<>(Invalid.WRONG_KIND));
  }

  @Test
  void millisecondsRoundHalfEvenToTheNanosecondAndStopAtALong() {
    assertThat(ScalarGrammar.millis(new BigDecimal("0.0000005"), false)).contains(Duration.ZERO);
    assertThat(ScalarGrammar.millis(new BigDecimal("0.0000015"), false)).contains(Duration.ofNanos(2));
    assertThat(ScalarGrammar.millis(new BigDecimal("2"), true)).contains(Duration.ofSeconds(2));
    assertThat(ScalarGrammar.millis(new BigDecimal("1e18"), false)).isEmpty();
  }
}
