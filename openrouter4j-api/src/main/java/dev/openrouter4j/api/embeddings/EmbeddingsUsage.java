package dev.openrouter4j.api.embeddings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import dev.openrouter4j.api.chat.ChatUsage;
import java.util.Map;

/**
 * {@code usage} of an embeddings response: {@code prompt_tokens} and {@code total_tokens} are
 * required; {@code cost} (USD), {@code is_byok} and the details are OpenRouter's additions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmbeddingsUsage(
    Integer promptTokens,
    Integer totalTokens,
    Double cost,
    Boolean isByok,
    ChatUsage.CostDetails costDetails,
    PromptTokensDetails promptTokensDetails,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public EmbeddingsUsage {
    extra = Extras.normalize(extra);
  }

  /** {@code prompt_tokens_details}: the prompt tokens by kind of input. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PromptTokensDetails(
      Integer textTokens,
      Integer imageTokens,
      Integer audioTokens,
      Integer videoTokens,
      Integer fileTokens,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public PromptTokensDetails {
      extra = Extras.normalize(extra);
    }
  }
}
