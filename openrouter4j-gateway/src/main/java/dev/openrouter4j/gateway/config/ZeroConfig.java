package dev.openrouter4j.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The configuration when no file is given; {@link ConfigLoader} documents what it contains. */
final class ZeroConfig {
  static final String SIMULATED_MODEL = "openrouter4j/simulated";

  private ZeroConfig() {}

  static GatewayConfig of(Map<String, String> env) {
    List<ProviderConfig> providers = new ArrayList<>();
    List<ModelConfig> models = new ArrayList<>();

    providers.add(provider("simulated", "simulated", null, null, Map.of("ttft_ms", 0L)));
    models.add(model(SIMULATED_MODEL, "simulated"));

    String openaiKey = value(env, "OPENAI_API_KEY");
    String openaiBase = url(env, "OPENAI_BASE_URL");
    if (openaiKey != null) {
      providers.add(provider("openai", "openai", openaiBase, openaiKey, Map.of()));
      models.add(model("openai/*", "openai"));
    } else if (openaiBase != null) {
      // A base URL alone is the usual way to point OpenAI clients at a local server (Ollama,
      // llama.cpp, vLLM), which needs no key; "local/<name>" asks it for <name>.
      providers.add(provider("local", "openai", openaiBase, null, Map.of()));
      models.add(model("local/*", "local"));
    }

    String anthropicKey = value(env, "ANTHROPIC_API_KEY");
    if (anthropicKey != null) {
      providers.add(provider("anthropic", "anthropic", url(env, "ANTHROPIC_BASE_URL"), anthropicKey, Map.of()));
      models.add(model("anthropic/*", "anthropic"));
    }

    // Not OPENROUTER_BASE_URL: the SDK reads that to find this gateway, so the same shell often sets
    // it to the gateway's own address, and reading it here would make the gateway call itself.
    String openrouterKey = value(env, "OPENROUTER_API_KEY");
    if (openrouterKey != null) {
      providers.add(provider("openrouter", "openrouter", url(env, "OPENROUTER_UPSTREAM_URL"), openrouterKey, Map.of()));
      // Last, so that the specific entries above come first in listings.
      models.add(model("*", "openrouter", Pricing.UPSTREAM)); // OpenRouter reports each answer's cost
    }
    return new GatewayConfig(ServerConfig.defaults(), StorageConfig.defaults(), providers, models);
  }

  private static ProviderConfig provider(
      String id, String kind, String baseUrl, String apiKey, Map<String, Object> options) {
    String base = baseUrl != null ? baseUrl : ProviderConfig.defaultBaseUrl(kind);
    return new ProviderConfig(id, kind, base, apiKey, ProviderConfig.DEFAULT_TIMEOUT_MS, "allow", false, options);
  }

  private static ModelConfig model(String id, String provider) {
    return model(id, provider, Pricing.FREE);
  }

  private static ModelConfig model(String id, String provider, Pricing pricing) {
    return new ModelConfig(id, id, null, List.of(new EndpointConfig(provider, null, null, pricing, List.of(), null)));
  }

  /** An empty variable counts as unset, as {@code export OPENAI_API_KEY=} means "no key". */
  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String url(Map<String, String> env, String name) {
    String v = value(env, name);
    if (v == null) return null;
    if (!ConfigReader.isHttpUrl(v)) {
      throw new ConfigException("environment variable " + name + " must be an http(s) URL, got '" + v + "'");
    }
    return ConfigReader.stripTrailingSlash(v);
  }
}
