package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import java.util.List;
import java.util.Objects;

/**
 * A message's {@code content}: a plain string, or an array of {@link ContentPart}s. Exactly one of
 * {@code text} and {@code parts} is set, and that shape is the one written back.
 */
public record MessageContent(String text, List<ContentPart> parts) {
  private static final TypeReference<List<ContentPart>> PARTS = new TypeReference<>() {};

  public MessageContent {
    if ((text == null) == (parts == null)) {
      throw new IllegalArgumentException("exactly one of text and parts must be set");
    }
    if (parts != null) {
      parts = List.copyOf(parts);
    }
  }

  public static MessageContent of(String text) {
    return new MessageContent(Objects.requireNonNull(text, "text"), null);
  }

  public static MessageContent of(List<ContentPart> parts) {
    return new MessageContent(null, Objects.requireNonNull(parts, "parts"));
  }

  public static MessageContent of(ContentPart... parts) {
    return of(List.of(parts));
  }

  /** True for the string shape. */
  public boolean isString() {
    return text != null;
  }

  /**
   * The content as text: the string itself, or the text parts joined with nothing in between
   * (non-text parts are skipped).
   */
  public String asText() {
    if (text != null) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    for (ContentPart part : parts) {
      if (part instanceof ContentPart.TextPart t && t.text() != null) {
        sb.append(t.text());
      }
    }
    return sb.toString();
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static MessageContent fromJson(JsonNode node) {
    if (node.isTextual()) {
      return of(node.textValue());
    }
    if (node.isArray()) {
      return of(Json.mapper().convertValue(node, PARTS));
    }
    throw new IllegalArgumentException("content must be a string or an array of content parts");
  }

  @JsonValue
  Object toJson() {
    return text != null ? text : parts;
  }
}
