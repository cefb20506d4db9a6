package dev.openrouter4j.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/** {@code stop_server_tools_when[]}: when OpenRouter's server-side tool loop stops; any one fires. */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = StopCondition.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = StopCondition.StepCountIs.class, name = "step_count_is"),
  @JsonSubTypes.Type(value = StopCondition.HasToolCall.class, name = "has_tool_call"),
  @JsonSubTypes.Type(value = StopCondition.MaxTokensUsed.class, name = "max_tokens_used"),
  @JsonSubTypes.Type(value = StopCondition.MaxCost.class, name = "max_cost"),
  @JsonSubTypes.Type(value = StopCondition.FinishReasonIs.class, name = "finish_reason_is"),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface StopCondition {
  @JsonProperty("type")
  String type();

  record StepCountIs(@JsonProperty("step_count") int stepCount) implements StopCondition {
    @Override public String type() { return "step_count_is"; }
  }

  record HasToolCall(@JsonProperty("tool_name") String toolName) implements StopCondition {
    @Override public String type() { return "has_tool_call"; }
  }

  record MaxTokensUsed(@JsonProperty("max_tokens") long maxTokens) implements StopCondition {
    @Override public String type() { return "max_tokens_used"; }
  }

  record MaxCost(@JsonProperty("max_cost_in_dollars") double maxCostInDollars) implements StopCondition {
    @Override public String type() { return "max_cost"; }
  }

  record FinishReasonIs(@JsonProperty("reason") String reason) implements StopCondition {
    @Override public String type() { return "finish_reason_is"; }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements StopCondition {}
}
