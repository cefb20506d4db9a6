package dev.openrouter4j;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * When and how a failed request is sent again. The defaults are the reference SDK's: exponential
 * backoff from 500 ms by exponent 1.5, capped at 60 s a wait and 1 h in all, plus up to 1 s of
 * jitter; connection errors are retried. The statuses retried by default are the transient ones:
 * 408, 429, 500, 502, 503, 504, 524 and 529. A stream is never retried once an event was delivered.
 */
public final class RetryConfig {
  public static final Set<Integer> DEFAULT_RETRY_STATUSES = Set.of(408, 429, 500, 502, 503, 504, 524, 529);

  private static final RetryConfig DEFAULTS = builder().build();
  private static final RetryConfig NONE = builder().maxAttempts(1).retryConnectionErrors(false).build();

  private final Duration initialInterval;
  private final Duration maxInterval;
  private final double exponent;
  private final Duration maxElapsedTime;
  private final Duration maxJitter;
  private final int maxAttempts;
  private final boolean retryConnectionErrors;
  private final Set<Integer> retryStatuses;

  private RetryConfig(Builder b) {
    this.initialInterval = b.initialInterval;
    this.maxInterval = b.maxInterval;
    this.exponent = b.exponent;
    this.maxElapsedTime = b.maxElapsedTime;
    this.maxJitter = b.maxJitter;
    this.maxAttempts = b.maxAttempts;
    this.retryConnectionErrors = b.retryConnectionErrors;
    this.retryStatuses = Set.copyOf(b.retryStatuses);
  }

  public static RetryConfig defaults() {
    return DEFAULTS;
  }

  /** Send once, never retry. */
  public static RetryConfig none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .initialInterval(initialInterval)
        .maxInterval(maxInterval)
        .exponent(exponent)
        .maxElapsedTime(maxElapsedTime)
        .maxJitter(maxJitter)
        .maxAttempts(maxAttempts)
        .retryConnectionErrors(retryConnectionErrors)
        .retryStatuses(retryStatuses);
  }

  public Duration initialInterval() { return initialInterval; }
  public Duration maxInterval() { return maxInterval; }
  public double exponent() { return exponent; }
  public Duration maxElapsedTime() { return maxElapsedTime; }
  public Duration maxJitter() { return maxJitter; }
  /** Attempts in all, the first included; {@code Integer.MAX_VALUE} means only the elapsed time bounds them. */
  public int maxAttempts() { return maxAttempts; }
  public boolean retryConnectionErrors() { return retryConnectionErrors; }
  public Set<Integer> retryStatuses() { return retryStatuses; }

  public boolean retriesStatus(int status) {
    return retryStatuses.contains(status);
  }

  /**
   * The wait before retry number {@code retry} (0 for the first): {@code initial * retry^exponent}
   * plus the jitter, capped at the max interval. As in the reference, the first retry waits only
   * the jitter.
   */
  public Duration backoff(int retry, double jitterFraction) {
    double base = initialInterval.toMillis() * Math.pow(retry, exponent);
    double millis = base + jitterFraction * maxJitter.toMillis();
    return Duration.ofMillis((long) Math.min(millis, maxInterval.toMillis()));
  }

  @Override
  public String toString() {
    return "RetryConfig{initial=" + initialInterval + ", max=" + maxInterval + ", exponent=" + exponent
        + ", maxElapsed=" + maxElapsedTime + ", maxAttempts=" + maxAttempts + ", statuses=" + retryStatuses
        + ", connectionErrors=" + retryConnectionErrors + "}";
  }

  public static final class Builder {
    private Duration initialInterval = Duration.ofMillis(500);
    private Duration maxInterval = Duration.ofSeconds(60);
    private double exponent = 1.5;
    private Duration maxElapsedTime = Duration.ofHours(1);
    private Duration maxJitter = Duration.ofSeconds(1);
    private int maxAttempts = Integer.MAX_VALUE;
    private boolean retryConnectionErrors = true;
    private Set<Integer> retryStatuses = DEFAULT_RETRY_STATUSES;

    private Builder() {}

    public Builder initialInterval(Duration v) { this.initialInterval = positive(v, "initialInterval"); return this; }
    public Builder maxInterval(Duration v) { this.maxInterval = positive(v, "maxInterval"); return this; }
    public Builder exponent(double v) {
      if (!(v >= 1)) throw new IllegalArgumentException("exponent must be >= 1");
      this.exponent = v;
      return this;
    }
    public Builder maxElapsedTime(Duration v) { this.maxElapsedTime = positive(v, "maxElapsedTime"); return this; }
    /** Random extra wait, uniform between zero and this, added to each backoff. */
    public Builder maxJitter(Duration v) { this.maxJitter = positive(v, "maxJitter"); return this; }
    public Builder maxAttempts(int v) {
      if (v < 1) throw new IllegalArgumentException("maxAttempts must be >= 1");
      this.maxAttempts = v;
      return this;
    }
    public Builder retryConnectionErrors(boolean v) { this.retryConnectionErrors = v; return this; }
    public Builder retryStatuses(Set<Integer> v) { this.retryStatuses = Set.copyOf(v); return this; }
    public Builder retryStatuses(Integer... v) { return retryStatuses(Set.of(v)); }

    public RetryConfig build() {
      return new RetryConfig(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative()) throw new IllegalArgumentException(name + " must not be negative");
      return d;
    }
  }
}
