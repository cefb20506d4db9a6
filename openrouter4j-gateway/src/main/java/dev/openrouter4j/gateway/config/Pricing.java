package dev.openrouter4j.gateway.config;

/**
 * {@code pricing}: USD per million tokens for prompt and completion, and per request. Cache reads
 * and writes default to the prompt price when not given.
 *
 * <p>{@code pricing: upstream} ({@link #UPSTREAM}, the default for the {@code openrouter} kind)
 * charges instead what the upstream reports an answer cost ({@code usage.cost}), so a gateway in
 * front of OpenRouter counts the credits OpenRouter actually took. Its prices are unknown before
 * the answer: they read as zero to routing, which cannot rank or filter them by price.
 */
public record Pricing(
    double prompt, double completion, double request, Double inputCacheRead, Double inputCacheWrite, boolean upstream) {
  public static final Pricing FREE = new Pricing(0, 0, 0, null, null);
  public static final Pricing UPSTREAM = new Pricing(0, 0, 0, null, null, true);

  /** Prices set in the configuration. */
  public Pricing(double prompt, double completion, double request, Double inputCacheRead, Double inputCacheWrite) {
    this(prompt, completion, request, inputCacheRead, inputCacheWrite, false);
  }

  public double cacheRead() {
    return inputCacheRead != null ? inputCacheRead : prompt;
  }

  public double cacheWrite() {
    return inputCacheWrite != null ? inputCacheWrite : prompt;
  }
}
