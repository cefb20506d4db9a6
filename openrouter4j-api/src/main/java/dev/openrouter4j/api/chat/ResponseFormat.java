package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** {@code response_format} (chat): the output format the model must follow, told apart by {@code type}. */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = ResponseFormat.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ResponseFormat.Text.class, name = "text"),
  @JsonSubTypes.Type(value = ResponseFormat.JsonObject.class, name = "json_object"),
  @JsonSubTypes.Type(value = ResponseFormat.JsonSchema.class, name = "json_schema"),
  @JsonSubTypes.Type(value = ResponseFormat.Grammar.class, name = "grammar"),
  @JsonSubTypes.Type(value = ResponseFormat.Python.class, name = "python"),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface ResponseFormat {
  @JsonProperty("type")
  String type();

  static Text text() {
    return new Text();
  }

  static JsonObject jsonObject() {
    return new JsonObject();
  }

  static JsonSchema jsonSchema(String name, Map<String, Object> schema) {
    return new JsonSchema(new JsonSchemaConfig(name, null, schema, null));
  }

  static JsonSchema jsonSchema(String name, Map<String, Object> schema, Boolean strict) {
    return new JsonSchema(new JsonSchemaConfig(name, null, schema, strict));
  }

  static Grammar grammar(String grammar) {
    return new Grammar(grammar);
  }

  static Python python() {
    return new Python();
  }

  /** {@code {type:"text"}}. */
  record Text() implements ResponseFormat {
    @Override public String type() { return "text"; }
  }

  /** {@code {type:"json_object"}}: any valid JSON object. */
  record JsonObject() implements ResponseFormat {
    @Override public String type() { return "json_object"; }
  }

  /** {@code {type:"json_schema", json_schema:{name, description?, schema?, strict?}}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record JsonSchema(JsonSchemaConfig jsonSchema) implements ResponseFormat {
    @Override public String type() { return "json_schema"; }
  }

  /** {@code json_schema}: {@code name} max 64 chars {@code [a-zA-Z0-9_-]}; {@code schema} a JSON Schema object. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record JsonSchemaConfig(String name, String description, Map<String, Object> schema, Boolean strict) {}

  /** {@code {type:"grammar", grammar}}: a grammar (e.g. GBNF) the output must match. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Grammar(String grammar) implements ResponseFormat {
    @Override public String type() { return "grammar"; }
  }

  /** {@code {type:"python"}}. */
  record Python() implements ResponseFormat {
    @Override public String type() { return "python"; }
  }

  /** A format this version does not model: its type and every other field as sent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements ResponseFormat {}
}
