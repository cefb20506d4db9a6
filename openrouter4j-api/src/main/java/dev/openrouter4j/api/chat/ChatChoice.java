package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.chat.ChatMessage.AssistantMessage;
import java.util.Map;

/**
 * {@code choices[]} of a chat result. {@code finish_reason} ({@code stop}, {@code length}, {@code
 * tool_calls}, {@code content_filter}, {@code error}, or a provider's own value) is required but
 * nullable, so it is always written; {@code native_finish_reason} is the upstream provider's own
 * reason, added by OpenRouter.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatChoice(
    Integer index,
    @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason,
    String nativeFinishReason,
    AssistantMessage message,
    ChoiceLogprobs logprobs,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ChatChoice {
    extra = WireMaps.extra(extra);
  }
}
