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
 *
 * <p>Held in two {@code long}s while numerator and denominator fit in 62 bits (any real evaluation
 * form: weights up to 2^31 over hundreds of metrics), in {@link BigInteger}s beyond; the value, and
 * everything computed from it, is the same either way.
 */
public final class ExactScore implements Comparable<ExactScore>, java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Digits kept by {@link #decimal()} when the fraction does not terminate. */
  public static final int DECIMAL_PLACES = 6;

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  private static final long DECIMAL_FACTOR = 1_000_000L; // 10^DECIMAL_PLACES
  /** Magnitudes up to 2^62 are held in longs, leaving room to negate and compare without overflow. */
  private static final int LONG_BITS = 62;

  /** The fraction when it fits in longs (den > 0, reduced); ignored when {@link #bigNum} is set. */
  private final long num;
  private final long den;
  /** The fraction when it does not fit in longs; null otherwise. */
  private final BigInteger bigNum;
  private final BigInteger bigDen;

  private ExactScore(long num, long den) {
    this.num = num;
    this.den = den;
    this.bigNum = null;
    this.bigDen = null;
  }

  private ExactScore(BigInteger numerator, BigInteger denominator) {
    this.num = 0;
    this.den = 0;
    this.bigNum = numerator;
    this.bigDen = denominator;
  }

