package dev.korescore.core.model;

import java.math.BigDecimal;
import java.util.Optional;

/** Canonical form for decimal values, so that {@code 5}, {@code 5.0} and {@code 5.00} are equal. */
final class Decimals {
  private Decimals() {}

  static Optional<BigDecimal> canonical(Optional<BigDecimal> value) {
    return value.map(Decimals::canonical);
  }

  static BigDecimal canonical(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
