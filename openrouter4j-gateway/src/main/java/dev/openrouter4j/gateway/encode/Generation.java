package dev.openrouter4j.gateway.encode;

import dev.openrouter4j.gateway.account.Cost;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.api.chat.ChatUsage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The identity of one answer as the client sees it: OpenRouter-style id ({@code gen-<epoch>-<20
 * chars>}), creation time, the model the client asked for (which served it) and the provider that
 * served it, plus the pricing that turns usage into cost.
 */
public record Generation(String id, long created, String model, String provider, Pricing pricing) {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  public static String newId(long epochSeconds) {
    char[] suffix = new char[20];
    // Unguessable ids buy nothing here (a generation is readable only with the key that made it), so
    // the per-thread generator, not a shared SecureRandom, which cost microseconds per request.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < suffix.length; i++) suffix[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    return "gen-" + epochSeconds + "-" + new String(suffix);
  }

  public Generation withRoute(String model, String provider, Pricing pricing) {
    return new Generation(id, created, model, provider, pricing);
  }

  /** What this answer costs at the serving endpoint's pricing (nothing when it ended in error). */
  public Cost cost(TokenUsage usage, String finishReason) {
    return Cost.of(pricing == null ? Pricing.FREE : pricing, usage, finishReason);
  }

  /** OpenRouter's usage object: tokens, details, and the cost of this answer (without {@code cost_details} when priced by the upstream). */
  public ChatUsage usage(TokenUsage usage, String finishReason) {
    Cost cost = cost(usage, finishReason);
    return new ChatUsage(
        (int) usage.promptTokens(),
        (int) usage.completionTokens(),
        (int) usage.totalTokens(),
        new ChatUsage.PromptTokensDetails((int) usage.cachedTokens(), (int) usage.cacheWriteTokens(), 0, 0, null),
        new ChatUsage.CompletionTokensDetails((int) usage.reasoningTokens(), 0, null, null, null),
        cost.total(),
        false,
        costDetails(cost),
        null,
        null);
  }

  /** The usage's {@code cost_details}: the prompt/completion split, which the schema requires, so none for a cost the upstream set (it gives no split). */
  public static ChatUsage.CostDetails costDetails(Cost cost) {
    return cost.promptCost() == null ? null : new ChatUsage.CostDetails(null, cost.promptCost(), cost.completionCost(), null);
  }
}
