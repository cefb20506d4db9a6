package dev.openrouter4j.gateway.account;

import java.util.Objects;

/** What a new key is created with (OpenRouter's {@code POST /keys} body). */
public record KeySpec(String name, Double limit, LimitReset limitReset, Integer rateLimitRpm) {
  public KeySpec {
    Objects.requireNonNull(name, "name == null");
    KeyPatch.check(limit, rateLimitRpm);
  }

  public static KeySpec named(String name) {
    return new KeySpec(name, null, null, null);
  }

  public KeySpec withLimit(Double limit, LimitReset reset) {
    return new KeySpec(name, limit, reset, rateLimitRpm);
  }

  public KeySpec withRateLimit(Integer rpm) {
    return new KeySpec(name, limit, limitReset, rpm);
  }
}
