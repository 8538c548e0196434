package dev.korescore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link ExactScore} holds small fractions in longs and large ones in BigIntegers: whichever form a
 * value takes, every result agrees with plain {@link BigInteger}/{@link BigDecimal} arithmetic written
 * out here, including at the 62-bit boundary where the form changes.
 */
class ExactScoreProperties {

  /** Magnitudes that cross the boundary: small, around 2^62, and far beyond. */
  private static Gen<BigInteger> integers() {
    Gen<BigInteger> small = SourceDSL.longs().between(-1_000_000, 1_000_000).map(BigInteger::valueOf);
    Gen<BigInteger> nearBoundary = SourceDSL.integers().between(-40, 40)
        .zip(SourceDSL.booleans().all(), (offset, negative) -> {
          BigInteger v = BigInteger.ONE.shiftLeft(62).add(BigInteger.valueOf(offset));
          return negative ? v.negate() : v;
        });
    Gen<BigInteger> anyLong = SourceDSL.longs().all().map(BigInteger::valueOf);
    Gen<BigInteger> huge = SourceDSL.longs().all().zip(SourceDSL.longs().all(),
        (a, b) -> BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).add(BigInteger.valueOf(a)));
    return small.mix(nearBoundary, 30).mix(anyLong, 30).mix(huge, 20);
  }

  private static Gen<BigInteger> nonZero() {
    return integers().assuming(v -> v.signum() != 0);
  }

  private static BigInteger floorOf(BigInteger n, BigInteger d) {
    return new BigDecimal(n).divide(new BigDecimal(d), 0, RoundingMode.FLOOR).toBigIntegerExact();
  }

  private static BigDecimal referenceDecimal(BigInteger n, BigInteger d) {
    BigDecimal exact;
    try {
      exact = new BigDecimal(n).divide(new BigDecimal(d), MathContext.UNLIMITED);
    } catch (ArithmeticException nonTerminating) {
      exact = null;
    }
    BigDecimal rounded = exact != null && exact.scale() <= ExactScore.DECIMAL_PLACES
        ? exact
        : new BigDecimal(n).divide(new BigDecimal(d), ExactScore.DECIMAL_PLACES, RoundingMode.HALF_EVEN);
    BigDecimal stripped = rounded.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  @Test
  void floorCeilingDecimalAndIntegerTestsAgreeWithBigDecimalArithmetic() {
    qt().withExamples(3000)
        .forAll(integers(), nonZero())
        .checkAssert((n, d) -> {
          ExactScore s = ExactScore.of(n, d);
          BigInteger floor = floorOf(n, d);
          boolean whole = n.mod(d.abs()).signum() == 0;
          assertThat(s.floor()).isEqualTo(floor);
          assertThat(s.ceiling()).isEqualTo(whole ? floor : floor.add(BigInteger.ONE));
          assertThat(s.isInteger()).isEqualTo(whole);
          assertThat(s.decimal()).isEqualTo(referenceDecimal(n, d));
          assertThat(s.toBigDecimal(3))
              .isEqualTo(new BigDecimal(n).divide(new BigDecimal(d), 3, RoundingMode.HALF_EVEN));
          if (floor.bitLength() < 63) {
            assertThat(s.isFloorOrCeiling(floor.longValue())).isTrue();
            assertThat(s.isFloorOrCeiling(floor.longValue() - 1)).isFalse();
          }
        });
  }

  @Test
  void millionthsAndWholePointsForTheReportAgreeWithBigDecimalRounding() {
    qt().withExamples(3000)
        .forAll(integers(), nonZero())
        .checkAssert((n, d) -> {
          ExactScore s = ExactScore.of(n, d);
          assertThat(s.bigMicros()).isEqualTo(
              new BigDecimal(n).divide(new BigDecimal(d), ExactScore.DECIMAL_PLACES, RoundingMode.HALF_EVEN)
                  .unscaledValue());
          assertThat(s.roundedWithin(-100, 100))
              .isEqualTo(s.clamp(-100, 100).toBigDecimal(0).intValueExact());
        });
  }

  @Test
  void equalValuesAreEqualWhateverFormTheyWereGivenIn() {
    qt().withExamples(2000)
        .forAll(integers(), nonZero(), SourceDSL.longs().between(1, 1L << 40))
        .checkAssert((n, d, k) -> {
          ExactScore reduced = ExactScore.of(n, d);
          ExactScore scaled = ExactScore.of(n.multiply(BigInteger.valueOf(k)), d.multiply(BigInteger.valueOf(k)));
          ExactScore negated = ExactScore.of(n.negate(), d.negate());
          assertThat(scaled).isEqualTo(reduced).hasSameHashCodeAs(reduced);
          assertThat(negated).isEqualTo(reduced).hasSameHashCodeAs(reduced);
          assertThat(reduced.numerator().gcd(reduced.denominator())).isIn(BigInteger.ONE, BigInteger.ZERO);
          assertThat(reduced.denominator().signum()).isPositive();
          assertThat(reduced.numerator().multiply(d)).isEqualTo(n.multiply(reduced.denominator()));
          if (d.abs().equals(BigInteger.ONE) && n.bitLength() < 64) {
            assertThat(ExactScore.of(n.longValue() * d.signum())).isEqualTo(reduced);
          }
        });
  }

  @Test
  void comparisonsAgreeWithCrossMultiplication() {
    qt().withExamples(3000)
        .forAll(integers(), nonZero(), integers(), nonZero())
        .checkAssert((n1, d1, n2, d2) -> {
          ExactScore a = ExactScore.of(n1, d1);
          ExactScore b = ExactScore.of(n2, d2);
          int expected = n1.multiply(d2).multiply(BigInteger.valueOf(d1.signum() * d2.signum()))
              .compareTo(n2.multiply(d1).multiply(BigInteger.valueOf(d1.signum() * d2.signum())));
          assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expected);
          if (n2.bitLength() < 64) {
            long v = n2.longValue();
            int expectedLong = n1.multiply(BigInteger.valueOf(d1.signum()))
                .compareTo(d1.abs().multiply(BigInteger.valueOf(v)));
            assertThat(Integer.signum(a.compareTo(v))).isEqualTo(Integer.signum(expectedLong));
          }
        });
  }

  @Test
  void thePercentageOfLongSumsIsThePercentageOfBigSums() {
    qt().withExamples(2000)
        .forAll(SourceDSL.longs().all(), SourceDSL.longs().all())
        .assuming((points, applicable) -> applicable != 0)
        .checkAssert((points, applicable) -> assertThat(ExactScore.percentage(points, applicable))
            .isEqualTo(ExactScore.percentage(BigInteger.valueOf(points), BigInteger.valueOf(applicable))));
  }

  @Test
  void tiesAtTheSixthPlaceRoundToEvenOnBothSidesOfZero() {
    BigInteger twoMillion = BigInteger.valueOf(2_000_000);
    assertThat(ExactScore.of(BigInteger.ONE, twoMillion).decimal().toPlainString()).isEqualTo("0");
    assertThat(ExactScore.of(BigInteger.valueOf(3), twoMillion).decimal().toPlainString()).isEqualTo("0.000002");
    assertThat(ExactScore.of(BigInteger.valueOf(-1), twoMillion).decimal().toPlainString()).isEqualTo("0");
    assertThat(ExactScore.of(BigInteger.valueOf(-3), twoMillion).decimal().toPlainString()).isEqualTo("-0.000002");
    assertThat(ExactScore.of(BigInteger.valueOf(-5), twoMillion).decimal().toPlainString()).isEqualTo("-0.000002");
    assertThat(ExactScore.of(BigInteger.valueOf(200), BigInteger.valueOf(-3)).decimal().toPlainString())
        .isEqualTo("-66.666667");
    assertThat(ExactScore.of(BigInteger.valueOf(1), BigInteger.valueOf(64)).decimal().toPlainString())
        .isEqualTo("0.015625");
    assertThat(ExactScore.of(BigInteger.valueOf(1), BigInteger.valueOf(128)).decimal().toPlainString())
        .isEqualTo("0.007812");
  }
}
