package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A recomputed score as an exact fraction in lowest terms, for example {@code 200/3} for 66.66...
 * Kore publishes integers; an exact score matches when Kore's integer is its {@link #floor()} or
 * {@link #ceiling()} (widened by the policy's tolerance).
 */
public final class ExactScore implements Comparable<ExactScore> {
  /** Digits kept by {@link #decimal()} when the fraction does not terminate. */
  public static final int DECIMAL_PLACES = 6;

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private final BigInteger numerator;
  private final BigInteger denominator;

  private ExactScore(BigInteger numerator, BigInteger denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /** The fraction {@code numerator / denominator}, reduced; the denominator must not be 0. */
  public static ExactScore of(BigInteger numerator, BigInteger denominator) {
    requireNonNull(numerator, "numerator");
    requireNonNull(denominator, "denominator");
    if (denominator.signum() == 0) {
      throw new IllegalArgumentException("denominator must not be 0, numerator was " + numerator);
    }
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    BigInteger gcd = numerator.gcd(denominator);
    if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
    return new ExactScore(numerator, denominator);
  }

  /** An integer score. */
  public static ExactScore of(long value) {
    return new ExactScore(BigInteger.valueOf(value), BigInteger.ONE);
  }

  /** {@code 100 x points / applicable}: Kore's points formula for the given sums. */
  public static ExactScore percentage(BigInteger points, BigInteger applicable) {
    return of(points.multiply(HUNDRED), applicable);
  }

  public BigInteger numerator() {
    return numerator;
  }

  public BigInteger denominator() {
    return denominator;
  }

  public boolean isInteger() {
    return denominator.equals(BigInteger.ONE);
  }

  /** The greatest integer not above this score. */
  public BigInteger floor() {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** The least integer not below this score. */
  public BigInteger ceiling() {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }

  /** This score rounded to {@code scale} decimal places, half to even. */
  public BigDecimal toBigDecimal(int scale) {
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_EVEN);
  }

  /**
   * A decimal for JSON and CSV: exact when the fraction terminates within {@value #DECIMAL_PLACES}
   * decimal places ({@code 40}, {@code 12.5}), else rounded half to even to that many places
   * ({@code 66.666667}); trailing zeros removed, never in exponent notation once printed with
   * {@link BigDecimal#toPlainString()}.
   */
  public BigDecimal decimal() {
    if (isInteger()) {
      return new BigDecimal(numerator);
    }
    BigDecimal value;
    if (terminates()) {
      value = new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.UNLIMITED);
      if (value.scale() > DECIMAL_PLACES) {
        value = value.setScale(DECIMAL_PLACES, RoundingMode.HALF_EVEN);
      }
    } else {
      value = toBigDecimal(DECIMAL_PLACES);
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Whether the decimal expansion ends: the reduced denominator has no prime factor but 2 and 5. */
  private boolean terminates() {
    BigInteger d = denominator.shiftRight(denominator.getLowestSetBit());
    BigInteger five = BigInteger.valueOf(5);
    while (d.signum() > 0 && !d.equals(BigInteger.ONE)) {
      BigInteger[] qr = d.divideAndRemainder(five);
      if (qr[1].signum() != 0) {
        return false;
      }
      d = qr[0];
    }
    return true;
  }

  /** This score limited to {@code [low, high]}. */
  public ExactScore clamp(long low, long high) {
    if (compareTo(of(low)) < 0) {
      return of(low);
    }
    if (compareTo(of(high)) > 0) {
      return of(high);
    }
    return this;
  }

  /** Compares with an integer without allocating a fraction. */
  public int compareTo(long value) {
    return numerator.compareTo(denominator.multiply(BigInteger.valueOf(value)));
  }

  @Override
  public int compareTo(ExactScore other) {
    return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExactScore that
        && numerator.equals(that.numerator)
        && denominator.equals(that.denominator);
  }

  @Override
  public int hashCode() {
    return numerator.hashCode() * 31 + denominator.hashCode();
  }

  /** {@code 40} or {@code 200/3 (66.666667)}. */
  @Override
  public String toString() {
    return isInteger()
        ? numerator.toString()
        : numerator + "/" + denominator + " (" + decimal().toPlainString() + ")";
  }
}
