package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * One SSE {@code data:} payload of a streaming chat reply ({@code object:"chat.completion.chunk"}).
 * The last chunk usually has {@code choices: []} and carries {@code usage}; a chunk with {@code
 * error} reports a failure after the 200 headers were sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatStreamChunk(
    String id,
    String object,
    Long created,
    String model,
    List<ChatStreamChoice> choices,
    String systemFingerprint,
    String serviceTier,
    ChatUsage usage,
    String provider,
    JsonNode openrouterMetadata,
    StreamError error,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ChatStreamChunk {
    extra = WireMaps.extra(extra);
  }


  public static final String OBJECT = "chat.completion.chunk";
}
