package dev.openrouter4j.gateway.account;

import java.util.Objects;

/**
 * A change to a key (OpenRouter's {@code PATCH /keys/{hash}}): only the fields that were set
 * change, and setting {@code limit}, {@code limitReset} or {@code rateLimitRpm} to null clears it
 * (unlimited, never resets, the default rate). Build with {@link #builder()}.
 */
public final class KeyPatch {
  final String name;
  final Boolean disabled;
  final boolean limitSet;
  final Double limit;
  final boolean limitResetSet;
  final LimitReset limitReset;
  final boolean rateLimitSet;
  final Integer rateLimitRpm;

  private KeyPatch(Builder b) {
    name = b.name;
    disabled = b.disabled;
    limitSet = b.limitSet;
    limit = b.limit;
    limitResetSet = b.limitResetSet;
    limitReset = b.limitReset;
    rateLimitSet = b.rateLimitSet;
    rateLimitRpm = b.rateLimitRpm;
  }

  public static Builder builder() {
    return new Builder();
  }

  boolean isEmpty() {
    return name == null && disabled == null && !limitSet && !limitResetSet && !rateLimitSet;
  }

  static void check(Double limit, Integer rateLimitRpm) {
    if (limit != null && (!Double.isFinite(limit) || limit < 0)) throw new IllegalArgumentException("limit must be a number >= 0, not " + limit);
    if (rateLimitRpm != null && rateLimitRpm <= 0) throw new IllegalArgumentException("rate limit must be > 0 requests per minute, not " + rateLimitRpm);
  }

  public static final class Builder {
    private String name;
    private Boolean disabled;
    private boolean limitSet;
    private Double limit;
    private boolean limitResetSet;
    private LimitReset limitReset;
    private boolean rateLimitSet;
    private Integer rateLimitRpm;

    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    public Builder disabled(boolean disabled) {
      this.disabled = disabled;
      return this;
    }

    public Builder limit(Double limit) {
      this.limitSet = true;
      this.limit = limit;
      return this;
    }

    public Builder limitReset(LimitReset reset) {
      this.limitResetSet = true;
      this.limitReset = reset;
      return this;
    }

    public Builder rateLimitRpm(Integer rpm) {
      this.rateLimitSet = true;
      this.rateLimitRpm = rpm;
      return this;
    }

    public KeyPatch build() {
      check(limit, rateLimitRpm);
      return new KeyPatch(this);
    }
  }
}
