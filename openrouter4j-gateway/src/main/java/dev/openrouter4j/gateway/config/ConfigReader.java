package dev.openrouter4j.gateway.config;

import dev.openrouter4j.api.Enums;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the checked YAML tree into the configuration records: one method per section, each filling
 * its defaults, then the checks that span sections (unique ids, endpoints naming known providers).
 */
final class ConfigReader {
  static final List<String> TOP_KEYS = List.of("server", "storage", "providers", "models");
  static final List<String> SERVER_KEYS = List.of("host", "port", "max_body_bytes");
  static final List<String> STORAGE_KEYS = List.of("url");
  static final List<String> PROVIDER_KEYS =
      List.of("id", "kind", "base_url", "api_key", "timeout_ms", "data_collection", "zdr", "options", "responses");
  static final List<String> MODEL_KEYS = List.of("id", "name", "context_length", "output_modalities", "endpoints");
  static final List<String> ENDPOINT_KEYS =
      List.of("provider", "upstream_model", "quantization", "pricing", "supports", "max_completion_tokens");
  /** The kinds whose answers may carry OpenRouter's {@code usage.cost}: OpenRouter, or an OpenAI-compatible gateway like this one. */
  static final List<String> UPSTREAM_PRICED_KINDS = List.of("openai", "openrouter");
  static final List<String> PRICING_KEYS =
      List.of("prompt", "completion", "request", "input_cache_read", "input_cache_write");

  static final List<String> DATA_COLLECTION = List.of("allow", "deny");
  static final List<String> QUANTIZATIONS =
      Stream.of(Enums.Quantization.values()).map(q -> q.name().toLowerCase(Locale.ROOT)).toList();

  // No '/': in provider.order a slash separates a provider from one of its endpoint variants.
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final String SLUG_RULE = "a lowercase slug (a-z, 0-9, '.', '_', '-'; no '/')";
  // '*' alone, or once at the end after a slash: the two forms ModelConfig.match understands.
  private static final Pattern MODEL_ID = Pattern.compile("\\*|[^\\s*]+(/\\*)?");
  private static final String MODEL_ID_RULE = "a model id without spaces ('*' only as the whole id or a final '/*')";

  private ConfigReader() {}

  static GatewayConfig read(YamlNode root) {
    YamlMap top = root.asMap(TOP_KEYS);
    ServerConfig server = server(top.map("server", SERVER_KEYS));
    StorageConfig storage = storage(top.map("storage", STORAGE_KEYS));
    Map<String, ProviderConfig> providers = providers(top.list("providers"));
    List<ModelConfig> models = models(top.list("models"), providers);
    return new GatewayConfig(server, storage, List.copyOf(providers.values()), models);
  }

  private static ServerConfig server(YamlMap m) {
    if (m == null) return ServerConfig.defaults();
    return new ServerConfig(
        m.string("host", ServerConfig.DEFAULT_HOST),
        (int) m.integer("port", ServerConfig.DEFAULT_PORT, 0, 65_535),
        m.integer("max_body_bytes", ServerConfig.DEFAULT_MAX_BODY_BYTES, 1, Long.MAX_VALUE));
  }

  private static StorageConfig storage(YamlMap m) {
    if (m == null) return StorageConfig.defaults();
    YamlNode url = m.get("url");
    if (url == null) return StorageConfig.defaults();
    return new StorageConfig(url.asString(s -> s.startsWith("jdbc:"), "a JDBC URL (jdbc:h2:… or jdbc:postgresql:…)"));
  }

  /** The providers by id, in file order. */
  private static Map<String, ProviderConfig> providers(List<YamlNode> items) {
    Map<String, ProviderConfig> byId = new LinkedHashMap<>();
    Map<String, YamlNode> firstSeen = new HashMap<>();
    for (YamlNode item : items) {
      YamlMap p = item.asMap(PROVIDER_KEYS);
      YamlNode idNode = p.require("id");
      String id = idNode.asString(SLUG.asMatchPredicate(), SLUG_RULE);
      YamlNode first = firstSeen.putIfAbsent(id, idNode);
      if (first != null) {
        throw idNode.error("duplicate provider id '" + id + "' in " + item.path() + " (first at line " + first.line() + ")");
      }
      String kind = p.require("kind").asOneOf(ProviderConfig.KINDS);
      YamlNode baseUrlNode = p.get("base_url");
      String baseUrl = baseUrlNode == null
          ? ProviderConfig.defaultBaseUrl(kind)
          : stripTrailingSlash(baseUrlNode.asString(ConfigReader::isHttpUrl, "an http(s) URL"));
      YamlNode responsesNode = p.get("responses");
      boolean responses = ProviderConfig.defaultResponses(kind, baseUrl);
      if (responsesNode != null) {
        if (!ProviderConfig.RESPONSES_KINDS.contains(kind)) {
          throw responsesNode.error(responsesNode.path() + " is only valid for kinds " + String.join(" and ", ProviderConfig.RESPONSES_KINDS)
              + " (upstreams that may serve the Responses API), not '" + kind + "'");
        }
        responses = responsesNode.asBoolean();
      }
      byId.put(id, new ProviderConfig(
          id,
          kind,
          baseUrl,
          p.string("api_key", null),
          p.integer("timeout_ms", ProviderConfig.DEFAULT_TIMEOUT_MS, 1, Long.MAX_VALUE),
          p.oneOf("data_collection", "allow", DATA_COLLECTION),
          p.bool("zdr", false),
          p.plainMap("options"),
          responses));
    }
    return byId;
  }

