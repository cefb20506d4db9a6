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
 * The body of a non-streaming {@code POST /chat/completions} reply ({@code object:
 * "chat.completion"}). {@code system_fingerprint} is required but nullable, so it is always written.
 * {@code provider} (the upstream that served the request) is an OpenRouter addition the schema does
 * not list; {@code openrouter_metadata} is only sent when asked for, and kept as a tree.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatResult(
    String id,
    String object,
    Long created,
    String model,
    @JsonInclude(JsonInclude.Include.ALWAYS) String systemFingerprint,
    List<ChatChoice> choices,
    ChatUsage usage,
    String serviceTier,
    String provider,
    JsonNode openrouterMetadata,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ChatResult {
    extra = WireMaps.extra(extra);
  }


  public static final String OBJECT = "chat.completion";

  /** The first choice's content as text (text parts joined), or null if there is none. */
  public String text() {
    if (choices == null || choices.isEmpty() || choices.get(0).message() == null) {
      return null;
    }
    return choices.get(0).message().text();
  }
}
