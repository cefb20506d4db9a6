package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import java.util.List;

/**
 * {@code input} (and a response's {@code instructions}): a plain string, or a list of {@link
 * InputItem}s. Exactly one of {@code text} and {@code items} is set; it is written in that shape.
 */
public record Input(String text, List<InputItem> items) {
  private static final TypeReference<List<InputItem>> ITEMS = new TypeReference<>() {};

  public Input {
    if ((text == null) == (items == null)) {
      throw new IllegalArgumentException("Input is either text or items, not both or neither");
    }
    if (items != null) items = List.copyOf(items);
  }

  public static Input of(String text) {
    return new Input(text, null);
  }

  public static Input of(List<InputItem> items) {
    return new Input(null, items);
  }

  public static Input of(InputItem... items) {
    return new Input(null, List.of(items));
  }

  public boolean isText() {
    return text != null;
  }

  /** The items; a text input reads as one user message, which is what the server makes of it. */
  public List<InputItem> asItems() {
    return text != null ? List.of(InputItem.user(text)) : items;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Input fromJson(JsonNode node) {
    if (node.isTextual()) {
      return of(node.textValue());
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("input must be a string or an array, was " + node.getNodeType());
    }
    // EasyInputMessage may leave out "type"; a typeless item with a role is a message.
    ArrayNode elements = JsonNodeFactory.instance.arrayNode(node.size());
    for (JsonNode element : node) {
      if (element.isObject() && !element.has("type") && element.has("role")) {
        ObjectNode copy = ((ObjectNode) element).deepCopy();
        copy.put("type", "message");
        element = copy;
      }
      elements.add(element);
    }
    return of(Json.mapper().convertValue(elements, ITEMS));
  }

  @JsonValue
  Object toJson() {
    return text != null ? text : items;
  }
}
