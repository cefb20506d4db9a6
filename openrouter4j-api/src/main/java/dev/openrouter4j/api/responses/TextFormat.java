package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/**
 * {@code text.format}: plain text, any JSON object, or JSON matching a schema, told apart by
 * {@code type}. The json_schema fields are flat, unlike chat's nested {@code json_schema:{...}}.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = TextFormat.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = TextFormat.Text.class, name = "text"),
  @JsonSubTypes.Type(value = TextFormat.JsonObject.class, name = "json_object"),
  @JsonSubTypes.Type(value = TextFormat.JsonSchema.class, name = "json_schema"),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface TextFormat {
  @JsonProperty("type")
  String type();

  static Text text() {
    return new Text();
  }

  static JsonObject jsonObject() {
    return new JsonObject();
  }

  static JsonSchema jsonSchema(String name, Map<String, Object> schema) {
    return new JsonSchema(name, schema, null, null, null);
  }

  /** Strict structured output: the reply must match {@code schema} exactly. */
  static JsonSchema strictJsonSchema(String name, Map<String, Object> schema) {
    return new JsonSchema(name, schema, null, true, null);
  }

  record Text() implements TextFormat {
    @Override public String type() { return "text"; }
  }

  record JsonObject() implements TextFormat {
    @Override public String type() { return "json_object"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record JsonSchema(
      String name,
      Map<String, Object> schema,
      String description,
      Boolean strict,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements TextFormat {
    @Override public String type() { return "json_schema"; }
  }

  /** A format this version does not model: its type and every other field as sent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements TextFormat {}
}
