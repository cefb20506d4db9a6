package dev.openrouter4j.gateway.provider.anthropic;

import dev.openrouter4j.api.Enums.ReasoningEffort;
import dev.openrouter4j.api.Reasoning;

/**
 * OpenRouter's {@code reasoning} as Anthropic's extended thinking budget. Efforts map to fixed
 * budgets rather than fractions of {@code max_tokens}, so an effort means the same thinking whatever
 * answer length the client asked for.
 */
final class AnthropicThinking {
  /** Anthropic's smallest accepted {@code budget_tokens}. */
  static final int MIN_BUDGET = 1024;

  private AnthropicThinking() {}

  /**
   * The thinking budget, or null for no thinking. An explicit {@code reasoning.max_tokens} wins
   * (raised to the minimum); then the effort ({@code reasoning.effort}, else the {@code
   * reasoning_effort} shorthand); {@code enabled: true} alone means medium. {@code enabled: false}
   * and effort {@code none} turn thinking off.
   */
  static Integer budget(Reasoning reasoning, ReasoningEffort shorthand) {
    if (reasoning != null && Boolean.FALSE.equals(reasoning.enabled())) return null;
    if (reasoning != null && reasoning.maxTokens() != null) return Math.max(MIN_BUDGET, reasoning.maxTokens());
    ReasoningEffort effort = reasoning != null && reasoning.effort() != null ? reasoning.effort() : shorthand;
    if (effort != null) return forEffort(effort);
    return reasoning != null && Boolean.TRUE.equals(reasoning.enabled()) ? forEffort(ReasoningEffort.MEDIUM) : null;
  }

  static Integer forEffort(ReasoningEffort effort) {
    return switch (effort) {
      case NONE -> null;
      case MINIMAL -> 1024;
      case LOW -> 2048;
      case MEDIUM -> 8192;
      case HIGH -> 16384;
      case XHIGH -> 24576;
      case MAX -> 32768;
    };
  }

  /**
   * Anthropic requires {@code budget_tokens < max_tokens}. When the budget does not fit, the
   * client's {@code max_tokens} is kept as room for the visible answer on top of the budget, rather
   * than shrinking a budget the client asked for.
   */
  static int maxTokens(int maxTokens, int budget) {
    return budget >= maxTokens ? budget + maxTokens : maxTokens;
  }
}
