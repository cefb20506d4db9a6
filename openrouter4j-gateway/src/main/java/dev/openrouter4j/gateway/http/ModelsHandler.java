package dev.openrouter4j.gateway.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.gateway.config.EndpointConfig;
import dev.openrouter4j.gateway.config.GatewayConfig;
import dev.openrouter4j.gateway.config.ModelConfig;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.routing.Candidate;
import dev.openrouter4j.gateway.routing.EndpointStats;
import io.vertx.core.http.HttpServerRequest;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue endpoints, built from the configuration in OpenRouter's shapes: {@code GET /models},
 * {@code /models/count}, {@code /model/{author}/{slug}}, {@code /models/{author}/{slug}/endpoints}
 * and {@code /providers}. Prices are USD per token as decimal strings, as OpenRouter gives them.
 * Wildcard entries ({@code openai/*}) serve ids that cannot be listed, so they are left out of lists.
 */
public final class ModelsHandler {
  /** Parameters every endpoint accepts; the configured {@code supports} add to them. */
  static final List<String> BASE_PARAMETERS =
      List.of("max_tokens", "temperature", "top_p", "stop", "frequency_penalty", "presence_penalty", "seed");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final GatewayConfig config;
  private final EndpointStats stats;
  private final long created = System.currentTimeMillis() / 1000;

  public ModelsHandler(GatewayConfig config, EndpointStats stats) {
    this.config = config;
    this.stats = stats;
  }

  public void list(HttpServerRequest request) {
    ArrayNode data = JSON.arrayNode();
    listed().forEach(m -> data.add(model(m)));
    ObjectNode body = JSON.objectNode();
    body.set("data", data);
    body.putObject("links").putNull("next");
    body.put("total_count", data.size());
    send(request, body);
  }

  public void count(HttpServerRequest request) {
    ObjectNode body = JSON.objectNode();
    body.putObject("data").put("count", listed().size());
    send(request, body);
  }

  public void model(HttpServerRequest request) {
    ModelConfig m = find(request.path(), "/model/");
    ObjectNode body = JSON.objectNode();
    body.set("data", model(m));
    send(request, body);
  }

  public void endpoints(HttpServerRequest request) {
    String path = request.path();
    ModelConfig m = find(path.substring(0, path.length() - "/endpoints".length()), "/models/");
    ObjectNode data = JSON.objectNode();
    data.put("id", m.id());
    data.put("name", m.name());
    data.put("created", created);
    data.put("description", m.name());
    data.set("architecture", architecture());
    ArrayNode endpoints = data.putArray("endpoints");
    long now = System.currentTimeMillis();
    for (EndpointConfig e : m.endpoints()) {
      ProviderConfig p = config.provider(e.provider());
      String upstream = e.upstreamModel() != null ? e.upstreamModel() : m.id();
      EndpointStats.Snapshot s = stats.snapshot(new Candidate(m.id(), m, e, p, upstream).endpointKey(), now);
      ObjectNode ep = endpoints.addObject();
      ep.put("name", p.id() + " | " + m.id());
      ep.put("model_id", m.id());
      ep.put("model_name", m.name());
      ep.put("provider_name", p.id());
      ep.put("tag", p.id());
      putNullable(ep, "context_length", m.contextLength());
      putNullable(ep, "max_completion_tokens", e.maxCompletionTokens());
      ep.putNull("max_prompt_tokens");
      ep.set("pricing", pricing(e.pricing()));
      if (e.quantization() == null) ep.putNull("quantization"); else ep.put("quantization", e.quantization());
      ep.set("supported_parameters", parameters(List.of(e)));
      ep.put("supports_implicit_caching", false);
      putNullable(ep, "uptime_last_5m", s == null ? null : s.uptime5m());
      putNullable(ep, "uptime_last_30m", s == null ? null : s.uptime30m());
      putNullable(ep, "uptime_last_1d", s == null ? null : s.uptime1d());
      putNullable(ep, "latency_last_30m", s == null ? null : s.latencyP50Ms());
      putNullable(ep, "throughput_last_30m", s == null ? null : s.throughputP50());
      ep.put("status", s != null && s.outage() ? -1 : 0);
    }
    ObjectNode body = JSON.objectNode();
    body.set("data", data);
    send(request, body);
  }

  public void providers(HttpServerRequest request) {
    ArrayNode data = JSON.arrayNode();
    for (ProviderConfig p : config.providers()) {
      ObjectNode o = data.addObject();
      o.put("name", p.id());
      o.put("slug", p.id());
      o.putNull("privacy_policy_url");
      o.putNull("terms_of_service_url");
      o.putNull("status_page_url");
    }
    ObjectNode body = JSON.objectNode();
    body.set("data", data);
    send(request, body);
  }

  private List<ModelConfig> listed() {
    return config.models().stream().filter(m -> !m.isPattern()).toList();
  }

  private ModelConfig find(String path, String prefix) {
    String p = GatewayServer.normalise(path);
    String id = p.substring(prefix.length());
    for (ModelConfig m : config.models()) {
      if (!m.isPattern() && m.id().equals(id)) return m;
    }
    throw new ApiError(404, "model " + id + " not found", java.util.Map.of("error_type", "not_found"), -1);
  }

  private ObjectNode model(ModelConfig m) {
    ObjectNode o = JSON.objectNode();
    o.put("id", m.id());
    o.put("canonical_slug", m.id());
    o.put("name", m.name());
    o.put("created", created);
    o.put("description", m.name());
    putNullable(o, "context_length", m.contextLength());
    o.set("architecture", architecture());
    o.set("pricing", pricing(cheapest(m)));
    ObjectNode top = o.putObject("top_provider");
    putNullable(top, "context_length", m.contextLength());
    Integer max = m.endpoints().isEmpty() ? null : m.endpoints().get(0).maxCompletionTokens();
    putNullable(top, "max_completion_tokens", max);
    top.put("is_moderated", false);
    o.putNull("per_request_limits");
    o.set("supported_parameters", parameters(m.endpoints()));
    o.putNull("default_parameters");
    o.putNull("supported_voices");
    o.putObject("links").put("details", "/api/v1/models/" + m.id() + "/endpoints");
    return o;
  }

  private static ObjectNode architecture() {
    ObjectNode a = JSON.objectNode();
    a.put("modality", "text->text");
    a.putArray("input_modalities").add("text");
    a.putArray("output_modalities").add("text");
    a.put("tokenizer", "Other");
    a.putNull("instruct_type");
    return a;
  }

  private static Pricing cheapest(ModelConfig m) {
    return m.endpoints().stream().map(EndpointConfig::pricing)
        .min((a, b) -> Double.compare(a.prompt() + a.completion(), b.prompt() + b.completion()))
        .orElse(Pricing.FREE);
  }

  /** USD per million tokens (the config's unit) to USD per token, as a plain decimal string. */
  static ObjectNode pricing(Pricing p) {
    ObjectNode o = JSON.objectNode();
    o.put("prompt", perToken(p.prompt()));
    o.put("completion", perToken(p.completion()));
    o.put("request", BigDecimal.valueOf(p.request()).stripTrailingZeros().toPlainString());
    o.put("image", "0");
    o.put("input_cache_read", perToken(p.cacheRead()));
    o.put("input_cache_write", perToken(p.cacheWrite()));
    return o;
  }

  private static String perToken(double perMillion) {
    return BigDecimal.valueOf(perMillion).movePointLeft(6).stripTrailingZeros().toPlainString();
  }

  private static ArrayNode parameters(List<EndpointConfig> endpoints) {
    Set<String> params = new LinkedHashSet<>(BASE_PARAMETERS);
    for (EndpointConfig e : endpoints) params.addAll(e.supports());
    ArrayNode a = JSON.arrayNode();
    params.forEach(a::add);
    return a;
  }

  private static void putNullable(ObjectNode o, String field, Number value) {
    if (value == null) o.putNull(field);
    else if (value instanceof Integer i) o.put(field, i);
    else o.put(field, value.doubleValue());
  }

  private static void send(HttpServerRequest request, ObjectNode body) {
    request.response().putHeader("content-type", "application/json").end(body.toString());
  }
}
