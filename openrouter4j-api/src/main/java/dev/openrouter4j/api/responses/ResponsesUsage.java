package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A response's {@code usage}: token counts with their cached/reasoning breakdowns, and OpenRouter's
 * additions: {@code cost} in USD (credits), {@code is_byok}, the upstream cost split and the server
 * tool counters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResponsesUsage(
    Integer inputTokens,
    Integer outputTokens,
    Integer totalTokens,
    InputTokensDetails inputTokensDetails,
    OutputTokensDetails outputTokensDetails,
    Double cost,
    Boolean isByok,
    CostDetails costDetails,
    Map<String, Object> serverToolUseDetails,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  /** Token counts with the zero breakdowns the schema requires. */
  public static ResponsesUsage of(int inputTokens, int outputTokens) {
    return new ResponsesUsage(
        inputTokens,
        outputTokens,
        inputTokens + outputTokens,
        new InputTokensDetails(0, null, null),
        new OutputTokensDetails(0, null),
        null,
        null,
        null,
        null,
        null);
  }

  /** {@code input_tokens_details}: prompt tokens read from, and written to, the provider's cache. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record InputTokensDetails(
      Integer cachedTokens, Integer cacheWriteTokens, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {}

  /** {@code output_tokens_details}: how many output tokens were reasoning. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record OutputTokensDetails(Integer reasoningTokens, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {}

  /**
   * {@code cost_details}: what the upstream provider charged for input and output (BYOK). OpenRouter
   * always sends {@code upstream_inference_cost}, null when there is none, so it is always written.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record CostDetails(
      Double upstreamInferenceInputCost,
      Double upstreamInferenceOutputCost,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double upstreamInferenceCost,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {}
}
