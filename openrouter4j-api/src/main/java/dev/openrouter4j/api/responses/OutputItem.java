package dev.openrouter4j.api.responses;

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
import java.util.List;
import java.util.Map;

/**
 * {@code output[]} of a response (and {@code item} of {@code response.output_item.*} events), told
 * apart by {@code type}. OpenRouter's server-tool items ({@code openrouter:web_search},
 * {@code openrouter:datetime}, ...) read as {@link Unknown}, which keeps their type and every field.
 * Use {@link InputItem#from(OutputItem)} to send an item back as input.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = OutputItem.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = OutputItem.Message.class, name = "message"),
  @JsonSubTypes.Type(value = OutputItem.Reasoning.class, name = "reasoning"),
  @JsonSubTypes.Type(value = OutputItem.FunctionCall.class, name = "function_call"),
  @JsonSubTypes.Type(value = OutputItem.WebSearchCall.class, name = "web_search_call"),
  @JsonSubTypes.Type(value = OutputItem.FileSearchCall.class, name = "file_search_call"),
  @JsonSubTypes.Type(value = OutputItem.ImageGenerationCall.class, name = "image_generation_call"),
  @JsonSubTypes.Type(value = OutputItem.CodeInterpreterCall.class, name = "code_interpreter_call"),
  @JsonSubTypes.Type(value = OutputItem.CustomToolCall.class, name = "custom_tool_call"),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface OutputItem {
  @JsonProperty("type")
  String type();

  /** An assistant message with one output_text part. */
  static Message message(String id, String status, String text) {
    return new Message(id, "assistant", List.of(OutputContent.outputText(text)), status, null, null);
  }

  static FunctionCall functionCall(String id, String callId, String name, String arguments, String status) {
    return new FunctionCall(id, callId, name, arguments, status, null);
  }

  /** {@code status}: in_progress, completed or incomplete; {@code phase}: commentary or final_answer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Message(
      String id,
      String role,
      List<OutputContent> content,
      String status,
      String phase,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements OutputItem {
    @Override public String type() { return "message"; }

    /** The text of every output_text part, joined. */
    public String text() {
      StringBuilder sb = new StringBuilder();
      if (content != null) {
        for (OutputContent part : content) {
          if (part instanceof OutputContent.OutputText t && t.text() != null) sb.append(t.text());
        }
      }
      return sb.toString();
    }
  }

  /**
   * A reasoning item: readable {@code summary} and {@code content}, and the provider's opaque
   * {@code encrypted_content} / {@code signature} (tagged with {@code format}) to send back.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Reasoning(
      String id,
      List<ReasoningPart> summary,
      List<ReasoningPart> content,
      String encryptedContent,
      String signature,
      String format,
      String status,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements OutputItem {
    @Override public String type() { return "reasoning"; }

    /** The summary parts' text, joined with blank lines. */
    public String summaryText() {
      return join(summary, "\n\n");
    }

    /** The raw reasoning content parts' text, joined. */
    public String reasoningText() {
      return join(content, "");
    }

    private static String join(List<ReasoningPart> parts, String separator) {
      if (parts == null) return "";
      StringBuilder sb = new StringBuilder();
      for (ReasoningPart part : parts) {
        if (part.text() == null) continue;
        if (sb.length() > 0) sb.append(separator);
        sb.append(part.text());
      }
      return sb.toString();
    }
  }

  /** A call of a function tool: {@code arguments} is a JSON string. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FunctionCall(
      String id,
      String callId,
      String name,
      String arguments,
      String status,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements OutputItem {
    @Override public String type() { return "function_call"; }
  }

  /** A hosted web search: {@code action} is {@code search{query, sources}}, {@code open_page{url}} or {@code find_in_page{url, pattern}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WebSearchCall(
      String id, String status, Map<String, Object> action, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements OutputItem {
    @Override public String type() { return "web_search_call"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FileSearchCall(
      String id,
      String status,
      List<String> queries,
      List<Map<String, Object>> results,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements OutputItem {
    @Override public String type() { return "file_search_call"; }
  }

  /** {@code result} is the base64 image, or null while generating. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ImageGenerationCall(
      String id, String status, String result, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements OutputItem {
    @Override public String type() { return "image_generation_call"; }
  }

  /** {@code outputs[]} are {@code logs{logs}}, {@code image{url}} or {@code file{...}} objects, kept as maps. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record CodeInterpreterCall(
      String id,
      String status,
      String code,
      String containerId,
      List<Map<String, Object>> outputs,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements OutputItem {
    @Override public String type() { return "code_interpreter_call"; }
  }

  /** A call of a custom (free-form input) tool. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record CustomToolCall(
      String id,
      String callId,
      String name,
      String input,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements OutputItem {
    @Override public String type() { return "custom_tool_call"; }
  }

  /** Any other item (openrouter:* server tools, computer_call, shell_call, ...): its type and every other field. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements OutputItem {}
}
