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

/**
 * {@code reasoning_details[]}: structured reasoning, told apart by {@code type}. Callers send these
 * back unchanged on the next turn (signatures and encrypted blobs are checked upstream). Every
 * variant has {@code id}, {@code format} (e.g. {@code anthropic-claude-v1},
 * {@code openai-responses-v1}; a String because providers add values) and {@code index}.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = ReasoningDetail.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ReasoningDetail.Text.class, name = "reasoning.text"),
  @JsonSubTypes.Type(value = ReasoningDetail.Summary.class, name = "reasoning.summary"),
  @JsonSubTypes.Type(value = ReasoningDetail.Encrypted.class, name = "reasoning.encrypted"),
  @JsonSubTypes.Type(value = ReasoningDetail.ServerToolCall.class, name = "reasoning.server_tool_call"),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface ReasoningDetail {
  @JsonProperty("type")
  String type();

  String id();

  String format();

  Integer index();

  /** {@code reasoning.text{text?, signature?}}: raw thinking text, with the provider's signature. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Text(String id, String format, Integer index, String text, String signature)
      implements ReasoningDetail {
    @Override public String type() { return "reasoning.text"; }
  }

  /** {@code reasoning.summary{summary}}: a summary of the reasoning. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Summary(String id, String format, Integer index, String summary) implements ReasoningDetail {
    @Override public String type() { return "reasoning.summary"; }
  }

  /** {@code reasoning.encrypted{data}}: opaque reasoning only the provider can read. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Encrypted(String id, String format, Integer index, String data) implements ReasoningDetail {
    @Override public String type() { return "reasoning.encrypted"; }
  }

  /** {@code reasoning.server_tool_call{tool_name, arguments, result, tool_call_id?}}: a server tool OpenRouter ran. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ServerToolCall(
      String id, String format, Integer index, String toolName, String arguments, String result, String toolCallId)
      implements ReasoningDetail {
    @Override public String type() { return "reasoning.server_tool_call"; }
  }

  /** A detail type this version does not model: its type and every other field as sent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements ReasoningDetail {
    @Override public String id() {
      return fields != null && fields.get("id") instanceof String s ? s : null;
    }

    @Override public String format() {
      return fields != null && fields.get("format") instanceof String s ? s : null;
    }

    @Override public Integer index() {
      return fields != null && fields.get("index") instanceof Number n ? n.intValue() : null;
    }
  }
}