  private static List<ModelConfig> models(List<YamlNode> items, Map<String, ProviderConfig> providers) {
    List<ModelConfig> models = new ArrayList<>();
    Map<String, YamlNode> firstSeen = new HashMap<>();
    for (YamlNode item : items) {
      YamlMap m = item.asMap(MODEL_KEYS);
      YamlNode idNode = m.require("id");
      String id = idNode.asString(MODEL_ID.asMatchPredicate(), MODEL_ID_RULE);
      YamlNode first = firstSeen.putIfAbsent(id, idNode);
      if (first != null) {
        throw idNode.error("duplicate model id '" + id + "' in " + item.path() + " (first at line " + first.line() + ")");
      }
      // Not in the brief's list of required keys, but a model without endpoints can only ever 404;
      // saying so here is kinder than at the first request.
      YamlNode endpointsNode = m.require("endpoints");
      List<YamlNode> endpointItems = endpointsNode.asList();
      if (endpointItems.isEmpty()) throw endpointsNode.error(endpointsNode.path() + " must list at least one endpoint");
      List<EndpointConfig> endpoints = new ArrayList<>();
      for (YamlNode e : endpointItems) endpoints.add(endpoint(e, providers));
      models.add(new ModelConfig(id, m.string("name", id), m.optionalPositiveInt("context_length"), endpoints, outputModalities(m)));
    }
    return models;
  }

  private static List<String> outputModalities(YamlMap m) {
    YamlNode node = m.get("output_modalities");
    if (node == null || node.isNull()) return ModelConfig.TEXT;
    List<YamlNode> items = node.asList();
    if (items.isEmpty()) throw node.error(node.path() + " must list at least one modality (" + String.join(", ", ModelConfig.OUTPUT_MODALITIES) + ")");
    List<String> modalities = new ArrayList<>();
    for (YamlNode item : items) modalities.add(item.asOneOf(ModelConfig.OUTPUT_MODALITIES));
    return modalities;
  }

  private static EndpointConfig endpoint(YamlNode item, Map<String, ProviderConfig> providers) {
    YamlMap e = item.asMap(ENDPOINT_KEYS);
    String configured = providers.isEmpty() ? "none are configured" : String.join(", ", providers.keySet());
    String provider = e.require("provider").asString(providers::containsKey, "a configured provider (" + configured + ")");
    return new EndpointConfig(
        provider,
        e.string("upstream_model", null),
        e.oneOf("quantization", null, QUANTIZATIONS),
        pricing(e.get("pricing"), providers.get(provider).kind()),
        e.strings("supports"),
        e.optionalPositiveInt("max_completion_tokens"));
  }

  /**
   * Prices per million tokens, or {@code upstream}: the cost the upstream reports (an OpenRouter
   * upstream does, so that is its kind's default; Anthropic and the simulated model report none).
   */
  private static Pricing pricing(YamlNode node, String kind) {
    if (node == null || node.isNull()) return "openrouter".equals(kind) ? Pricing.UPSTREAM : Pricing.FREE;
    if (node.isScalar()) {
      node.asString("upstream"::equals, "a mapping of prices (" + String.join(", ", PRICING_KEYS) + ") or upstream");
      if (!UPSTREAM_PRICED_KINDS.contains(kind)) {
        throw node.error(node.path() + ": upstream pricing needs an upstream that reports each answer's cost (kinds "
            + String.join(", ", UPSTREAM_PRICED_KINDS) + "); kind " + kind + " reports none, so give prices");
      }
      return Pricing.UPSTREAM;
    }
    YamlMap m = node.asMap(PRICING_KEYS);
    return new Pricing(
        m.nonNegative("prompt", 0),
        m.nonNegative("completion", 0),
        m.nonNegative("request", 0),
        m.optionalNonNegative("input_cache_read"),
        m.optionalNonNegative("input_cache_write"));
  }

  static boolean isHttpUrl(String s) {
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Adapters append paths such as {@code /chat/completions}; a trailing slash would double it. */
  static String stripTrailingSlash(String url) {
    String s = url;
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return s;
  }
}
