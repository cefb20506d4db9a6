package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.CacheControl;
import dev.openrouter4j.api.Json;
import java.util.Map;

/**
 * {@code tools[]} ({@code ChatFunctionTool}): a function the model may call, or one of OpenRouter's
 * server tools ({@code openrouter:web_search}, {@code openrouter:datetime}, ..., and the {@code
 * web_search*} shorthands), told apart by {@code type}.
 *
 * <p>Server tool types are an open set, so {@link ServerTool} carries its {@code type} as data and is
 * also the {@code defaultImpl}: any type other than {@code function} reads as a {@code ServerTool}
 * (the annotation recipe expresses this without a custom creator). The known names are listed too,
 * for documentation.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = ChatTool.ServerTool.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ChatTool.FunctionTool.class, name = "function"),
  @JsonSubTypes.Type(
      value = ChatTool.ServerTool.class,
      names = {
        "openrouter:web_search", "openrouter:web_fetch", "openrouter:datetime", "openrouter:bash",
        "openrouter:files", "openrouter:fusion", "openrouter:advisor", "openrouter:subagent",
        "openrouter:image_generation", "openrouter:experimental__search_models",
        "web_search", "web_search_preview", "web_search_preview_2025_03_11", "web_search_2025_08_26"
      }),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface ChatTool {
  @JsonProperty("type")
  String type();

  /** A function tool that takes no parameters. */
  static FunctionTool function(String name, String description) {
    return function(name, description, (Map<String, Object>) null);
  }

  /** A function tool; {@code parametersSchema} is a JSON Schema object (may be null). */
  static FunctionTool function(String name, String description, Map<String, Object> parametersSchema) {
    return new FunctionTool(new FunctionDefinition(name, description, parametersSchema, null), null);
  }

  /** A function tool whose JSON Schema is already a tree. */
  static FunctionTool function(String name, String description, JsonNode parametersSchema) {
    return function(name, description, toMap(parametersSchema));
  }

  /** A server tool such as {@code openrouter:web_search}, with optional {@code parameters}. */
  static ServerTool server(String type, Map<String, Object> parameters) {
    return new ServerTool(type, parameters);
  }

  private static Map<String, Object> toMap(JsonNode node) {
    return node == null || node.isNull()
        ? null
        : Json.mapper().convertValue(node, new TypeReference<Map<String, Object>>() {});
  }

  /** {@code {type:"function", function:{...}, cache_control?}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FunctionTool(FunctionDefinition function, CacheControl cacheControl) implements ChatTool {
    @Override public String type() { return "function"; }

    /** This tool with strict schema adherence switched on or off. */
    public FunctionTool withStrict(Boolean strict) {
      return new FunctionTool(
          new FunctionDefinition(function.name(), function.description(), function.parameters(), strict),
          cacheControl);
    }

    public FunctionTool withCacheControl(CacheControl cacheControl) {
      return new FunctionTool(function, cacheControl);
    }
  }

  /**
   * {@code function}: {@code name} (max 64 chars, {@code [a-zA-Z0-9_-]}), {@code description?},
   * {@code parameters?} (a JSON Schema object, kept as plain maps and lists) and {@code strict?}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FunctionDefinition(String name, String description, Map<String, Object> parameters, Boolean strict) {}

  /**
   * {@code {type:"openrouter:…", parameters?}}, or a {@code web_search*} shorthand. The shorthand's
   * top-level options ({@code engine}, {@code max_results}, {@code search_context_size}, ...) and any
   * other unmodelled keys are kept in {@code extra}.
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ServerTool(
      @JsonProperty("type") String type,
      Map<String, Object> parameters,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements ChatTool {
    public ServerTool {
      extra = WireMaps.extra(extra);
    }

    public ServerTool(String type, Map<String, Object> parameters) {
      this(type, parameters, null);
    }
  }
}
