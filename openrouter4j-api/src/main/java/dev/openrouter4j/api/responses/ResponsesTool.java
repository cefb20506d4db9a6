package dev.openrouter4j.api.responses;

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
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.Plugin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tools[]} of a Responses request (echoed in the response), told apart by {@code type}.
 * Function tools are flat: no {@code function:{}} wrapper. Every other type, including all of
 * OpenRouter's {@code openrouter:*} server tools, reads and writes as {@link Generic}, which keeps
 * the type and every field; the annotation recipe expresses this through {@code defaultImpl}, so
 * no custom creator is needed. Values providers extend (engine, quality, ...) are Strings because
 * tools are read back from responses.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = ResponsesTool.Generic.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ResponsesTool.Function.class, name = "function"),
  @JsonSubTypes.Type(
      value = ResponsesTool.WebSearch.class,
      names = {
        ResponsesTool.WebSearch.WEB_SEARCH,
        ResponsesTool.WebSearch.WEB_SEARCH_PREVIEW,
        ResponsesTool.WebSearch.WEB_SEARCH_PREVIEW_2025_03_11,
        ResponsesTool.WebSearch.WEB_SEARCH_2025_08_26
      }),
  @JsonSubTypes.Type(value = ResponsesTool.FileSearch.class, name = "file_search"),
  @JsonSubTypes.Type(value = ResponsesTool.Mcp.class, name = "mcp"),
  @JsonSubTypes.Type(value = ResponsesTool.ImageGeneration.class, name = "image_generation"),
  @JsonSubTypes.Type(value = ResponsesTool.Custom.class, name = "custom"),
  @JsonSubTypes.Type(value = ResponsesTool.CodeInterpreter.class, name = "code_interpreter"),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface ResponsesTool {
  @JsonProperty("type")
  String type();

  /** A function tool; {@code parametersSchema} is its JSON Schema. */
  static Function function(String name, String description, Map<String, Object> parametersSchema) {
    return new Function(name, description, parametersSchema, null, null, null);
  }

  static Function function(String name, String description, JsonNode parametersSchema) {
    return function(name, description, toMap(parametersSchema));
  }

  /** A function tool whose arguments must match the schema exactly. */
  static Function strictFunction(String name, String description, Map<String, Object> parametersSchema) {
    return new Function(name, description, parametersSchema, true, null, null);
  }

  /** OpenAI-style hosted web search ({@code type:"web_search"}). */
  static WebSearch webSearch() {
    return new WebSearch(WebSearch.WEB_SEARCH, null, null, null, null, null, null, null, null);
  }

  static FileSearch fileSearch(String... vectorStoreIds) {
    return new FileSearch(List.of(vectorStoreIds), null, null, null, null);
  }

  static Mcp mcp(String serverLabel, String serverUrl) {
    return new Mcp(serverLabel, serverUrl, null, null, null, null, null, null, null);
  }

  static ImageGeneration imageGeneration() {
    return new ImageGeneration(null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Code interpreter in an automatically created container. */
  static CodeInterpreter codeInterpreter() {
    return new CodeInterpreter("auto", null);
  }

  static Custom custom(String name, String description) {
    return new Custom(name, description, null, null);
  }

  /** An OpenRouter server tool, e.g. {@code openrouter("web_search")} for {@code {type:"openrouter:web_search"}}. */
  static Generic openrouter(String name) {
    return new Generic("openrouter:" + name, new LinkedHashMap<>());
  }

  /** An OpenRouter server tool with its {@code parameters} object. */
  static Generic openrouter(String name, Map<String, Object> parameters) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("parameters", parameters);
    return new Generic("openrouter:" + name, fields);
  }

  /** Any tool by type and fields, for types this version does not model. */
  static Generic of(String type, Map<String, Object> fields) {
    return new Generic(type, new LinkedHashMap<>(fields));
  }

  private static Map<String, Object> toMap(JsonNode node) {
    return node == null ? null : Json.mapper().convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  /** {@code parameters} is required by the schema and may be null, so it is always written. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Function(
      String name,
      String description,
      @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> parameters,
      Boolean strict,
      Boolean deferLoading,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements ResponsesTool {
    @Override public String type() { return "function"; }
  }

  /**
   * The web search family; {@code type} is kept because four names share this shape: web_search,
   * web_search_preview, web_search_preview_2025_03_11 and web_search_2025_08_26.
   */
  @JsonIgnoreProperties(value = {})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record WebSearch(
      @JsonProperty("type") String type,
      String engine,
      Filters filters,
      Integer maxResults,
      Integer maxUses,
      String mode,
      String searchContextSize,
      Plugin.UserLocation userLocation,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements ResponsesTool {
    public static final String WEB_SEARCH = "web_search";
    public static final String WEB_SEARCH_PREVIEW = "web_search_preview";
    public static final String WEB_SEARCH_PREVIEW_2025_03_11 = "web_search_preview_2025_03_11";
    public static final String WEB_SEARCH_2025_08_26 = "web_search_2025_08_26";

    /** {@code filters}: domains to search only, or never. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Filters(List<String> allowedDomains, List<String> blockedDomains, List<String> excludedDomains) {}
  }

  /** {@code filters} and {@code ranking_options} are kept as maps (comparison and compound filters). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FileSearch(
      List<String> vectorStoreIds,
      Map<String, Object> filters,
      Integer maxNumResults,
      Map<String, Object> rankingOptions,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements ResponsesTool {
    @Override public String type() { return "file_search"; }
  }

  /**
   * A remote MCP server. {@code allowed_tools} is a list of names or {@code {read_only, tool_names}};
   * {@code require_approval} is "always", "never" or {@code {always, never}}: both kept as sent.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Mcp(
      String serverLabel,
      String serverUrl,
      String connectorId,
      Map<String, String> headers,
      String authorization,
      Object allowedTools,
      Object requireApproval,
      String serverDescription,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements ResponsesTool {
    @Override public String type() { return "mcp"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ImageGeneration(
      String model,
      String quality,
      String size,
      String background,
      String outputFormat,
      Integer outputCompression,
      String moderation,
      Integer partialImages,
      String inputFidelity,
      Map<String, Object> inputImageMask,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements ResponsesTool {
    @Override public String type() { return "image_generation"; }
  }

  /** A free-form input tool; {@code format} is {@code {type:"text"}} or {@code {type:"grammar", syntax, definition}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Custom(
      String name,
      String description,
      Map<String, Object> format,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements ResponsesTool {
    @Override public String type() { return "custom"; }
  }

  /** {@code container} is a container id or "auto" (a String), or {@code {type:"auto", file_ids, memory_limit}} (a Map). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CodeInterpreter(Object container, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements ResponsesTool {
    @Override public String type() { return "code_interpreter"; }
  }

  /** Any other tool (openrouter:*, computer_use_preview, shell, namespace, ...): its type and every other field. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Generic(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements ResponsesTool {}
}
