package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tool_choice}: a mode string ({@code "auto"|"none"|"required"}), or an object told apart by
 * {@code type}: {@code {type:"function", name}}, {@code {type:"allowed_tools", mode, tools}}, or any
 * other {@code {type, ...}} (web_search_preview, apply_patch, shell, ...). A shape union: the string
 * and the objects cannot share a discriminator, so it is read through a {@link JsonNode} creator.
 */
public sealed interface ResponsesToolChoice {
  static Mode auto() {
    return new Mode("auto");
  }

  static Mode none() {
    return new Mode("none");
  }

  static Mode required() {
    return new Mode("required");
  }

  /** Force a call of the named function. */
  static Function function(String name) {
    return new Function(name);
  }

  /** Restrict the model to {@code tools} (e.g. {@code {type:"function", name:"x"}}); mode is auto or required. */
  static AllowedTools allowedTools(String mode, List<Map<String, Object>> tools) {
    return new AllowedTools(mode, List.copyOf(tools));
  }

  /** A hosted tool by type, e.g. {@code of("web_search_preview")}. */
  static Other of(String type) {
    return new Other(type, new LinkedHashMap<>());
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ResponsesToolChoice fromJson(JsonNode node) {
    if (node.isTextual()) {
      return new Mode(node.textValue());
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("tool_choice must be a string or an object, was " + node.getNodeType());
    }
    String type = node.path("type").asText(null);
    if ("function".equals(type) && node.size() == 2 && node.hasNonNull("name")) {
      return new Function(node.get("name").asText());
    }
    if ("allowed_tools".equals(type)) {
      return Json.mapper().convertValue(node, AllowedTools.class);
    }
    Map<String, Object> fields =
        Json.mapper().convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {});
    fields.remove("type");
    return new Other(type, fields);
  }

  /** {@code "auto"}, {@code "none"} or {@code "required"} (kept as a String: a reply may say more). */
  record Mode(@JsonValue String value) implements ResponsesToolChoice {}

  /** {@code {type:"function", name}}. */
  @JsonPropertyOrder({"type", "name"})
  record Function(String name) implements ResponsesToolChoice {
    @JsonProperty("type")
    public String type() {
      return "function";
    }
  }

  /** {@code {type:"allowed_tools", mode, tools}}: tools are kept as maps ({@code {type, name?}}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"type", "mode", "tools"})
  record AllowedTools(String mode, List<Map<String, Object>> tools) implements ResponsesToolChoice {
    @JsonProperty(value = "type", access = JsonProperty.Access.READ_ONLY)
    public String type() {
      return "allowed_tools";
    }
  }

  /** Any other object form: its type and every other field. */
  @JsonPropertyOrder("type")
  record Other(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements ResponsesToolChoice {}
}
