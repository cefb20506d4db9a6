package dev.openrouter4j.gateway.event;

/**
 * Token counts as the upstream reported them. {@code promptTokens} includes cached reads and cache
 * writes (as OpenAI and OpenRouter count them; the Anthropic adapter adds its separate counts in);
 * {@code completionTokens} includes reasoning tokens. {@code reportedCost} is what the upstream says
 * the answer cost in USD ({@code usage.cost}: OpenRouter, or another OpenRouter-compatible gateway),
 * null when it says nothing; an endpoint priced {@code upstream} charges it.
 */
public record TokenUsage(
    long promptTokens, long completionTokens, long cachedTokens, long cacheWriteTokens, long reasoningTokens, Double reportedCost) {
  public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0);

  /** Counts without a reported cost (every upstream but an OpenRouter-compatible one). */
  public TokenUsage(long promptTokens, long completionTokens, long cachedTokens, long cacheWriteTokens, long reasoningTokens) {
    this(promptTokens, completionTokens, cachedTokens, cacheWriteTokens, reasoningTokens, null);
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  /** Later reports win field by field where they are larger (streams repeat or refine counts). */
  public TokenUsage merge(TokenUsage later) {
    return new TokenUsage(
        Math.max(promptTokens, later.promptTokens),
        Math.max(completionTokens, later.completionTokens),
        Math.max(cachedTokens, later.cachedTokens),
        Math.max(cacheWriteTokens, later.cacheWriteTokens),
        Math.max(reasoningTokens, later.reasoningTokens),
        larger(reportedCost, later.reportedCost));
  }

  private static Double larger(Double a, Double b) {
    if (a == null) return b;
    if (b == null) return a;
    return Math.max(a, b);
  }
}
