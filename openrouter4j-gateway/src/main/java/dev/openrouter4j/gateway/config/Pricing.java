package dev.openrouter4j.gateway.config;

/**
 * {@code pricing}: USD per million tokens for prompt and completion, and per request. Cache reads
 * and writes default to the prompt price when not given.
 */
public record Pricing(double prompt, double completion, double request, Double inputCacheRead, Double inputCacheWrite) {
  public static final Pricing FREE = new Pricing(0, 0, 0, null, null);

  public double cacheRead() {
    return inputCacheRead != null ? inputCacheRead : prompt;
  }

  public double cacheWrite() {
    return inputCacheWrite != null ? inputCacheWrite : prompt;
  }
}
