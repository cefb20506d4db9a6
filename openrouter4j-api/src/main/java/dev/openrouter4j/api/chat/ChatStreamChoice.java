package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * {@code choices[]} of a stream chunk. {@code finish_reason} is required but nullable (null until
 * the choice ends), so it is always written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatStreamChoice(
    Integer index,
    ChatDelta delta,
    @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason,
    String nativeFinishReason,
    ChoiceLogprobs logprobs,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ChatStreamChoice {
    extra = WireMaps.extra(extra);
  }
}
