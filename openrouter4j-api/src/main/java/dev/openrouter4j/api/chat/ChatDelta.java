package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * {@code delta} of a stream choice: the fragment of the assistant message this chunk adds. Every
 * field is optional; some providers repeat {@code role} in every delta.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatDelta(
    String role,
    String content,
    String reasoning,
    String refusal,
    List<ToolCallDelta> toolCalls,
    List<ReasoningDetail> reasoningDetails,
    AudioOutput audio,
    List<AssistantImage> images,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ChatDelta {
    extra = WireMaps.extra(extra);
  }


  public static ChatDelta content(String content) {
    return new ChatDelta(null, content, null, null, null, null, null, null, null);
  }
}
