package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.CacheControl;
import dev.openrouter4j.api.DebugOptions;
import dev.openrouter4j.api.Enums.Modality;
import dev.openrouter4j.api.Enums.ReasoningEffort;
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
 * The body of {@code POST /chat/completions} ({@code ChatRequest}). Only {@code messages} is
 * required; every other field is omitted when null. {@code extraBody} is written at the top level,
 * for properties this version does not model (and collects them when a request is read).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatRequest(
    List<ChatMessage> messages,
    String model,
    List<String> models,
    Boolean stream,
    StreamOptions streamOptions,
    Double temperature,
    Double topP,
    Integer topK,
    Double topA,
    Double minP,
    Double repetitionPenalty,
    Double frequencyPenalty,
    Double presencePenalty,
    Integer maxCompletionTokens,
    Integer maxTokens,
    Integer seed,
    Stop stop,
    Map<String, Double> logitBias,
    Boolean logprobs,
    Integer topLogprobs,
    ResponseFormat responseFormat,
    List<ChatTool> tools,
    ToolChoice toolChoice,
    Boolean parallelToolCalls,
    Reasoning reasoning,
    ReasoningEffort reasoningEffort,
    List<Modality> modalities,
    Map<String, Object> imageConfig,
    List<Plugin> plugins,
    ProviderPreferences provider,
    Map<String, String> metadata,
    String user,
    String sessionId,
    Trace trace,
    Prediction prediction,
    String promptCacheKey,
    PromptCacheOptions promptCacheOptions,
    CacheControl cacheControl,
    ServiceTier serviceTier,
    List<StopCondition> stopServerToolsWhen,
    DebugOptions debug,
    String route,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extraBody) {
  public ChatRequest {
    extraBody = WireMaps.extra(extraBody);
  }

  /** {@code route} ({@code fallback|sort}): deprecated upstream; use {@code provider.sort.partition}. */
  @Deprecated
  @Override
  public String route() {
    return route;
  }


  public static Builder builder() {
    return new Builder();
  }

  @SuppressWarnings("deprecation")
  public Builder toBuilder() {
    Builder b = new Builder();
    if (messages != null) b.messages = new ArrayList<>(messages);
    b.model = model;
    b.models = models;
    b.stream = stream;
    b.streamOptions = streamOptions;
    b.temperature = temperature;
    b.topP = topP;
    b.topK = topK;
    b.topA = topA;
    b.minP = minP;
    b.repetitionPenalty = repetitionPenalty;
    b.frequencyPenalty = frequencyPenalty;
    b.presencePenalty = presencePenalty;
    b.maxCompletionTokens = maxCompletionTokens;
    b.maxTokens = maxTokens;
    b.seed = seed;
    b.stop = stop;
    if (logitBias != null) b.logitBias = new LinkedHashMap<>(logitBias);
    b.logprobs = logprobs;
    b.topLogprobs = topLogprobs;
    b.responseFormat = responseFormat;
    if (tools != null) b.tools = new ArrayList<>(tools);
    b.toolChoice = toolChoice;
    b.parallelToolCalls = parallelToolCalls;
    b.reasoning = reasoning;
    b.reasoningEffort = reasoningEffort;
    b.modalities = modalities;
    if (imageConfig != null) b.imageConfig = new LinkedHashMap<>(imageConfig);
    if (plugins != null) b.plugins = new ArrayList<>(plugins);
    b.provider = provider;
    if (metadata != null) b.metadata = new LinkedHashMap<>(metadata);
    b.user = user;
    b.sessionId = sessionId;
    b.trace = trace;
    b.prediction = prediction;
    b.promptCacheKey = promptCacheKey;
    b.promptCacheOptions = promptCacheOptions;
    b.cacheControl = cacheControl;
    b.serviceTier = serviceTier;
    b.stopServerToolsWhen = stopServerToolsWhen;
    b.debug = debug;
    b.route = route;
    if (extraBody != null) b.extraBody = new LinkedHashMap<>(extraBody);
    return b;
  }

  /**
   * Builds a {@link ChatRequest}. Setters replace; {@code add*}/{@code put*} append. Collections
   * are copied, and the built request holds unmodifiable copies.
   */
  public static final class Builder {
    private List<ChatMessage> messages;
    private String model;
    private List<String> models;
    private Boolean stream;
    private StreamOptions streamOptions;
    private Double temperature;
    private Double topP;
    private Integer topK;
    private Double topA;
    private Double minP;
    private Double repetitionPenalty;
    private Double frequencyPenalty;
    private Double presencePenalty;
    private Integer maxCompletionTokens;
    private Integer maxTokens;
    private Integer seed;
    private Stop stop;
    private Map<String, Double> logitBias;
    private Boolean logprobs;
    private Integer topLogprobs;
    private ResponseFormat responseFormat;
    private List<ChatTool> tools;
    private ToolChoice toolChoice;
    private Boolean parallelToolCalls;
    private Reasoning reasoning;
    private ReasoningEffort reasoningEffort;
    private List<Modality> modalities;
    private Map<String, Object> imageConfig;
    private List<Plugin> plugins;
    private ProviderPreferences provider;
    private Map<String, String> metadata;
    private String user;
    private String sessionId;
    private Trace trace;
    private Prediction prediction;
    private String promptCacheKey;
    private PromptCacheOptions promptCacheOptions;
    private CacheControl cacheControl;
    private ServiceTier serviceTier;
    private List<StopCondition> stopServerToolsWhen;
    private DebugOptions debug;
    private String route;
    private Map<String, Object> extraBody;

    private Builder() {}

    public Builder messages(List<ChatMessage> messages) {
      this.messages = messages == null ? null : new ArrayList<>(messages);
      return this;
    }

    public Builder messages(ChatMessage... messages) {
      return messages(List.of(messages));
    }

    public Builder addMessage(ChatMessage message) {
      if (messages == null) messages = new ArrayList<>();
      messages.add(message);
      return this;
    }

    public Builder model(String v) { this.model = v; return this; }
    public Builder models(List<String> v) { this.models = copy(v); return this; }
    public Builder models(String... v) { return models(List.of(v)); }
    public Builder stream(Boolean v) { this.stream = v; return this; }
    public Builder streamOptions(StreamOptions v) { this.streamOptions = v; return this; }
    public Builder temperature(Double v) { this.temperature = v; return this; }
    public Builder topP(Double v) { this.topP = v; return this; }
    public Builder topK(Integer v) { this.topK = v; return this; }
    public Builder topA(Double v) { this.topA = v; return this; }
    public Builder minP(Double v) { this.minP = v; return this; }
    public Builder repetitionPenalty(Double v) { this.repetitionPenalty = v; return this; }
    public Builder frequencyPenalty(Double v) { this.frequencyPenalty = v; return this; }
    public Builder presencePenalty(Double v) { this.presencePenalty = v; return this; }
    public Builder maxCompletionTokens(Integer v) { this.maxCompletionTokens = v; return this; }
    /** Deprecated upstream in favour of {@link #maxCompletionTokens}; some providers need it. */
    public Builder maxTokens(Integer v) { this.maxTokens = v; return this; }
    public Builder seed(Integer v) { this.seed = v; return this; }
    public Builder stop(Stop v) { this.stop = v; return this; }

    /** One sequence is written as a string, several as an array; see {@link Stop#list} to force an array. */
    public Builder stop(String... v) {
      this.stop = v.length == 1 ? Stop.of(v[0]) : Stop.list(v);
      return this;
    }

    public Builder stop(List<String> v) { this.stop = v == null ? null : Stop.list(v); return this; }
    public Builder logitBias(Map<String, Double> v) { this.logitBias = v == null ? null : new LinkedHashMap<>(v); return this; }

    public Builder putLogitBias(String tokenId, double bias) {
      if (logitBias == null) logitBias = new LinkedHashMap<>();
      logitBias.put(tokenId, bias);
      return this;
    }

    public Builder logprobs(Boolean v) { this.logprobs = v; return this; }
    public Builder topLogprobs(Integer v) { this.topLogprobs = v; return this; }
    public Builder responseFormat(ResponseFormat v) { this.responseFormat = v; return this; }
    public Builder tools(List<ChatTool> v) { this.tools = v == null ? null : new ArrayList<>(v); return this; }
    public Builder tools(ChatTool... v) { return tools(List.of(v)); }

    public Builder addTool(ChatTool tool) {
      if (tools == null) tools = new ArrayList<>();
      tools.add(tool);
      return this;
    }

    public Builder toolChoice(ToolChoice v) { this.toolChoice = v; return this; }
    public Builder parallelToolCalls(Boolean v) { this.parallelToolCalls = v; return this; }
    public Builder reasoning(Reasoning v) { this.reasoning = v; return this; }
    public Builder reasoningEffort(ReasoningEffort v) { this.reasoningEffort = v; return this; }
    public Builder modalities(List<Modality> v) { this.modalities = copy(v); return this; }
    public Builder modalities(Modality... v) { return modalities(List.of(v)); }
    public Builder imageConfig(Map<String, Object> v) { this.imageConfig = v == null ? null : new LinkedHashMap<>(v); return this; }

    public Builder putImageConfig(String key, Object value) {
      if (imageConfig == null) imageConfig = new LinkedHashMap<>();
      imageConfig.put(key, value);
      return this;
    }

    public Builder plugins(List<Plugin> v) { this.plugins = v == null ? null : new ArrayList<>(v); return this; }
    public Builder plugins(Plugin... v) { return plugins(List.of(v)); }

    public Builder addPlugin(Plugin plugin) {
      if (plugins == null) plugins = new ArrayList<>();
      plugins.add(plugin);
      return this;
    }

    public Builder provider(ProviderPreferences v) { this.provider = v; return this; }
    public Builder metadata(Map<String, String> v) { this.metadata = v == null ? null : new LinkedHashMap<>(v); return this; }

    public Builder putMetadata(String key, String value) {
      if (metadata == null) metadata = new LinkedHashMap<>();
      metadata.put(key, value);
      return this;
    }

    public Builder user(String v) { this.user = v; return this; }
    public Builder sessionId(String v) { this.sessionId = v; return this; }
    public Builder trace(Trace v) { this.trace = v; return this; }
    public Builder prediction(Prediction v) { this.prediction = v; return this; }
    public Builder promptCacheKey(String v) { this.promptCacheKey = v; return this; }
    public Builder promptCacheOptions(PromptCacheOptions v) { this.promptCacheOptions = v; return this; }
    public Builder cacheControl(CacheControl v) { this.cacheControl = v; return this; }
    public Builder serviceTier(ServiceTier v) { this.serviceTier = v; return this; }
    public Builder stopServerToolsWhen(List<StopCondition> v) { this.stopServerToolsWhen = copy(v); return this; }
    public Builder stopServerToolsWhen(StopCondition... v) { return stopServerToolsWhen(List.of(v)); }
    public Builder debug(DebugOptions v) { this.debug = v; return this; }

    /** Deprecated upstream; use {@code provider.sort.partition}. */
    @Deprecated
    public Builder route(String v) { this.route = v; return this; }

    public Builder extraBody(Map<String, Object> v) { this.extraBody = v == null ? null : new LinkedHashMap<>(v); return this; }

    /** Sends {@code key} at the top level of the body; a null value is sent as JSON null. */
    public Builder putExtraBody(String key, Object value) {
      if (extraBody == null) extraBody = new LinkedHashMap<>();
      extraBody.put(key, value);
      return this;
    }

    @SuppressWarnings("deprecation")
    public ChatRequest build() {
      return new ChatRequest(
          copy(messages), model, models, stream, streamOptions, temperature, topP, topK, topA, minP,
          repetitionPenalty, frequencyPenalty, presencePenalty, maxCompletionTokens, maxTokens, seed, stop,
          copyMap(logitBias), logprobs, topLogprobs, responseFormat, copy(tools), toolChoice, parallelToolCalls,
          reasoning, reasoningEffort, modalities, copyMap(imageConfig), copy(plugins), provider,
          copyMap(metadata), user, sessionId, trace, prediction, promptCacheKey, promptCacheOptions,
          cacheControl, serviceTier, stopServerToolsWhen, debug, route, copyMap(extraBody));
    }

    private static <T> List<T> copy(List<T> list) {
      return list == null ? null : List.copyOf(list);
    }

    // Not Map.copyOf: keeps insertion order and allows null values (an explicit JSON null).
    private static <K, V> Map<K, V> copyMap(Map<K, V> map) {
      return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
  }
}
