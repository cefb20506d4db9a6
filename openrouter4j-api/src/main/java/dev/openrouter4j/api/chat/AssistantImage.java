package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * {@code images[]} of an assistant message or delta: a generated image, {@code {type?:"image_url",
 * image_url:{url}}} where url is usually a base64 data URL. The schema lists only {@code
 * image_url}; OpenRouter also sends {@code type}, and anything else lands in {@code extra}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssistantImage(
    String type, ImageUrl imageUrl, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public AssistantImage {
    extra = WireMaps.extra(extra);
  }

  public static AssistantImage of(String url) {
    return new AssistantImage("image_url", new ImageUrl(url), null);
  }

  public record ImageUrl(String url) {}
}
