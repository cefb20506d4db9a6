package dev.openrouter4j.gateway.account;

import java.util.Locale;

/**
 * When a key's credit {@code limit} starts again ({@code limit_reset}): every UTC day, ISO week
 * (from Monday) or calendar month. A key without one ({@code null}) counts all its usage ever.
 */
public enum LimitReset {
  DAILY,
  WEEKLY,
  MONTHLY;

  /** The wire and database spelling: {@code daily}, {@code weekly}, {@code monthly}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the wire spelling; {@code null} stays null (never resets). */
  public static LimitReset parse(String value) {
    if (value == null) return null;
    for (LimitReset r : values()) {
      if (r.wire().equalsIgnoreCase(value)) return r;
    }
    throw new IllegalArgumentException("limit_reset must be daily, weekly or monthly, not " + value);
  }
}
