package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.PromptCacheOptions;
import dev.openrouter4j.api.Reasoning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Responses API result ({@code OpenResponsesResult}, {@code object:"response"}): the body of a
 * non-streaming reply and the {@code response} of lifecycle stream events. Keys the schema requires
 * but allows to be null are always written. Statuses and other provider-extended values are Strings.
 *
 * <p>The {@code text} key (the format config) is the component {@code textConfig}, so that {@link
 * #text()} can be the output text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Response(
    String id,
    String object,
    Long createdAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) Long completedAt,
    String model,
    String status,
    List<OutputItem> output,
    @JsonInclude(JsonInclude.Include.ALWAYS) ResponseError error,
    @JsonInclude(JsonInclude.Include.ALWAYS) IncompleteDetails incompleteDetails,
    @JsonInclude(JsonInclude.Include.ALWAYS) Input instructions,
    @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, String> metadata,
    @JsonInclude(JsonInclude.Include.ALWAYS) Double temperature,
    @JsonInclude(JsonInclude.Include.ALWAYS) Double topP,
    @JsonInclude(JsonInclude.Include.ALWAYS) Double presencePenalty,
    @JsonInclude(JsonInclude.Include.ALWAYS) Double frequencyPenalty,
    List<ResponsesTool> tools,
    ResponsesToolChoice toolChoice,
    Boolean parallelToolCalls,
    ResponsesUsage usage,
    String outputText,
    Boolean background,
    Integer maxOutputTokens,
    Integer maxToolCalls,
    String previousResponseId,
    Prompt prompt,
    String promptCacheKey,
    PromptCacheOptions promptCacheOptions,
    ReasoningConfig reasoning,
    String safetyIdentifier,
    String serviceTier,
    Boolean store,
    @JsonProperty("text") TextConfig textConfig,
    Integer topLogprobs,
    String truncation,
    String user,
    String errorType,
    JsonNode openrouterMetadata,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public static final String COMPLETED = "completed";
  public static final String INCOMPLETE = "incomplete";
  public static final String IN_PROGRESS = "in_progress";
  public static final String FAILED = "failed";
  public static final String CANCELLED = "cancelled";
  public static final String QUEUED = "queued";

  /**
   * The output text: {@code output_text} when it has any, else the output_text parts of every
   * message item joined. The fallback also covers a present but empty {@code output_text}, because
   * OpenRouter sends {@code ""} there even when the message has text.
   */
  public String text() {
    if (outputText != null && !outputText.isEmpty()) return outputText;
    StringBuilder sb = new StringBuilder();
    if (output != null) {
      for (OutputItem item : output) {
        if (item instanceof OutputItem.Message m) sb.append(m.text());
      }
    }
    return sb.toString();
  }

  /** The function calls in the output, in order: what a client tool loop runs next. */
  public List<OutputItem.FunctionCall> functionCalls() {
    List<OutputItem.FunctionCall> calls = new ArrayList<>();
    if (output != null) {
      for (OutputItem item : output) {
        if (item instanceof OutputItem.FunctionCall f) calls.add(f);
      }
    }
    return calls;
  }

  /** The output as input items, to send this turn back with the next request (the API is stateless). */
  public List<InputItem> outputAsInput() {
    return output == null ? List.of() : InputItem.from(output);
  }

  /**
   * A builder with the keys the schema requires already set: object {@code "response"}, empty
   * output and tools, tool_choice {@code "auto"}, parallel_tool_calls true.
   */
  public static Builder builder() {
    return new Builder()
        .object("response")
        .output(List.of())
        .tools(List.of())
        .toolChoice(ResponsesToolChoice.auto())
        .parallelToolCalls(true);
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.object = object;
    b.createdAt = createdAt;
    b.completedAt = completedAt;
    b.model = model;
    b.status = status;
    b.output = output;
    b.error = error;
    b.incompleteDetails = incompleteDetails;
    b.instructions = instructions;
    b.metadata = metadata;
    b.temperature = temperature;
    b.topP = topP;
    b.presencePenalty = presencePenalty;
    b.frequencyPenalty = frequencyPenalty;
    b.tools = tools;
    b.toolChoice = toolChoice;
    b.parallelToolCalls = parallelToolCalls;
    b.usage = usage;
    b.outputText = outputText;
    b.background = background;
    b.maxOutputTokens = maxOutputTokens;
    b.maxToolCalls = maxToolCalls;
    b.previousResponseId = previousResponseId;
    b.prompt = prompt;
    b.promptCacheKey = promptCacheKey;
    b.promptCacheOptions = promptCacheOptions;
    b.reasoning = reasoning;
    b.safetyIdentifier = safetyIdentifier;
    b.serviceTier = serviceTier;
    b.store = store;
    b.textConfig = textConfig;
    b.topLogprobs = topLogprobs;
    b.truncation = truncation;
    b.user = user;
    b.errorType = errorType;
    b.openrouterMetadata = openrouterMetadata;
    b.extra = extra == null ? null : new LinkedHashMap<>(extra);
    return b;
  }

  /** {@code incomplete_details}: why the response stopped early (max_output_tokens, content_filter). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record IncompleteDetails(String reason, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public static IncompleteDetails of(String reason) {
      return new IncompleteDetails(reason, null);
    }
  }

  /**
   * A response's {@code reasoning}: the request's reasoning settings as echoed back, with Strings
   * for the values (a reply must not fail on an effort this version does not know).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ReasoningConfig(
      String effort,
      String summary,
      Integer maxTokens,
      Boolean enabled,
      String mode,
      String context,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** The echo of a request's {@link Reasoning}, with each enum in its wire spelling. */
    public static ReasoningConfig from(Reasoning reasoning) {
      if (reasoning == null) return null;
      return new ReasoningConfig(
          wire(reasoning.effort()),
          wire(reasoning.summary()),
          reasoning.maxTokens(),
          reasoning.enabled(),
          reasoning.mode(),
          reasoning.context(),
          null);
    }

    private static String wire(Enum<?> value) {
      return value == null ? null : Json.mapper().convertValue(value, String.class);
    }
  }

  public static final class Builder {
    private String id;
    private String object;
    private Long createdAt;
    private Long completedAt;
    private String model;
    private String status;
    private List<OutputItem> output;
    private ResponseError error;
    private IncompleteDetails incompleteDetails;
    private Input instructions;
    private Map<String, String> metadata;
    private Double temperature;
    private Double topP;
    private Double presencePenalty;
    private Double frequencyPenalty;
    private List<ResponsesTool> tools;
    private ResponsesToolChoice toolChoice;
    private Boolean parallelToolCalls;
    private ResponsesUsage usage;
    private String outputText;
    private Boolean background;
    private Integer maxOutputTokens;
    private Integer maxToolCalls;
    private String previousResponseId;
    private Prompt prompt;
    private String promptCacheKey;
    private PromptCacheOptions promptCacheOptions;
    private ReasoningConfig reasoning;
    private String safetyIdentifier;
    private String serviceTier;
    private Boolean store;
    private TextConfig textConfig;
    private Integer topLogprobs;
    private String truncation;
    private String user;
    private String errorType;
    private JsonNode openrouterMetadata;
    private Map<String, Object> extra;

    private Builder() {}

    public Builder id(String id) { this.id = id; return this; }
    public Builder object(String object) { this.object = object; return this; }
    public Builder createdAt(Long createdAt) { this.createdAt = createdAt; return this; }
    public Builder completedAt(Long completedAt) { this.completedAt = completedAt; return this; }
    public Builder model(String model) { this.model = model; return this; }
    public Builder status(String status) { this.status = status; return this; }
    public Builder output(List<OutputItem> output) { this.output = output == null ? null : List.copyOf(output); return this; }
    public Builder output(OutputItem... output) { return output(List.of(output)); }
    public Builder addOutput(OutputItem item) {
      List<OutputItem> l = output == null ? new ArrayList<>() : new ArrayList<>(output);
      l.add(item);
      output = List.copyOf(l);
      return this;
    }
    public Builder error(ResponseError error) { this.error = error; return this; }
    public Builder incompleteDetails(IncompleteDetails incompleteDetails) { this.incompleteDetails = incompleteDetails; return this; }
    public Builder instructions(Input instructions) { this.instructions = instructions; return this; }
    public Builder instructions(String instructions) { this.instructions = instructions == null ? null : Input.of(instructions); return this; }
    public Builder metadata(Map<String, String> metadata) {
      this.metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
      return this;
    }
    public Builder temperature(Double temperature) { this.temperature = temperature; return this; }
    public Builder topP(Double topP) { this.topP = topP; return this; }
    public Builder presencePenalty(Double presencePenalty) { this.presencePenalty = presencePenalty; return this; }
    public Builder frequencyPenalty(Double frequencyPenalty) { this.frequencyPenalty = frequencyPenalty; return this; }
    public Builder tools(List<ResponsesTool> tools) { this.tools = tools == null ? null : List.copyOf(tools); return this; }
    public Builder tools(ResponsesTool... tools) { return tools(List.of(tools)); }
    public Builder toolChoice(ResponsesToolChoice toolChoice) { this.toolChoice = toolChoice; return this; }
    public Builder parallelToolCalls(Boolean parallelToolCalls) { this.parallelToolCalls = parallelToolCalls; return this; }
    public Builder usage(ResponsesUsage usage) { this.usage = usage; return this; }
    public Builder outputText(String outputText) { this.outputText = outputText; return this; }
    public Builder background(Boolean background) { this.background = background; return this; }
    public Builder maxOutputTokens(Integer maxOutputTokens) { this.maxOutputTokens = maxOutputTokens; return this; }
    public Builder maxToolCalls(Integer maxToolCalls) { this.maxToolCalls = maxToolCalls; return this; }
    public Builder previousResponseId(String previousResponseId) { this.previousResponseId = previousResponseId; return this; }
    public Builder prompt(Prompt prompt) { this.prompt = prompt; return this; }
    public Builder promptCacheKey(String promptCacheKey) { this.promptCacheKey = promptCacheKey; return this; }
    public Builder promptCacheOptions(PromptCacheOptions promptCacheOptions) { this.promptCacheOptions = promptCacheOptions; return this; }
    public Builder reasoning(ReasoningConfig reasoning) { this.reasoning = reasoning; return this; }
    public Builder safetyIdentifier(String safetyIdentifier) { this.safetyIdentifier = safetyIdentifier; return this; }
    public Builder serviceTier(String serviceTier) { this.serviceTier = serviceTier; return this; }
    public Builder store(Boolean store) { this.store = store; return this; }
    public Builder textConfig(TextConfig textConfig) { this.textConfig = textConfig; return this; }
    public Builder topLogprobs(Integer topLogprobs) { this.topLogprobs = topLogprobs; return this; }
    public Builder truncation(String truncation) { this.truncation = truncation; return this; }
    public Builder user(String user) { this.user = user; return this; }
    public Builder errorType(String errorType) { this.errorType = errorType; return this; }
    public Builder openrouterMetadata(JsonNode openrouterMetadata) { this.openrouterMetadata = openrouterMetadata; return this; }
    /** Sets a property this version does not model; it is written at the top level. */
    public Builder putExtra(String key, Object value) {
      if (extra == null) extra = new LinkedHashMap<>();
      extra.put(key, value);
      return this;
    }

    public Response build() {
      return new Response(
          id, object, createdAt, completedAt, model, status, output, error, incompleteDetails,
          instructions, metadata, temperature, topP, presencePenalty, frequencyPenalty, tools,
          toolChoice, parallelToolCalls, usage, outputText, background, maxOutputTokens,
          maxToolCalls, previousResponseId, prompt, promptCacheKey, promptCacheOptions, reasoning,
          safetyIdentifier, serviceTier, store, textConfig, topLogprobs, truncation, user,
          errorType, openrouterMetadata,
          extra == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(extra)));
    }
  }
}
