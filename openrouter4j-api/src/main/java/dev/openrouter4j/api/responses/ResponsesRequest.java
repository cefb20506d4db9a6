package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.CacheControl;
import dev.openrouter4j.api.DebugOptions;
import dev.openrouter4j.api.Enums.Modality;
import dev.openrouter4j.api.Enums.ServiceTier;
import dev.openrouter4j.api.Plugin;
import dev.openrouter4j.api.PromptCacheOptions;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.Reasoning;
import dev.openrouter4j.api.StopCondition;
import dev.openrouter4j.api.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /responses} (no field is required). OpenRouter's Responses API is
 * stateless: there {@code store} may only be false and {@code previous_response_id} must stay unset,
 * so send the whole conversation in {@code input}. The openrouter4j gateway keeps responses
 * ({@code store} defaults to true there) and honours {@code previous_response_id} and {@code
 * background}. Properties this version does not model go in {@code extraBody} and are written at
 * the top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResponsesRequest(
    Input input,
    String instructions,
    String model,
    List<String> models,
    Boolean stream,
    Boolean store,
    String previousResponseId,
    Boolean background,
    Integer maxOutputTokens,
    Integer maxToolCalls,
    Double temperature,
    Double topP,
    Integer topK,
    Integer topLogprobs,
    Double frequencyPenalty,
    Double presencePenalty,
    Boolean parallelToolCalls,
    List<ResponsesTool> tools,
    ResponsesToolChoice toolChoice,
    TextConfig text,
    Reasoning reasoning,
    List<String> include,
    Map<String, String> metadata,
    String user,
    String safetyIdentifier,
    String sessionId,
    Truncation truncation,
    ServiceTier serviceTier,
    Prompt prompt,
    List<Modality> modalities,
    Map<String, Object> imageConfig,
    List<Plugin> plugins,
    ProviderPreferences provider,
    Trace trace,
    DebugOptions debug,
    CacheControl cacheControl,
    String promptCacheKey,
    PromptCacheOptions promptCacheOptions,
    List<StopCondition> stopServerToolsWhen,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extraBody) {

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.input = input;
    b.instructions = instructions;
    b.model = model;
    b.models = models;
    b.stream = stream;
    b.store = store;
    b.previousResponseId = previousResponseId;
    b.background = background;
    b.maxOutputTokens = maxOutputTokens;
    b.maxToolCalls = maxToolCalls;
    b.temperature = temperature;
    b.topP = topP;
    b.topK = topK;
    b.topLogprobs = topLogprobs;
    b.frequencyPenalty = frequencyPenalty;
    b.presencePenalty = presencePenalty;
    b.parallelToolCalls = parallelToolCalls;
    b.tools = tools;
    b.toolChoice = toolChoice;
    b.text = text;
    b.reasoning = reasoning;
    b.include = include;
    b.metadata = metadata;
    b.user = user;
    b.safetyIdentifier = safetyIdentifier;
    b.sessionId = sessionId;
    b.truncation = truncation;
    b.serviceTier = serviceTier;
    b.prompt = prompt;
    b.modalities = modalities;
    b.imageConfig = imageConfig;
    b.plugins = plugins;
    b.provider = provider;
    b.trace = trace;
    b.debug = debug;
    b.cacheControl = cacheControl;
    b.promptCacheKey = promptCacheKey;
    b.promptCacheOptions = promptCacheOptions;
    b.stopServerToolsWhen = stopServerToolsWhen;
    b.extraBody = extraBody == null ? null : new LinkedHashMap<>(extraBody);
    return b;
  }

  /** {@code truncation}: drop the oldest input to fit the context window ({@code auto}), or fail ({@code disabled}). */
  public enum Truncation {
    @JsonProperty("auto") AUTO,
    @JsonProperty("disabled") DISABLED
  }

  public static final class Builder {
    private Input input;
    private String instructions;
    private String model;
    private List<String> models;
    private Boolean stream;
    private Boolean store;
    private String previousResponseId;
    private Boolean background;
    private Integer maxOutputTokens;
    private Integer maxToolCalls;
    private Double temperature;
    private Double topP;
    private Integer topK;
    private Integer topLogprobs;
    private Double frequencyPenalty;
    private Double presencePenalty;
    private Boolean parallelToolCalls;
    private List<ResponsesTool> tools;
    private ResponsesToolChoice toolChoice;
    private TextConfig text;
    private Reasoning reasoning;
    private List<String> include;
    private Map<String, String> metadata;
    private String user;
    private String safetyIdentifier;
    private String sessionId;
    private Truncation truncation;
    private ServiceTier serviceTier;
    private Prompt prompt;
    private List<Modality> modalities;
    private Map<String, Object> imageConfig;
    private List<Plugin> plugins;
    private ProviderPreferences provider;
    private Trace trace;
    private DebugOptions debug;
    private CacheControl cacheControl;
    private String promptCacheKey;
    private PromptCacheOptions promptCacheOptions;
    private List<StopCondition> stopServerToolsWhen;
    private Map<String, Object> extraBody;

    private Builder() {}

    public Builder input(Input input) {
      this.input = input;
      return this;
    }

    /** A plain string input: written as {@code "input": "..."}. */
    public Builder input(String text) {
      this.input = text == null ? null : Input.of(text);
      return this;
    }

    /** An item list input: written as {@code "input": [...]}. */
    public Builder input(List<InputItem> items) {
      this.input = items == null ? null : Input.of(items);
      return this;
    }

    public Builder input(InputItem... items) {
      return input(List.of(items));
    }

    /**
     * Appends an item. A string input set before becomes a user message first, which is what the
     * server makes of a string input anyway.
     */
    public Builder addInputItem(InputItem item) {
      List<InputItem> l = input == null ? new ArrayList<>() : new ArrayList<>(input.asItems());
      l.add(item);
      input = Input.of(l);
      return this;
    }

    public Builder instructions(String instructions) {
      this.instructions = instructions;
      return this;
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder models(List<String> models) {
      this.models = models == null ? null : List.copyOf(models);
      return this;
    }

    public Builder models(String... models) {
      return models(List.of(models));
    }

    public Builder stream(Boolean stream) {
      this.stream = stream;
      return this;
    }

    public Builder store(Boolean store) {
      this.store = store;
      return this;
    }

    public Builder previousResponseId(String previousResponseId) {
      this.previousResponseId = previousResponseId;
      return this;
    }

    public Builder background(Boolean background) {
      this.background = background;
      return this;
    }

    public Builder maxOutputTokens(Integer maxOutputTokens) {
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    public Builder maxToolCalls(Integer maxToolCalls) {
      this.maxToolCalls = maxToolCalls;
      return this;
    }

    public Builder temperature(Double temperature) {
      this.temperature = temperature;
      return this;
    }

    public Builder topP(Double topP) {
      this.topP = topP;
      return this;
    }

    public Builder topK(Integer topK) {
      this.topK = topK;
      return this;
    }

    public Builder topLogprobs(Integer topLogprobs) {
      this.topLogprobs = topLogprobs;
      return this;
    }

    public Builder frequencyPenalty(Double frequencyPenalty) {
      this.frequencyPenalty = frequencyPenalty;
      return this;
    }

    public Builder presencePenalty(Double presencePenalty) {
      this.presencePenalty = presencePenalty;
      return this;
    }

    public Builder parallelToolCalls(Boolean parallelToolCalls) {
      this.parallelToolCalls = parallelToolCalls;
      return this;
    }

    public Builder tools(List<ResponsesTool> tools) {
      this.tools = tools == null ? null : List.copyOf(tools);
      return this;
    }

    public Builder tools(ResponsesTool... tools) {
      return tools(List.of(tools));
    }

    public Builder addTool(ResponsesTool value) {
      List<ResponsesTool> l = tools == null ? new ArrayList<>() : new ArrayList<>(tools);
      l.add(value);
      tools = List.copyOf(l);
      return this;
    }

    public Builder toolChoice(ResponsesToolChoice toolChoice) {
      this.toolChoice = toolChoice;
      return this;
    }

    public Builder text(TextConfig text) {
      this.text = text;
      return this;
    }

    /** Sets {@code text.format}, keeping any verbosity already set. */
    public Builder textFormat(TextFormat format) {
      this.text = text == null ? TextConfig.of(format) : new TextConfig(format, text.verbosity(), text.extra());
      return this;
    }

    public Builder reasoning(Reasoning reasoning) {
      this.reasoning = reasoning;
      return this;
    }

    public Builder include(List<String> include) {
      this.include = include == null ? null : List.copyOf(include);
      return this;
    }

    public Builder include(String... include) {
      return include(List.of(include));
    }

    public Builder metadata(Map<String, String> metadata) {
      this.metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
      return this;
    }

    public Builder putMetadata(String key, String value) {
      Map<String, String> m = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
      m.put(key, value);
      metadata = Collections.unmodifiableMap(m);
      return this;
    }

    public Builder user(String user) {
      this.user = user;
      return this;
    }

    public Builder safetyIdentifier(String safetyIdentifier) {
      this.safetyIdentifier = safetyIdentifier;
      return this;
    }

    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    public Builder truncation(Truncation truncation) {
      this.truncation = truncation;
      return this;
    }

    public Builder serviceTier(ServiceTier serviceTier) {
      this.serviceTier = serviceTier;
      return this;
    }

    public Builder prompt(Prompt prompt) {
      this.prompt = prompt;
      return this;
    }

    public Builder modalities(List<Modality> modalities) {
      this.modalities = modalities == null ? null : List.copyOf(modalities);
      return this;
    }

    public Builder modalities(Modality... modalities) {
      return modalities(List.of(modalities));
    }

    public Builder imageConfig(Map<String, Object> imageConfig) {
      this.imageConfig = imageConfig == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(imageConfig));
      return this;
    }

    public Builder plugins(List<Plugin> plugins) {
      this.plugins = plugins == null ? null : List.copyOf(plugins);
      return this;
    }

    public Builder plugins(Plugin... plugins) {
      return plugins(List.of(plugins));
    }

    public Builder addPlugin(Plugin value) {
      List<Plugin> l = plugins == null ? new ArrayList<>() : new ArrayList<>(plugins);
      l.add(value);
      plugins = List.copyOf(l);
      return this;
    }

    public Builder provider(ProviderPreferences provider) {
      this.provider = provider;
      return this;
    }

    public Builder trace(Trace trace) {
      this.trace = trace;
      return this;
    }

    public Builder debug(DebugOptions debug) {
      this.debug = debug;
      return this;
    }

    public Builder cacheControl(CacheControl cacheControl) {
      this.cacheControl = cacheControl;
      return this;
    }

    public Builder promptCacheKey(String promptCacheKey) {
      this.promptCacheKey = promptCacheKey;
      return this;
    }

    public Builder promptCacheOptions(PromptCacheOptions promptCacheOptions) {
      this.promptCacheOptions = promptCacheOptions;
      return this;
    }

    public Builder stopServerToolsWhen(List<StopCondition> stopServerToolsWhen) {
      this.stopServerToolsWhen = stopServerToolsWhen == null ? null : List.copyOf(stopServerToolsWhen);
      return this;
    }

    public Builder stopServerToolsWhen(StopCondition... stopServerToolsWhen) {
      return stopServerToolsWhen(List.of(stopServerToolsWhen));
    }

    /** Sets a top-level body property this version does not model. */
    public Builder putExtraBody(String key, Object value) {
      if (extraBody == null) extraBody = new LinkedHashMap<>();
      extraBody.put(key, value);
      return this;
    }

    public Builder extraBody(Map<String, Object> extraBody) {
      this.extraBody = extraBody == null ? null : new LinkedHashMap<>(extraBody);
      return this;
    }

    public ResponsesRequest build() {
      return new ResponsesRequest(
          input, instructions, model, models, stream, store, previousResponseId, background,
          maxOutputTokens, maxToolCalls, temperature, topP, topK, topLogprobs, frequencyPenalty,
          presencePenalty, parallelToolCalls, tools, toolChoice, text, reasoning, include, metadata,
          user, safetyIdentifier, sessionId, truncation, serviceTier, prompt, modalities,
          imageConfig, plugins, provider, trace, debug, cacheControl, promptCacheKey,
          promptCacheOptions, stopServerToolsWhen,
          extraBody == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(extraBody)));
    }
  }
}
