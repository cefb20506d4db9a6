package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * One {@code data:} payload of a streamed Responses reply, told apart by {@code type}. {@code
 * sequence_number} is nullable because early-2025 OpenAI streams do not send it. Tool progress
 * events share one record per shape ({@link ToolCallProgress}, {@link ToolCallInputDelta}, {@link
 * ToolCallInputDone}) and keep their type; OpenRouter's fusion panel/analysis events and anything
 * newer read as {@link Unknown}.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = StreamEvent.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = StreamEvent.Created.class, name = StreamEvent.Created.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.InProgress.class, name = StreamEvent.InProgress.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.Queued.class, name = StreamEvent.Queued.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.Completed.class, name = StreamEvent.Completed.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.Incomplete.class, name = StreamEvent.Incomplete.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.Failed.class, name = StreamEvent.Failed.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.OutputItemAdded.class, name = StreamEvent.OutputItemAdded.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.OutputItemDone.class, name = StreamEvent.OutputItemDone.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.ContentPartAdded.class, name = StreamEvent.ContentPartAdded.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.ContentPartDone.class, name = StreamEvent.ContentPartDone.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.OutputTextDelta.class, name = StreamEvent.OutputTextDelta.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.OutputTextDone.class, name = StreamEvent.OutputTextDone.TYPE),
  @JsonSubTypes.Type(
      value = StreamEvent.OutputTextAnnotationAdded.class,
      name = StreamEvent.OutputTextAnnotationAdded.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.RefusalDelta.class, name = StreamEvent.RefusalDelta.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.RefusalDone.class, name = StreamEvent.RefusalDone.TYPE),
  @JsonSubTypes.Type(
      value = StreamEvent.FunctionCallArgumentsDelta.class,
      name = StreamEvent.FunctionCallArgumentsDelta.TYPE),
  @JsonSubTypes.Type(
      value = StreamEvent.FunctionCallArgumentsDone.class,
      name = StreamEvent.FunctionCallArgumentsDone.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.ReasoningTextDelta.class, name = StreamEvent.ReasoningTextDelta.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.ReasoningTextDone.class, name = StreamEvent.ReasoningTextDone.TYPE),
  @JsonSubTypes.Type(
      value = StreamEvent.ReasoningSummaryPartAdded.class,
      name = StreamEvent.ReasoningSummaryPartAdded.TYPE),
  @JsonSubTypes.Type(
      value = StreamEvent.ReasoningSummaryPartDone.class,
      name = StreamEvent.ReasoningSummaryPartDone.TYPE),
  @JsonSubTypes.Type(
      value = StreamEvent.ReasoningSummaryTextDelta.class,
      name = StreamEvent.ReasoningSummaryTextDelta.TYPE),
  @JsonSubTypes.Type(
      value = StreamEvent.ReasoningSummaryTextDone.class,
      name = StreamEvent.ReasoningSummaryTextDone.TYPE),
  @JsonSubTypes.Type(
      value = StreamEvent.ToolCallProgress.class,
      names = {
        "response.web_search_call.in_progress",
        "response.web_search_call.searching",
        "response.web_search_call.completed",
        "response.file_search_call.in_progress",
        "response.file_search_call.searching",
        "response.file_search_call.completed",
        "response.image_generation_call.in_progress",
        "response.image_generation_call.generating",
        "response.image_generation_call.completed",
        "response.code_interpreter_call.in_progress",
        "response.code_interpreter_call.interpreting",
        "response.code_interpreter_call.completed",
        "response.fusion_call.in_progress",
        "response.fusion_call.completed"
      }),
  @JsonSubTypes.Type(
      value = StreamEvent.ImageGenerationPartialImage.class,
      name = StreamEvent.ImageGenerationPartialImage.TYPE),
  @JsonSubTypes.Type(
      value = StreamEvent.ToolCallInputDelta.class,
      names = {
        "response.code_interpreter_call_code.delta",
        "response.custom_tool_call_input.delta",
        "response.apply_patch_call_operation_diff.delta"
      }),
  @JsonSubTypes.Type(
      value = StreamEvent.ToolCallInputDone.class,
      names = {
        "response.code_interpreter_call_code.done",
        "response.custom_tool_call_input.done",
        "response.apply_patch_call_operation_diff.done"
      }),
  @JsonSubTypes.Type(value = StreamEvent.Debug.class, name = StreamEvent.Debug.TYPE),
  @JsonSubTypes.Type(value = StreamEvent.Error.class, name = StreamEvent.Error.TYPE),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface StreamEvent {
  @JsonProperty("type")
  String type();

  /** The event's position in the stream, from 0; null in streams recorded before OpenAI added it. */
  Integer sequenceNumber();

  // Factories for the events a server emits in a typical turn.

  static Created created(int sequenceNumber, Response response) {
    return new Created(sequenceNumber, response, null);
  }

  static InProgress inProgress(int sequenceNumber, Response response) {
    return new InProgress(sequenceNumber, response, null);
  }

  static Completed completed(int sequenceNumber, Response response) {
    return new Completed(sequenceNumber, response, null);
  }

  static Incomplete incomplete(int sequenceNumber, Response response) {
    return new Incomplete(sequenceNumber, response, null);
  }

  static Failed failed(int sequenceNumber, Response response) {
    return new Failed(sequenceNumber, response, null);
  }

  static OutputItemAdded outputItemAdded(int sequenceNumber, int outputIndex, OutputItem item) {
    return new OutputItemAdded(sequenceNumber, outputIndex, item, null);
  }

  static OutputItemDone outputItemDone(int sequenceNumber, int outputIndex, OutputItem item) {
    return new OutputItemDone(sequenceNumber, outputIndex, item, null);
  }

  static ContentPartAdded contentPartAdded(
      int sequenceNumber, String itemId, int outputIndex, int contentIndex, OutputContent part) {
    return new ContentPartAdded(sequenceNumber, itemId, outputIndex, contentIndex, part, null);
  }

  static ContentPartDone contentPartDone(
      int sequenceNumber, String itemId, int outputIndex, int contentIndex, OutputContent part) {
    return new ContentPartDone(sequenceNumber, itemId, outputIndex, contentIndex, part, null);
  }

  /** A text delta with the empty {@code logprobs} list the schema requires. */
  static OutputTextDelta outputTextDelta(
      int sequenceNumber, String itemId, int outputIndex, int contentIndex, String delta) {
    return new OutputTextDelta(sequenceNumber, itemId, outputIndex, contentIndex, delta, List.of(), null);
  }

  static OutputTextDone outputTextDone(
      int sequenceNumber, String itemId, int outputIndex, int contentIndex, String text) {
    return new OutputTextDone(sequenceNumber, itemId, outputIndex, contentIndex, text, List.of(), null);
  }

  static FunctionCallArgumentsDelta functionCallArgumentsDelta(
      int sequenceNumber, String itemId, int outputIndex, String delta) {
    return new FunctionCallArgumentsDelta(sequenceNumber, itemId, outputIndex, delta, null);
  }

  static FunctionCallArgumentsDone functionCallArgumentsDone(
      int sequenceNumber, String itemId, int outputIndex, String name, String arguments) {
    return new FunctionCallArgumentsDone(sequenceNumber, itemId, outputIndex, name, arguments, null);
  }

  static ReasoningTextDelta reasoningTextDelta(
      int sequenceNumber, String itemId, int outputIndex, int contentIndex, String delta) {
    return new ReasoningTextDelta(sequenceNumber, itemId, outputIndex, contentIndex, delta, null);
  }

  static ReasoningSummaryTextDelta reasoningSummaryTextDelta(
      int sequenceNumber, String itemId, int outputIndex, int summaryIndex, String delta) {
    return new ReasoningSummaryTextDelta(sequenceNumber, itemId, outputIndex, summaryIndex, delta, null);
  }

  static Error error(int sequenceNumber, String code, String message, String param) {
    return new Error(sequenceNumber, code, message, param, null, null);
  }

  /** The lifecycle events: each carries the whole response as it stands. */
  sealed interface Lifecycle extends StreamEvent permits Created, InProgress, Queued, Completed, Incomplete, Failed {
    Response response();

    /** Whether this event ends the stream (completed, incomplete or failed). */
    default boolean terminal() {
      return this instanceof Completed || this instanceof Incomplete || this instanceof Failed;
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Created(Integer sequenceNumber, Response response, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements Lifecycle {
    public static final String TYPE = "response.created";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record InProgress(
      Integer sequenceNumber, Response response, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements Lifecycle {
    public static final String TYPE = "response.in_progress";
    @Override public String type() { return TYPE; }
  }

  /** From the Open Responses spec (background requests); OpenRouter's own list does not have it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Queued(Integer sequenceNumber, Response response, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements Lifecycle {
    public static final String TYPE = "response.queued";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Completed(
      Integer sequenceNumber, Response response, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements Lifecycle {
    public static final String TYPE = "response.completed";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Incomplete(
      Integer sequenceNumber, Response response, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements Lifecycle {
    public static final String TYPE = "response.incomplete";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Failed(Integer sequenceNumber, Response response, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements Lifecycle {
    public static final String TYPE = "response.failed";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record OutputItemAdded(
      Integer sequenceNumber,
      Integer outputIndex,
      OutputItem item,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.output_item.added";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record OutputItemDone(
      Integer sequenceNumber,
      Integer outputIndex,
      OutputItem item,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.output_item.done";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ContentPartAdded(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer contentIndex,
      OutputContent part,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.content_part.added";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ContentPartDone(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer contentIndex,
      OutputContent part,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.content_part.done";
    @Override public String type() { return TYPE; }
  }

  /** A piece of output text; OpenAI pads it with an {@code obfuscation} string, kept in {@code extra}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record OutputTextDelta(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer contentIndex,
      String delta,
      List<LogProb> logprobs,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.output_text.delta";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record OutputTextDone(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer contentIndex,
      String text,
      List<LogProb> logprobs,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.output_text.done";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record OutputTextAnnotationAdded(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer contentIndex,
      Integer annotationIndex,
      Annotation annotation,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.output_text.annotation.added";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record RefusalDelta(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer contentIndex,
      String delta,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.refusal.delta";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record RefusalDone(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer contentIndex,
      String refusal,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.refusal.done";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FunctionCallArgumentsDelta(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      String delta,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.function_call_arguments.delta";
    @Override public String type() { return TYPE; }
  }

  /** The call's final arguments. OpenRouter may send {@code ""} here and only fill them in the completed response. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FunctionCallArgumentsDone(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      String name,
      String arguments,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.function_call_arguments.done";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ReasoningTextDelta(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer contentIndex,
      String delta,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.reasoning_text.delta";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ReasoningTextDone(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer contentIndex,
      String text,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.reasoning_text.done";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ReasoningSummaryPartAdded(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer summaryIndex,
      ReasoningPart part,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.reasoning_summary_part.added";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ReasoningSummaryPartDone(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer summaryIndex,
      ReasoningPart part,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.reasoning_summary_part.done";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ReasoningSummaryTextDelta(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer summaryIndex,
      String delta,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.reasoning_summary_text.delta";
    @Override public String type() { return TYPE; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ReasoningSummaryTextDone(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      Integer summaryIndex,
      String text,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.reasoning_summary_text.done";
    @Override public String type() { return TYPE; }
  }

  /**
   * A hosted tool call changing state ({@code response.<tool>_call.in_progress|searching|generating|
   * interpreting|completed}) for web_search, file_search, image_generation, code_interpreter and
   * fusion calls: one shape, so one record that keeps its type.
   */
  @JsonIgnoreProperties(value = {})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ToolCallProgress(
      @JsonProperty("type") String type,
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ImageGenerationPartialImage(
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      String partialImageB64,
      Integer partialImageIndex,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.image_generation_call.partial_image";
    @Override public String type() { return TYPE; }
  }

  /** A piece of a tool call's input: code_interpreter code, custom tool input, or an apply_patch diff. */
  @JsonIgnoreProperties(value = {})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ToolCallInputDelta(
      @JsonProperty("type") String type,
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      String delta,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {}

  /** A tool call's whole input: {@code code} (code_interpreter), {@code input} (custom tool) or {@code diff} (apply_patch). */
  @JsonIgnoreProperties(value = {})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ToolCallInputDone(
      @JsonProperty("type") String type,
      Integer sequenceNumber,
      String itemId,
      Integer outputIndex,
      String code,
      String input,
      String diff,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {}

  /** OpenRouter's {@code response.debug}: {@code debug.echo_upstream_body} and {@code debug.timings}, kept as JSON. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Debug(Integer sequenceNumber, JsonNode debug, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "response.debug";
    @Override public String type() { return TYPE; }
  }

  /**
   * {@code type:"error"}. OpenRouter's schema puts {@code code}, {@code message} and {@code param}
   * at the top level (code and param required but nullable, so always written); OpenAI nests them
   * in {@code error:{type, code, message, param}}. Both are kept; {@link #errorCode()} and {@link
   * #errorMessage()} read whichever is there.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Error(
      Integer sequenceNumber,
      @JsonInclude(JsonInclude.Include.ALWAYS) String code,
      String message,
      @JsonInclude(JsonInclude.Include.ALWAYS) String param,
      Payload error,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements StreamEvent {
    public static final String TYPE = "error";
    @Override public String type() { return TYPE; }

    public String errorCode() {
      return code != null ? code : error != null ? error.code() : null;
    }

    public String errorMessage() {
      return message != null ? message : error != null ? error.message() : null;
    }

    /** OpenAI's nested {@code error} payload; {@code type} is the error class (e.g. insufficient_quota). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(
        String type,
        String code,
        String message,
        String param,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {}
  }

  /** An event type this version does not model: its type and every other field as sent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements StreamEvent {
    @Override
    public Integer sequenceNumber() {
      Object n = fields == null ? null : fields.get("sequence_number");
      return n instanceof Number number ? number.intValue() : null;
    }
  }
}
