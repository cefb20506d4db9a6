package dev.openrouter4j.gateway.http;

import dev.openrouter4j.api.DataEnvelope;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.models.Architecture;
import dev.openrouter4j.api.models.Model;
import dev.openrouter4j.api.models.ModelEndpoints;
import dev.openrouter4j.api.models.ModelPricing;
import dev.openrouter4j.api.models.ModelsCount;
import dev.openrouter4j.api.models.ModelsList;
import dev.openrouter4j.api.models.PercentileStats;
import dev.openrouter4j.api.models.ProviderInfo;
import dev.openrouter4j.api.models.PublicEndpoint;
import dev.openrouter4j.api.models.TopProvider;
import dev.openrouter4j.gateway.config.EndpointConfig;
import dev.openrouter4j.gateway.config.GatewayConfig;
import dev.openrouter4j.gateway.config.ModelConfig;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.routing.Candidate;
import dev.openrouter4j.gateway.routing.EndpointStats;
import io.vertx.core.http.HttpServerRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The catalogue endpoints, built from the configuration with the SDK's own wire records (so the
 * shapes are defined once): {@code GET /models}, {@code /models/count}, {@code /embeddings/models}, {@code
 * /model/{author}/{slug}}, {@code /models/{author}/{slug}/endpoints} and {@code /providers}. Prices
 * are USD per token as decimal strings, as OpenRouter gives them. Wildcard entries ({@code
 * openai/*}) serve ids that cannot be listed, so they are left out of lists.
 */
public final class ModelsHandler {
  /** Parameters every endpoint accepts; the configured {@code supports} add to them. */
  static final List<String> BASE_PARAMETERS =
      List.of("max_tokens", "temperature", "top_p", "stop", "frequency_penalty", "presence_penalty", "seed");

  /** {@code limit} of {@code /embeddings/models} at most. */
  static final int MAX_LIMIT = 1000;

  private final GatewayConfig config;
  private final EndpointStats stats;
  private final long created = System.currentTimeMillis() / 1000;

  public ModelsHandler(GatewayConfig config, EndpointStats stats) {
    this.config = config;
    this.stats = stats;
  }

  /** {@code GET /models}: the text models, unless {@code output_modalities} names others or {@code all}. */
  public void list(HttpServerRequest request) {
    List<Model> models = listed(outputModalities(request)).stream().map(this::model).toList();
    send(request, new ModelsList(models, new ModelsList.Links(null, null), models.size(), null));
  }

  public void count(HttpServerRequest request) {
    send(request, DataEnvelope.of(ModelsCount.of(listed(outputModalities(request)).size())));
  }

  /** {@code GET /embeddings/models}: the embedding models, all of them or the page {@code offset} and {@code limit} give. */
  public void embeddingsModels(HttpServerRequest request) {
    List<ModelConfig> all = listed(Set.of(ModelConfig.EMBEDDINGS));
    Integer offset = intParam(request, "offset", 0, Integer.MAX_VALUE);
    Integer limit = intParam(request, "limit", 1, MAX_LIMIT);
    int from = offset == null ? 0 : Math.min(offset, all.size());
    int to = offset == null && limit == null ? all.size() : (int) Math.min(all.size(), (long) from + (limit == null ? 500 : limit));
    List<Model> models = all.subList(from, to).stream().map(this::model).toList();
    send(request, new ModelsList(models, new ModelsList.Links(null, null), all.size(), null));
  }

  /**
   * The {@code output_modalities} a list asks for: {@code text} when not given, null for {@code
   * all}; a modality that does not exist is the client's 400.
   */
  private static Set<String> outputModalities(HttpServerRequest request) {
    String param = request.getParam("output_modalities");
    if (param == null || param.isBlank()) return Set.copyOf(ModelConfig.TEXT);
    if (param.strip().equals("all")) return null;
    Set<String> asked = new LinkedHashSet<>();
    for (String m : param.split(",")) {
      String modality = m.strip();
      if (!ModelConfig.OUTPUT_MODALITIES.contains(modality)) {
        throw ApiError.invalidField("output_modalities", "must be all or a comma-separated list of " + String.join(", ", ModelConfig.OUTPUT_MODALITIES) + ", got '" + modality + "'");
      }
      asked.add(modality);
    }
    return asked;
  }

  private static Integer intParam(HttpServerRequest request, String name, int min, int max) {
    String value = request.getParam(name);
    if (value == null || value.isBlank()) return null;
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException notANumber) {
      // the message below
    }
    throw ApiError.invalidField(name, "must be an integer from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", got '" + value + "'");
  }

  public void model(HttpServerRequest request) {
    send(request, DataEnvelope.of(model(find(request.path(), "/model/"))));
  }

  public void endpoints(HttpServerRequest request) {
    String path = request.path();
    ModelConfig m = find(path.substring(0, path.length() - "/endpoints".length()), "/models/");
    long now = System.currentTimeMillis();
    List<PublicEndpoint> endpoints = new ArrayList<>();
    for (EndpointConfig e : m.endpoints()) {
      ProviderConfig p = config.provider(e.provider());
      String upstream = e.upstreamModel() != null ? e.upstreamModel() : m.id();
      String key = new Candidate(m.id(), m, e, p, upstream).endpointKey();
      EndpointStats.Snapshot s = stats.snapshot(key, now);
      endpoints.add(new PublicEndpoint(
          p.id() + " | " + m.id(), m.id(), m.name(), p.id(), p.id(), m.contextLength(), e.maxCompletionTokens(), null,
          pricing(e.pricing()), e.quantization(), parameters(m, List.of(e)), false,
          s == null ? null : s.uptime5m(), s == null ? null : s.uptime30m(), s == null ? null : s.uptime1d(),
          percentiles(key, now, true), percentiles(key, now, false),
          s != null && s.outage() ? -1 : 0, false, null));
    }
    send(request, DataEnvelope.of(new ModelEndpoints(m.id(), m.name(), created, m.name(), architecture(m), endpoints, null)));
  }

  public void providers(HttpServerRequest request) {
    List<ProviderInfo> providers = config.providers().stream()
        .map(p -> new ProviderInfo(p.id(), p.id(), null, null, null, null, null, null))
        .toList();
    send(request, DataEnvelope.of(providers));
  }

  /** The listable models (not patterns) with one of {@code modalities} among their outputs; null: all. */
  private List<ModelConfig> listed(Set<String> modalities) {
    return config.models().stream()
        .filter(m -> !m.isPattern())
        .filter(m -> modalities == null || m.outputModalities().stream().anyMatch(modalities::contains))
        .toList();
  }

  /**
   * Text in; out what the model produces. In {@code modality} OpenRouter writes vectors as text (its
   * example embedding model is {@code text->text} with {@code output_modalities: [embeddings]}).
   */
  static Architecture architecture(ModelConfig m) {
    String out = m.outputModalities().stream().map(o -> o.equals(ModelConfig.EMBEDDINGS) || o.equals("rerank") ? "text" : o).distinct()
        .collect(java.util.stream.Collectors.joining("+"));
    return new Architecture("text->" + out, List.of("text"), m.outputModalities(), "Other", null, null);
  }

  /** Chat parameters for a model that writes text; none for one that only embeds, as OpenRouter lists its embedding models. */
  private static List<String> parameters(ModelConfig m, List<EndpointConfig> endpoints) {
    return m.outputs("text") ? parameters(endpoints) : List.of();
  }

  private ModelConfig find(String path, String prefix) {
    String id = GatewayServer.normalise(path).substring(prefix.length());
    for (ModelConfig m : config.models()) {
      if (!m.isPattern() && m.id().equals(id)) return m;
    }
    throw new ApiError(404, "model " + id + " not found", Map.of("error_type", "not_found"), -1);
  }

  private Model model(ModelConfig m) {
    Integer max = m.endpoints().isEmpty() ? null : m.endpoints().get(0).maxCompletionTokens();
    return new Model(
        m.id(), m.id(), m.name(), created, m.name(), m.contextLength(), architecture(m), pricing(cheapest(m)),
        new TopProvider(false, m.contextLength(), max, null), null, parameters(m, m.endpoints()), null, null,
        new Model.Links("/api/v1/models/" + m.id() + "/endpoints", null), null, null, null, null, null, null, null);
  }

  /** Latency (ms) or throughput (tokens/s) percentiles the gateway measured over its window, or null. */
  private PercentileStats percentiles(String key, long now, boolean latency) {
    double[] p = new double[4];
    int[] at = {50, 75, 90, 99};
    for (int i = 0; i < at.length; i++) {
      OptionalDouble v = latency ? stats.latencyPercentile(key, at[i], now) : stats.throughputPercentile(key, at[i], now);
      if (v.isEmpty()) return null;
      p[i] = v.getAsDouble();
    }
    return PercentileStats.of(p[0], p[1], p[2], p[3]);
  }

  /** The cheapest endpoint's prices; an endpoint priced by its upstream only when no other has prices. */
  private static Pricing cheapest(ModelConfig m) {
    return m.endpoints().stream().map(EndpointConfig::pricing)
        .min((a, b) -> a.upstream() != b.upstream()
            ? Boolean.compare(a.upstream(), b.upstream())
            : Double.compare(a.prompt() + a.completion(), b.prompt() + b.completion()))
        .orElse(Pricing.FREE);
  }

  /**
   * USD per million tokens (the config's unit) to USD per token, as a plain decimal string. Prices
   * the upstream sets per answer are "-1", as OpenRouter lists a router whose price depends on
   * where it sends the request ({@code openrouter/auto}).
   */
  static ModelPricing pricing(Pricing p) {
    if (p.upstream()) return ModelPricing.of("-1", "-1");
    return new ModelPricing(
        perToken(p.prompt()), perToken(p.completion()), BigDecimal.valueOf(p.request()).stripTrailingZeros().toPlainString(),
        "0", null, null, null, null, null, perToken(p.cacheRead()), perToken(p.cacheWrite()), null, null, null, null, null, null);
  }

  private static String perToken(double perMillion) {
    return BigDecimal.valueOf(perMillion).movePointLeft(6).stripTrailingZeros().toPlainString();
  }

  private static List<String> parameters(List<EndpointConfig> endpoints) {
    Set<String> params = new LinkedHashSet<>(BASE_PARAMETERS);
    for (EndpointConfig e : endpoints) params.addAll(e.supports());
    return List.copyOf(params);
  }

  private static void send(HttpServerRequest request, Object body) {
    try {
      request.response().putHeader("content-type", "application/json").end(io.vertx.core.buffer.Buffer.buffer(Json.mapper().writeValueAsBytes(body)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
