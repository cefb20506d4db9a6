package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code prediction}: predicted output, {@code {type:"content", content: string | [{type:"text",
 * text}]}}. The content reuses {@link MessageContent}, whose array form holds text parts here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(String type, MessageContent content) {
  public static Prediction content(String text) {
    return new Prediction("content", MessageContent.of(text));
  }

  public static Prediction content(List<ContentPart> parts) {
    return new Prediction("content", MessageContent.of(parts));
  }
}
