package dev.openrouter4j.gateway.account;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Dollars in the database: NUMERIC(24,10), the precision {@link Cost} rounds to. */
final class Money {
  static final int SCALE = 10;

  private Money() {}

  static BigDecimal of(double usd) {
    if (!Double.isFinite(usd) || usd < 0) throw new IllegalArgumentException("an amount must be a finite number >= 0, not " + usd);
    return BigDecimal.valueOf(usd).setScale(SCALE, RoundingMode.HALF_UP);
  }

  static Double ofNullable(BigDecimal usd) {
    return usd == null ? null : usd.doubleValue();
  }
}
