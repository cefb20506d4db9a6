package dev.openrouter4j.gateway.account;

import java.time.Instant;

/**
 * One API key as stored, in the shape of OpenRouter's key object: never the secret, only its
 * {@code hash} (which identifies the key in the management API) and a {@code label} showing its
 * first and last characters. Usage is in USD; {@code usageDaily}, {@code usageWeekly} and {@code
 * usageMonthly} are for the current UTC periods as of when the record was read. {@code limit} null
 * means unlimited; {@code rateLimitRpm} null means the gateway's default.
 */
public record ApiKey(
    String hash,
    String label,
    String name,
    boolean disabled,
    Double limit,
    LimitReset limitReset,
    Integer rateLimitRpm,
    double usage,
    double usageDaily,
    double usageWeekly,
    double usageMonthly,
    double reserved,
    Instant createdAt,
    Instant updatedAt) {

  /** The usage that counts against the limit: the current period's, or all of it without a reset. */
  public double limitUsage() {
    if (limitReset == null) return usage;
    return switch (limitReset) {
      case DAILY -> usageDaily;
      case WEEKLY -> usageWeekly;
      case MONTHLY -> usageMonthly;
    };
  }

  /** What is left of the limit (never below 0), or null for an unlimited key. */
  public Double limitRemaining() {
    return limit == null ? null : Math.max(0, limit - limitUsage());
  }
}
