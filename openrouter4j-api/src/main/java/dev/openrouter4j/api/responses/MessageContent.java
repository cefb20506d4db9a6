package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import java.util.List;

/**
 * A message's {@code content} or a function call output's {@code output}: a plain string, or a
 * list of {@link InputContent} parts. Exactly one of {@code text} and {@code parts} is set; it is
 * written in that shape.
 */
public record MessageContent(String text, List<InputContent> parts) {
  private static final TypeReference<List<InputContent>> PARTS = new TypeReference<>() {};

  public MessageContent {
    if ((text == null) == (parts == null)) {
      throw new IllegalArgumentException("content is either text or parts, not both or neither");
    }
    if (parts != null) parts = List.copyOf(parts);
  }

  public static MessageContent of(String text) {
    return new MessageContent(text, null);
  }

  public static MessageContent of(List<InputContent> parts) {
    return new MessageContent(null, parts);
  }

  public static MessageContent of(InputContent... parts) {
    return new MessageContent(null, List.of(parts));
  }

  /** The text, whichever shape: the string, or the text of every text part joined. */
  public String asText() {
    if (text != null) return text;
    StringBuilder sb = new StringBuilder();
    for (InputContent part : parts) {
      if (part instanceof InputContent.InputText t && t.text() != null) sb.append(t.text());
      else if (part instanceof InputContent.OutputText t && t.text() != null) sb.append(t.text());
    }
    return sb.toString();
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static MessageContent fromJson(JsonNode node) {
    if (node.isTextual()) {
      return of(node.textValue());
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("content must be a string or an array, was " + node.getNodeType());
    }
    return of(Json.mapper().convertValue(node, PARTS));
  }

  @JsonValue
  Object toJson() {
    return text != null ? text : parts;
  }
}