  /** The fraction {@code numerator / denominator}, reduced; the denominator must not be 0. */
  public static ExactScore of(BigInteger numerator, BigInteger denominator) {
    requireNonNull(numerator, "numerator");
    requireNonNull(denominator, "denominator");
    if (denominator.signum() == 0) {
      throw new IllegalArgumentException("denominator must not be 0, numerator was " + numerator);
    }
    if (numerator.bitLength() <= LONG_BITS && denominator.bitLength() <= LONG_BITS) {
      return ofLongs(numerator.longValue(), denominator.longValue());
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
    return reduced(numerator, denominator);
  }

  /** {@code numerator / denominator} for magnitudes below 2^62, reduced; the denominator must not be 0. */
  private static ExactScore ofLongs(long numerator, long denominator) {
    if (denominator < 0) {
      numerator = -numerator;
      denominator = -denominator;
    }
    long gcd = gcd(Math.abs(numerator), denominator);
    if (gcd > 1) {
      numerator /= gcd;
      denominator /= gcd;
    }
    return fits(numerator) && fits(denominator)
        ? new ExactScore(numerator, denominator)
        : new ExactScore(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  /** A reduced fraction with a positive denominator, in longs when it fits. */
  private static ExactScore reduced(BigInteger numerator, BigInteger denominator) {
    if (numerator.bitLength() <= LONG_BITS && denominator.bitLength() <= LONG_BITS) {
      return new ExactScore(numerator.longValue(), denominator.longValue());
    }
    return new ExactScore(numerator, denominator);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** Whether {@code value} has at most {@link #LONG_BITS} bits, as {@link BigInteger#bitLength()} counts. */
  private static boolean fits(long value) {
    return value >= -(1L << LONG_BITS) && value < (1L << LONG_BITS);
  }

  /** An integer score. */
  public static ExactScore of(long value) {
    return fits(value) ? new ExactScore(value, 1) : new ExactScore(BigInteger.valueOf(value), BigInteger.ONE);
  }

  /** {@code 100 x points / applicable}: Kore's points formula for the given sums. */
  public static ExactScore percentage(BigInteger points, BigInteger applicable) {
    return of(points.multiply(HUNDRED), applicable);
  }

  /** {@link #percentage(BigInteger, BigInteger)} for sums in longs: exact, whatever their size. */
  static ExactScore percentage(long points, long applicable) {
    if (applicable != 0 && points > Long.MIN_VALUE / 100 && points < Long.MAX_VALUE / 100) {
      long numerator = points * 100;
      if (fits(numerator) && fits(applicable)) {
        return ofLongs(numerator, applicable);
      }
    }
    return percentage(BigInteger.valueOf(points), BigInteger.valueOf(applicable));
  }

  private boolean isLong() {
    return bigNum == null;
  }

  /** The numerator in lowest terms (its sign is the score's). */
  public BigInteger numerator() {
    return isLong() ? BigInteger.valueOf(num) : bigNum;
  }

  /** The denominator in lowest terms, always positive. */
  public BigInteger denominator() {
    return isLong() ? BigInteger.valueOf(den) : bigDen;
  }

  /** Whether the score is a whole number (its denominator is 1). */
  public boolean isInteger() {
    return isLong() ? den == 1 : bigDen.equals(BigInteger.ONE);
  }

  /** The greatest integer not above this score. */
  public BigInteger floor() {
    if (isLong()) {
      return BigInteger.valueOf(Math.floorDiv(num, den));
    }
    BigInteger[] qr = bigNum.divideAndRemainder(bigDen);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** The least integer not below this score. */
  public BigInteger ceiling() {
    if (isLong()) {
      return BigInteger.valueOf(-Math.floorDiv(-num, den));
    }
    BigInteger[] qr = bigNum.divideAndRemainder(bigDen);
    return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }

  /**
   * Whether {@code value} is this score's floor or ceiling: Kore's integer agrees with it when no
   * tolerance widens the range. Without allocating in the usual case.
   */
  boolean isFloorOrCeiling(long value) {
    if (isLong()) {
      return value >= Math.floorDiv(num, den) && value <= -Math.floorDiv(-num, den);
    }
    BigInteger v = BigInteger.valueOf(value);
    return v.compareTo(floor()) >= 0 && v.compareTo(ceiling()) <= 0;
  }

  /** This score rounded to {@code scale} decimal places, half to even. */
  public BigDecimal toBigDecimal(int scale) {
    return new BigDecimal(numerator()).divide(new BigDecimal(denominator()), scale, RoundingMode.HALF_EVEN);
  }

  /**
   * A decimal for JSON and CSV: exact when the fraction terminates within {@value #DECIMAL_PLACES}
   * decimal places ({@code 40}, {@code 12.5}), else rounded half to even to that many places
   * ({@code 66.666667}); trailing zeros removed, never in exponent notation once printed with
   * {@link BigDecimal#toPlainString()}.
   */
  public BigDecimal decimal() {
    if (isInteger()) {
      return isLong() ? BigDecimal.valueOf(num) : new BigDecimal(bigNum);
    }
    if (microsFitLong()) {
      return plain(BigDecimal.valueOf(micros(), DECIMAL_PLACES));
    }
    BigDecimal value;
    if (terminates()) {
      value = new BigDecimal(numerator()).divide(new BigDecimal(denominator()), MathContext.UNLIMITED);
      if (value.scale() > DECIMAL_PLACES) {
        value = value.setScale(DECIMAL_PLACES, RoundingMode.HALF_EVEN);
      }
    } else {
      value = toBigDecimal(DECIMAL_PLACES);
    }
    return plain(value);
  }

  /** Whether {@link #micros()} can give this score in a {@code long}. */
  boolean microsFitLong() {
    return isLong() && num > Long.MIN_VALUE / DECIMAL_FACTOR && num < Long.MAX_VALUE / DECIMAL_FACTOR;
  }

  /**
   * This score in millionths, rounded half to even: the unscaled value of {@code toBigDecimal(6)},
   * without allocating. Only when {@link #microsFitLong()}.
   */
  long micros() {
    // num / den rounded half to even at 6 places; exact when it terminates within them.
    return roundHalfEven(num * DECIMAL_FACTOR, den);
  }

  /** This score in millionths, rounded half to even, whatever its size: the unscaled {@code toBigDecimal(6)}. */
  BigInteger bigMicros() {
    return microsFitLong() ? BigInteger.valueOf(micros()) : toBigDecimal(DECIMAL_PLACES).unscaledValue();
  }

  /**
   * This score rounded half to even to a whole number and limited to {@code [low, high]}: {@code
   * clamp(low, high).toBigDecimal(0).intValue()}, without allocating in the usual case.
   */
  int roundedWithin(int low, int high) {
    if (compareTo(low) <= 0) {
      return low;
    }
    if (compareTo(high) >= 0) {
      return high;
    }
    return isLong() ? (int) roundHalfEven(num, den) : toBigDecimal(0).intValueExact();
  }

  /** {@code a / b} (b > 0) rounded half to even. */
  private static long roundHalfEven(long a, long b) {
    long q = Math.floorDiv(a, b);
    long r = Math.floorMod(a, b);
    long half = b - r; // compare 2r with b without overflow: r > b - r
    if (r > half || (r == half && (q & 1) != 0)) {
      q++;
    }
    return q;
  }

  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Whether the decimal expansion ends: the reduced denominator has no prime factor but 2 and 5. */
  private boolean terminates() {
    BigInteger denominator = denominator();
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

  /** {@code this - other}, exact: how far a score moved. */
  public ExactScore minus(ExactScore other) {
    requireNonNull(other, "other");
    if (isLong() && other.isLong()) {
      try {
        long numerator = Math.subtractExact(Math.multiplyExact(num, other.den), Math.multiplyExact(other.num, den));
        long denominator = Math.multiplyExact(den, other.den);
        if (fits(numerator) && fits(denominator)) {
          return ofLongs(numerator, denominator);
        }
      } catch (ArithmeticException overflow) {
        // fall through to BigInteger
      }
    }
    return of(numerator().multiply(other.denominator()).subtract(other.numerator().multiply(denominator())),
        denominator().multiply(other.denominator()));
  }

  /** The nearest {@code double}: for averages and charts, never for a verdict. */
  public double doubleValue() {
    return isLong() ? (double) num / den : toBigDecimal(12).doubleValue();
  }

  /** This score limited to {@code [low, high]}. */
  public ExactScore clamp(long low, long high) {
    if (compareTo(low) < 0) {
      return of(low);
    }
    if (compareTo(high) > 0) {
      return of(high);
    }
    return this;
  }

  /** Compares with an integer without allocating a fraction. */
  public int compareTo(long value) {
    if (isLong() && fits(value)) {
      // num / den against value: floor and remainder avoid multiplying.
      long floor = Math.floorDiv(num, den);
      if (floor != value) {
        return floor < value ? -1 : 1;
      }
      return Math.floorMod(num, den) == 0 ? 0 : 1;
    }
    return numerator().compareTo(denominator().multiply(BigInteger.valueOf(value)));
  }

  @Override
  public int compareTo(ExactScore other) {
    if (isLong() && other.isLong()) {
      long left = Math.floorDiv(num, den);
      long right = Math.floorDiv(other.num, other.den);
      if (left != right) {
        return left < right ? -1 : 1;
      }
    }
    return numerator().multiply(other.denominator()).compareTo(other.numerator().multiply(denominator()));
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ExactScore that)) {
      return false;
    }
    if (isLong() != that.isLong()) {
      return false; // the form is canonical: a value has exactly one
    }
    return isLong()
        ? num == that.num && den == that.den
        : bigNum.equals(that.bigNum) && bigDen.equals(that.bigDen);
  }

  @Override
  public int hashCode() {
    return isLong() ? Long.hashCode(num) * 31 + Long.hashCode(den) : bigNum.hashCode() * 31 + bigDen.hashCode();
  }

  /** {@code 40} or {@code 200/3 (66.666667)}. */
  @Override
  public String toString() {
    return isInteger()
        ? numerator().toString()
        : numerator() + "/" + denominator() + " (" + decimal().toPlainString() + ")";
  }
}
