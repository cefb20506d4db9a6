package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code tool_choice}: the string {@code "none" | "auto" | "required"} ({@code mode}), or an object:
 * {@code {type:"function", function:{name}}} forces one function, {@code {type:"<server tool
 * type>"}} (e.g. {@code openrouter:web_search}) forces a server tool. Exactly one of {@code mode}
 * and {@code type} is set.
 */
public record ToolChoice(String mode, String type, String functionName) {
  public ToolChoice {
    if ((mode == null) == (type == null)) {
      throw new IllegalArgumentException("exactly one of mode and type must be set");
    }
  }

  public static ToolChoice auto() {
    return new ToolChoice("auto", null, null);
  }

  public static ToolChoice none() {
    return new ToolChoice("none", null, null);
  }

  public static ToolChoice required() {
    return new ToolChoice("required", null, null);
  }

  public static ToolChoice function(String name) {
    return new ToolChoice(null, "function", Objects.requireNonNull(name, "name"));
  }

  public static ToolChoice serverTool(String type) {
    return new ToolChoice(null, Objects.requireNonNull(type, "type"), null);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ToolChoice fromJson(JsonNode node) {
    if (node.isTextual()) {
      return new ToolChoice(node.textValue(), null, null);
    }
    if (node.isObject() && node.path("type").isTextual()) {
      JsonNode name = node.path("function").path("name");
      return new ToolChoice(null, node.get("type").textValue(), name.isTextual() ? name.textValue() : null);
    }
    throw new IllegalArgumentException("tool_choice must be a string or an object with a type");
  }

  @JsonValue
  Object toJson() {
    if (mode != null) {
      return mode;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    if (functionName != null) {
      m.put("function", Map.of("name", functionName));
    }
    return m;
  }
}
