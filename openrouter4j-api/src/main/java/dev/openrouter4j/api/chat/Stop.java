package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code stop}: one stop sequence as a plain string, or up to four as an array. The shape it was
 * built (or read) with is the shape it writes, so a gateway forwards what the caller sent.
 */
public record Stop(String value, List<String> values) {
  public Stop {
    if ((value == null) == (values == null)) {
      throw new IllegalArgumentException("exactly one of value and values must be set");
    }
    if (values != null) {
      values = List.copyOf(values);
    }
  }

  /** The string shape: {@code "stop": "END"}. */
  public static Stop of(String value) {
    return new Stop(Objects.requireNonNull(value, "value"), null);
  }

  /** The array shape, even for one element: {@code "stop": ["END"]}. */
  public static Stop list(String... values) {
    return new Stop(null, List.of(values));
  }

  /** The array shape, even for one element. */
  public static Stop list(List<String> values) {
    return new Stop(null, values);
  }

  /** The stop sequences, whichever shape was used. */
  public List<String> asList() {
    return value != null ? List.of(value) : values;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Stop fromJson(JsonNode node) {
    if (node.isTextual()) {
      return of(node.textValue());
    }
    if (node.isArray()) {
      List<String> out = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          throw new IllegalArgumentException("stop array items must be strings");
        }
        out.add(item.textValue());
      }
      return list(out);
    }
    throw new IllegalArgumentException("stop must be a string or an array of strings");
  }

  @JsonValue
  Object toJson() {
    return value != null ? value : values;
  }
}
