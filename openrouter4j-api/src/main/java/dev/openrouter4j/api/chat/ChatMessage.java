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
import java.util.List;
import java.util.Map;

/** {@code messages[]} ({@code ChatMessages}): one conversation turn, told apart by {@code role}. */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "role",
    visible = true,
    defaultImpl = ChatMessage.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ChatMessage.SystemMessage.class, name = "system"),
  @JsonSubTypes.Type(value = ChatMessage.DeveloperMessage.class, name = "developer"),
  @JsonSubTypes.Type(value = ChatMessage.UserMessage.class, name = "user"),
  @JsonSubTypes.Type(value = ChatMessage.AssistantMessage.class, name = "assistant"),
  @JsonSubTypes.Type(value = ChatMessage.ToolMessage.class, name = "tool"),
})
@JsonIgnoreProperties(value = "role", allowGetters = true)
@JsonPropertyOrder("role")
public sealed interface ChatMessage {
  @JsonProperty("role")
  String role();

  static SystemMessage system(String text) {
    return new SystemMessage(MessageContent.of(text), null);
  }

  static DeveloperMessage developer(String text) {
    return new DeveloperMessage(MessageContent.of(text), null);
  }

  static UserMessage user(String text) {
    return new UserMessage(MessageContent.of(text), null);
  }

  static UserMessage user(List<ContentPart> parts) {
    return new UserMessage(MessageContent.of(parts), null);
  }

  static UserMessage user(ContentPart... parts) {
    return new UserMessage(MessageContent.of(parts), null);
  }

  static AssistantMessage assistant(String text) {
    return AssistantMessage.builder().content(text).build();
  }

  /** An earlier assistant turn that called tools (its content is absent). */
  static AssistantMessage assistantToolCalls(List<ToolCall> toolCalls) {
    return AssistantMessage.builder().toolCalls(toolCalls).build();
  }

  static ToolMessage tool(String toolCallId, String content) {
    return new ToolMessage(MessageContent.of(content), toolCallId);
  }

  /** {@code {role:"system", content, name?}}; array content holds text parts only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SystemMessage(MessageContent content, String name) implements ChatMessage {
    @Override public String role() { return "system"; }
  }

  /** {@code {role:"developer", content, name?}}; array content holds text parts only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DeveloperMessage(MessageContent content, String name) implements ChatMessage {
    @Override public String role() { return "developer"; }
  }

  /** {@code {role:"user", content, name?}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UserMessage(MessageContent content, String name) implements ChatMessage {
    @Override public String role() { return "user"; }
  }

  /**
   * {@code {role:"assistant", ...}}: a previous model turn in a request, and also the {@code message}
   * of a response choice, which is why it keeps unknown fields (e.g. OpenAI's {@code annotations}) in
   * {@code extra}. Only {@code role} is required; {@code content} may be absent or null.
   *
   * <p>{@code @JsonTypeInfo(use=NONE)}: {@code ChatChoice.message} is declared as this type, and a
   * response message without {@code role} must still read; the {@code role} dispatch happens only
   * where the declared type is {@link ChatMessage}.
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AssistantMessage(
      MessageContent content,
      String name,
      List<ToolCall> toolCalls,
      String refusal,
      String reasoning,
      List<ReasoningDetail> reasoningDetails,
      List<AssistantImage> images,
      AudioOutput audio,
      String model,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements ChatMessage {
    public AssistantMessage {
      extra = WireMaps.extra(extra);
    }

    @Override public String role() { return "assistant"; }

    /** The content as text (text parts joined), or null when there is no content. */
    public String text() {
      return content == null ? null : content.asText();
    }

    public static Builder builder() {
      return new Builder();
    }

    public Builder toBuilder() {
      Builder b = new Builder();
      b.content = content;
      b.name = name;
      b.toolCalls = toolCalls;
      b.refusal = refusal;
      b.reasoning = reasoning;
      b.reasoningDetails = reasoningDetails;
      b.images = images;
      b.audio = audio;
      b.model = model;
      b.extra = extra;
      return b;
    }

    public static final class Builder {
      private MessageContent content;
      private String name;
      private List<ToolCall> toolCalls;
      private String refusal;
      private String reasoning;
      private List<ReasoningDetail> reasoningDetails;
      private List<AssistantImage> images;
      private AudioOutput audio;
      private String model;
      private Map<String, Object> extra;

      private Builder() {}

      public Builder content(MessageContent v) { this.content = v; return this; }
      public Builder content(String text) { this.content = text == null ? null : MessageContent.of(text); return this; }
      public Builder name(String v) { this.name = v; return this; }
      public Builder toolCalls(List<ToolCall> v) { this.toolCalls = v == null ? null : List.copyOf(v); return this; }
      public Builder refusal(String v) { this.refusal = v; return this; }
      public Builder reasoning(String v) { this.reasoning = v; return this; }
      public Builder reasoningDetails(List<ReasoningDetail> v) { this.reasoningDetails = v == null ? null : List.copyOf(v); return this; }
      public Builder images(List<AssistantImage> v) { this.images = v == null ? null : List.copyOf(v); return this; }
      public Builder audio(AudioOutput v) { this.audio = v; return this; }
      public Builder model(String v) { this.model = v; return this; }
      public Builder extra(Map<String, Object> v) { this.extra = v; return this; }

      public AssistantMessage build() {
        return new AssistantMessage(
            content, name, toolCalls, refusal, reasoning, reasoningDetails, images, audio, model, extra);
      }
    }
  }

  /** {@code {role:"tool", content, tool_call_id}}: the result of one tool call. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ToolMessage(MessageContent content, String toolCallId) implements ChatMessage {
    @Override public String role() { return "tool"; }
  }

  /** A role this version does not model: the role and every other field as sent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("role") String role, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements ChatMessage {}
}
