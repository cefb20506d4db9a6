package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * {@code usage} of a chat result or the last stream chunk. Token counts are required by the schema;
 * {@code cost} (USD credits), {@code is_byok} and the detail objects are OpenRouter's additions.
 * Unlisted counters (e.g. {@code image_tokens}) land in the detail records' {@code extra}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatUsage(
    Integer promptTokens,
    Integer completionTokens,
    Integer totalTokens,
    PromptTokensDetails promptTokensDetails,
    CompletionTokensDetails completionTokensDetails,
    Double cost,
    Boolean isByok,
    CostDetails costDetails,
    ServerToolUseDetails serverToolUseDetails,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ChatUsage {
    extra = WireMaps.extra(extra);
  }

  public static ChatUsage of(int promptTokens, int completionTokens) {
    return new ChatUsage(
        promptTokens, completionTokens, promptTokens + completionTokens, null, null, null, null, null, null, null);
  }

  /** {@code prompt_tokens_details}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PromptTokensDetails(
      Integer cachedTokens,
      Integer cacheWriteTokens,
      Integer audioTokens,
      Integer videoTokens,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public PromptTokensDetails {
      extra = WireMaps.extra(extra);
    }
  }

  /** {@code completion_tokens_details}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record CompletionTokensDetails(
      Integer reasoningTokens,
      Integer audioTokens,
      Integer acceptedPredictionTokens,
      Integer rejectedPredictionTokens,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public CompletionTokensDetails {
      extra = WireMaps.extra(extra);
    }
  }

  /**
   * {@code cost_details}: what the upstream provider charged, in USD. {@code upstream_inference_cost}
   * is null unless the request was BYOK.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record CostDetails(
      Double upstreamInferenceCost,
      Double upstreamInferencePromptCost,
      Double upstreamInferenceCompletionsCost,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public CostDetails {
      extra = WireMaps.extra(extra);
    }
  }

  /** {@code server_tool_use_details}: counts of OpenRouter server tool use. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ServerToolUseDetails(
      Integer webSearchRequests,
      Integer toolCallsRequested,
      Integer toolCallsExecuted,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public ServerToolUseDetails {
      extra = WireMaps.extra(extra);
    }
  }
}
