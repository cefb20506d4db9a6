package dev.openrouter4j.gateway.account;

import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.event.TokenUsage;

/**
 * What a request costs, from the endpoint's pricing (USD per million tokens, and per request) and
 * the usage the upstream reported. Cached reads and cache writes are priced on their own; the rest
 * of the prompt at the prompt price. An endpoint priced {@code upstream} costs what its upstream
 * reported ({@link TokenUsage#reportedCost}, nothing when it reported none), with no split into
 * prompt and completion ({@code promptCost} and {@code completionCost} null). Zero-completion
 * insurance, as OpenRouter's, either way: no completion tokens, or a request that ended in error,
 * costs nothing.
 */
public record Cost(double total, Double promptCost, Double completionCost) {
  public static final Cost ZERO = new Cost(0, 0.0, 0.0);
  private static final double PER_MILLION = 1_000_000.0;

  public static Cost of(Pricing pricing, TokenUsage usage, String finishReason) {
    if (usage == null || usage.completionTokens() <= 0 || "error".equals(finishReason)) {
      return ZERO;
    }
    if (pricing.upstream()) {
      Double reported = usage.reportedCost();
      return new Cost(reported == null || !(reported > 0) ? 0 : round(reported), null, null);
    }
    long cached = Math.min(usage.cachedTokens(), usage.promptTokens());
    long written = Math.min(usage.cacheWriteTokens(), usage.promptTokens() - cached);
    long plain = usage.promptTokens() - cached - written;
    double prompt =
        (plain * pricing.prompt() + cached * pricing.cacheRead() + written * pricing.cacheWrite()) / PER_MILLION;
    double completion = usage.completionTokens() * pricing.completion() / PER_MILLION;
    return new Cost(round(prompt + completion + pricing.request()), round(prompt), round(completion));
  }

  /**
   * What an embedding costs: its input tokens at the prompt price plus the per-request price, or
   * what its upstream reported when it is priced {@code upstream}. No zero-completion insurance: an
   * embedding has no completion, and the answer is whole or it is not given.
   */
  public static Cost ofEmbedding(Pricing pricing, long promptTokens, Double reportedCost) {
    if (pricing.upstream()) return new Cost(reportedCost == null || !(reportedCost > 0) ? 0 : round(reportedCost), null, null);
    double prompt = Math.max(0, promptTokens) * pricing.prompt() / PER_MILLION;
    return new Cost(round(prompt + pricing.request()), round(prompt), 0.0);
  }

  /** Credits are kept to a tenth of a micro-dollar; more digits are float noise. */
  private static double round(double usd) {
    return Math.round(usd * 1e10) / 1e10;
  }
}
