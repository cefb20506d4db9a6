package dev.openrouter4j.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.openrouter4j.api.Enums.ReasoningEffort;
import dev.openrouter4j.api.Enums.ReasoningSummary;

/**
 * {@code reasoning}: how much a reasoning model thinks. Chat's schema lists effort and summary; the
 * Responses schema adds max_tokens, enabled, mode ({@code standard|pro}) and context ({@code
 * auto|all_turns|current_turn}). Only the fields set are sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reasoning(
    ReasoningEffort effort,
    ReasoningSummary summary,
    @JsonProperty("max_tokens") Integer maxTokens,
    Boolean enabled,
    String mode,
    String context) {

  public static Reasoning effort(ReasoningEffort effort) {
    return new Reasoning(effort, null, null, null, null, null);
  }

  public static Reasoning of(ReasoningEffort effort, ReasoningSummary summary) {
    return new Reasoning(effort, summary, null, null, null, null);
  }

  public static Reasoning maxTokens(int maxTokens) {
    return new Reasoning(null, null, maxTokens, true, null, null);
  }
}
