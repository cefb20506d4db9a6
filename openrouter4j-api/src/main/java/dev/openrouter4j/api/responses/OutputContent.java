package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * A content part of an output message, and the {@code part} of {@code response.content_part.*}
 * events, told apart by {@code type}: output_text, refusal, or reasoning_text (which OpenRouter
 * streams as a content part of a reasoning item).
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = OutputContent.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = OutputContent.OutputText.class, name = "output_text"),
  @JsonSubTypes.Type(value = OutputContent.Refusal.class, name = "refusal"),
  @JsonSubTypes.Type(value = OutputContent.ReasoningText.class, name = "reasoning_text"),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface OutputContent {
  @JsonProperty("type")
  String type();

  /** Output text with an empty annotation list, as servers send it. */
  static OutputText outputText(String text) {
    return new OutputText(text, List.of(), null, null);
  }

  static Refusal refusal(String refusal) {
    return new Refusal(refusal, null);
  }

  static ReasoningText reasoningText(String text) {
    return new ReasoningText(text, null);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record OutputText(
      String text,
      List<Annotation> annotations,
      List<LogProb> logprobs,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements OutputContent {
    @Override public String type() { return "output_text"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Refusal(String refusal, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements OutputContent {
    @Override public String type() { return "refusal"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ReasoningText(String text, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements OutputContent {
    @Override public String type() { return "reasoning_text"; }
  }

  /** A content part this version does not model: its type and every other field as sent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements OutputContent {}
}
