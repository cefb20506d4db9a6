package dev.openrouter4j.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigZeroTest {
  /** A provider with every setting but these at its default, as zero-config makes them. */
  private static ProviderConfig provider(String id, String kind, String baseUrl, String apiKey) {
    return new ProviderConfig(id, kind, baseUrl, apiKey, 600_000, "allow", false, Map.of());
  }

  private static List<String> providerIds(GatewayConfig config) {
    return config.providers().stream().map(ProviderConfig::id).toList();
  }

  private static List<String> modelIds(GatewayConfig config) {
    return config.models().stream().map(ModelConfig::id).toList();
  }

  @Test
  void anEmptyEnvironmentServesTheSimulatedModelOnly() {
    GatewayConfig config = ConfigLoader.zeroConfig(Map.of());

    assertEquals(ServerConfig.defaults(), config.server());
    assertEquals(StorageConfig.defaults(), config.storage());
    assertEquals(
        List.of(new ProviderConfig("simulated", "simulated", null, null, 600_000, "allow", false, Map.of("ttft_ms", 0L))),
        config.providers());
    assertEquals(
        List.of(new ModelConfig("openrouter4j/simulated", "openrouter4j/simulated", null,
            List.of(new EndpointConfig("simulated", null, null, Pricing.FREE, List.of(), null)))),
        config.models());
  }

  @Test
  void anOpenAiKeyAddsTheOpenAiProviderForOpenAiModels() {
    GatewayConfig config = ConfigLoader.zeroConfig(Map.of("OPENAI_API_KEY", "sk-oa"));

    assertEquals(List.of("simulated", "openai"), providerIds(config));
    assertEquals(provider("openai", "openai", "https://api.openai.com/v1", "sk-oa"), config.provider("openai"));
    assertEquals(List.of("openrouter4j/simulated", "openai/*"), modelIds(config));
    ModelConfig openai = config.models().get(1);
    assertEquals("openai", openai.endpoints().get(0).provider());
    assertNull(openai.endpoints().get(0).upstreamModel(), "the wildcard's match is the upstream model");
    assertEquals("gpt-4o", openai.match("openai/gpt-4o"));
  }

  @Test
  void openAiBaseUrlIsHonouredWithAKey() {
    GatewayConfig config = ConfigLoader.zeroConfig(Map.of("OPENAI_API_KEY", "sk", "OPENAI_BASE_URL",
        "https://proxy.example/v1/"));
    assertEquals("https://proxy.example/v1", config.provider("openai").baseUrl());
    assertNull(config.provider("local"));
  }

  @Test
  void anOpenAiBaseUrlWithoutAKeyIsALocalServer() {
    GatewayConfig config = ConfigLoader.zeroConfig(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1"));

    assertEquals(List.of("simulated", "local"), providerIds(config));
    assertEquals(provider("local", "openai", "http://127.0.0.1:11434/v1", null), config.provider("local"));
    assertEquals(List.of("openrouter4j/simulated", "local/*"), modelIds(config));
    assertEquals("llama3.1:8b", config.models().get(1).match("local/llama3.1:8b"));
  }

  @Test
  void anAnthropicKeyAddsAnthropicModels() {
    GatewayConfig config = ConfigLoader.zeroConfig(Map.of("ANTHROPIC_API_KEY", "sk-ant"));
    assertEquals(provider("anthropic", "anthropic", "https://api.anthropic.com", "sk-ant"), config.provider("anthropic"));
    assertEquals(List.of("openrouter4j/simulated", "anthropic/*"), modelIds(config));
  }

  @Test
  void anOpenRouterKeyPassesAnyModelThroughAndIgnoresTheSdksBaseUrl() {
    Map<String, String> env = Map.of(
        "OPENROUTER_API_KEY", "sk-or",
        // What the SDK in the same shell uses to reach this gateway: must not become the upstream.
        "OPENROUTER_BASE_URL", "http://127.0.0.1:8080/api/v1");
    GatewayConfig config = ConfigLoader.zeroConfig(env);

    assertEquals(provider("openrouter", "openrouter", "https://openrouter.ai/api/v1", "sk-or"), config.provider("openrouter"));
    assertEquals(List.of("openrouter4j/simulated", "*"), modelIds(config));
    assertEquals("meta-llama/llama-3.1-8b-instruct", config.models().get(1).match("meta-llama/llama-3.1-8b-instruct"));
    // OpenRouter's answers cost what OpenRouter reports; the others stay free
    assertEquals(Pricing.UPSTREAM, config.models().get(1).endpoints().get(0).pricing());
    assertEquals(Pricing.FREE, config.models().get(0).endpoints().get(0).pricing());

    GatewayConfig upstream = ConfigLoader.zeroConfig(Map.of("OPENROUTER_API_KEY", "sk-or", "OPENROUTER_UPSTREAM_URL",
        "https://or.internal/api/v1"));
    assertEquals("https://or.internal/api/v1", upstream.provider("openrouter").baseUrl());
  }

  @Test
  void everyKeyTogetherListsTheCatchAllLast() {
    GatewayConfig config = ConfigLoader.zeroConfig(Map.of(
        "OPENAI_API_KEY", "a", "ANTHROPIC_API_KEY", "b", "OPENROUTER_API_KEY", "c", "ANTHROPIC_BASE_URL",
            "http://anthropic.local"));

    assertEquals(List.of("simulated", "openai", "anthropic", "openrouter"), providerIds(config));
    assertEquals(List.of("openrouter4j/simulated", "openai/*", "anthropic/*", "*"), modelIds(config));
    assertEquals("http://anthropic.local", config.provider("anthropic").baseUrl());
  }

  @Test
  void emptyVariablesCountAsUnset() {
    GatewayConfig config = ConfigLoader.zeroConfig(Map.of("OPENAI_API_KEY", "", "OPENAI_BASE_URL", " ",
        "OPENROUTER_API_KEY", ""));
    assertEquals(List.of("simulated"), providerIds(config));
  }

  @Test
  void aMalformedBaseUrlInTheEnvironmentIsNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.zeroConfig(Map.of("OPENAI_BASE_URL",
        "localhost:11434")));
    assertEquals("environment variable OPENAI_BASE_URL must be an http(s) URL, got 'localhost:11434'", e.getMessage());
  }
}
