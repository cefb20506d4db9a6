package dev.openrouter4j.gateway.event;

/**
 * Token counts as the upstream reported them. {@code promptTokens} includes cached reads and cache
 * writes (as OpenAI and OpenRouter count them; the Anthropic adapter adds its separate counts in);
 * {@code completionTokens} includes reasoning tokens.
 */
public record TokenUsage(long promptTokens, long completionTokens, long cachedTokens, long cacheWriteTokens, long reasoningTokens) {
  public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0);

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
        Math.max(reasoningTokens, later.reasoningTokens));
  }
}
