package dev.openrouter4j.gateway.config;

import static dev.openrouter4j.gateway.config.YamlText.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final String FULL = """
      server: { host: 0.0.0.0, port: 9090, max_body_bytes: 1048576 }
      storage: { url: "jdbc:postgresql://db:5432/or4j" }
      providers:
        - id: acme
          kind: openai
          base_url: http://127.0.0.1:9000/v1
          api_key: ${ACME_KEY}
          timeout_ms: 30000
          data_collection: deny
          zdr: true
          options: { ttft_ms: 200 }
      models:
        - id: meta-llama/llama-3.1-8b-instruct
          name: Llama 3.1 8B Instruct
          context_length: 131072
          endpoints:
            - provider: acme
              upstream_model: llama3.1:8b
              quantization: fp8
              pricing: { prompt: 0.02, completion: 0.05, request: 0, input_cache_read: 0.01, input_cache_write: 0.025 }
              supports: [tools, response_format, reasoning]
              max_completion_tokens: 8192
      """;

  @Test
  void theFullExampleParsesToTheExpectedRecords() {
    GatewayConfig config = ConfigLoader.parse(FULL, "config.yaml", Map.of("ACME_KEY", "sk-acme"));

    assertEquals(new ServerConfig("0.0.0.0", 9090, 1_048_576), config.server());
    assertEquals(new StorageConfig("jdbc:postgresql://db:5432/or4j"), config.storage());
    assertEquals(
        List.of(new ProviderConfig("acme", "openai", "http://127.0.0.1:9000/v1", "sk-acme", 30_000, "deny", true,
            Map.of("ttft_ms", 200L))),
        config.providers());
    Pricing pricing = new Pricing(0.02, 0.05, 0, 0.01, 0.025);
    List<String> supports = List.of("tools", "response_format", "reasoning");
    EndpointConfig endpoint = new EndpointConfig("acme", "llama3.1:8b", "fp8", pricing, supports, 8192);
    assertEquals(
        List.of(new ModelConfig("meta-llama/llama-3.1-8b-instruct", "Llama 3.1 8B Instruct", 131_072, List.of(endpoint))),
        config.models());
    assertTrue(config.provider("acme").deniesDataCollection());
  }

  @Test
  void aFileWithOnlyTheRequiredKeysGetsEveryDefault() {
    GatewayConfig config = parse("""
        providers:
          - { id: oa, kind: openai }
          - { id: an, kind: anthropic }
          - { id: or, kind: openrouter }
          - { id: sim, kind: simulated }
        models:
          - id: some/model
            endpoints: [{ provider: sim }]
        """);

    assertEquals(new ServerConfig("127.0.0.1", 8080, 10_485_760), config.server());
    assertEquals(new StorageConfig("jdbc:h2:file:./data/openrouter4j"), config.storage());
    assertEquals(new ProviderConfig("oa", "openai", "https://api.openai.com/v1", null, 600_000, "allow", false,
        Map.of()), config.provider("oa"));
    assertEquals("https://api.anthropic.com", config.provider("an").baseUrl());
    assertEquals("https://openrouter.ai/api/v1", config.provider("or").baseUrl());
    assertNull(config.provider("sim").baseUrl());
    assertEquals(
        List.of(new ModelConfig("some/model", "some/model", null, List.of(new EndpointConfig("sim", null, null,
            Pricing.FREE, List.of(), null)))),
        config.models());
  }

  @Test
  void responsesPassThroughDefaultsToOpenRouterAndOpenAisOwnApi() {
    GatewayConfig config = parse("""
        providers:
          - { id: or, kind: openrouter }
          - { id: or-proxy, kind: openrouter, base_url: "http://127.0.0.1:9000/api/v1" }
          - { id: oa, kind: openai }
          - { id: oa-upper, kind: openai, base_url: "https://API.OpenAI.com/v1/" }
          - { id: vllm, kind: openai, base_url: "http://127.0.0.1:8000/v1" }
          - { id: vllm-responses, kind: openai, base_url: "http://127.0.0.1:8000/v1", responses: true }
          - { id: oa-chat-only, kind: openai, responses: false }
          - { id: or-chat-only, kind: openrouter, responses: false }
          - { id: an, kind: anthropic }
          - { id: sim, kind: simulated }
        """);
    Map<String, Boolean> expected = new java.util.LinkedHashMap<>();
    expected.put("or", true);
    expected.put("or-proxy", true);
    expected.put("oa", true);
    expected.put("oa-upper", true);
    expected.put("vllm", false);
    expected.put("vllm-responses", true);
    expected.put("oa-chat-only", false);
    expected.put("or-chat-only", false);
    expected.put("an", false);
    expected.put("sim", false);
    Map<String, Boolean> actual = new java.util.LinkedHashMap<>();
    for (ProviderConfig p : config.providers()) actual.put(p.id(), p.responses());
    assertEquals(expected, actual);
  }

  @Test
  void anEmptyFileIsTheDefaultsWithNothingToServe() {
    for (String yaml : List.of("", "# nothing yet\n", "~\n")) {
      GatewayConfig config = parse(yaml);
      assertEquals(ServerConfig.defaults(), config.server());
      assertEquals(StorageConfig.defaults(), config.storage());
      assertEquals(List.of(), config.providers());
      assertEquals(List.of(), config.models());
    }
  }

  @Test
  void cacheAndRequestPricesDefaultSensibly() {
    GatewayConfig config = parse("""
        providers: [{ id: p, kind: simulated }]
        models:
          - id: m
            endpoints: [{ provider: p, pricing: { prompt: 1.5, completion: 2 } }]
        """);
    Pricing pricing = config.models().get(0).endpoints().get(0).pricing();
    assertEquals(new Pricing(1.5, 2, 0, null, null), pricing);
    assertEquals(1.5, pricing.cacheRead());
    assertEquals(1.5, pricing.cacheWrite());
  }

  @Test
  void anOpenRouterEndpointCostsWhatItsUpstreamReportsUnlessPriced() {
    GatewayConfig config = parse("""
        providers:
          - { id: or, kind: openrouter }
          - { id: gw, kind: openai, base_url: "http://127.0.0.1:9/v1" }
        models:
          - id: m
            endpoints:
              - { provider: or }
              - { provider: or, pricing: { prompt: 1, completion: 2 } }
              - { provider: gw, pricing: upstream }
              - { provider: gw }
        """);
    List<Pricing> pricing = config.models().get(0).endpoints().stream().map(EndpointConfig::pricing).toList();
    assertEquals(List.of(Pricing.UPSTREAM, new Pricing(1, 2, 0, null, null), Pricing.UPSTREAM, Pricing.FREE), pricing);
  }

  @Test
  void aModelSaysWhatItOutputsTextUnlessToldOtherwise() {
    GatewayConfig config = parse("""
        providers: [{ id: p, kind: simulated }]
        models:
          - { id: a/chat, endpoints: [{ provider: p }] }
          - { id: a/embed, output_modalities: [embeddings], endpoints: [{ provider: p }] }
          - { id: a/both, output_modalities: [text, image], endpoints: [{ provider: p }] }
        """);
    assertEquals(List.of("text"), config.models().get(0).outputModalities());
    assertEquals(List.of("embeddings"), config.models().get(1).outputModalities());
    assertTrue(config.models().get(1).outputs(ModelConfig.EMBEDDINGS));
    assertEquals(List.of("text", "image"), config.models().get(2).outputModalities());
  }

  @Test
  void modelIdsMayBePatterns() {
    GatewayConfig config = parse("""
        providers: [{ id: p, kind: simulated }]
        models:
          - { id: "openai/*", endpoints: [{ provider: p }] }
          - { id: "*", endpoints: [{ provider: p }] }
        """);
    assertEquals("gpt-4o", config.models().get(0).match("openai/gpt-4o"));
    assertEquals("x/y", config.models().get(1).match("x/y"));
  }

  @Test
  void environmentVariablesAreSubstitutedWithAndWithoutDefaults() {
    String yaml = """
        server:
          host: ${HOST:-127.0.0.1}
          port: "${PORT:-8080}"
        storage: { url: "jdbc:h2:file:${DATA_DIR}/db" }
        providers:
          - id: p
            kind: openai
            base_url: ${BASE:-http://localhost:11434/v1}
            api_key: ${KEY:-}
            zdr: ${ZDR:-false}
            options:
              rate: ${RATE:-5}
              label: "${LABEL:-7}"
              literal: $${NOT_A_VAR}
        """;

    GatewayConfig withDefaults = ConfigLoader.parse(yaml, "t.yaml", Map.of("DATA_DIR", "/var/or4j"));
    assertEquals(new ServerConfig("127.0.0.1", 8080, ServerConfig.DEFAULT_MAX_BODY_BYTES), withDefaults.server());
    assertEquals("jdbc:h2:file:/var/or4j/db", withDefaults.storage().url());
    ProviderConfig p = withDefaults.provider("p");
    assertEquals("http://localhost:11434/v1", p.baseUrl());
    assertNull(p.apiKey(), "an empty value counts as not given");
    assertEquals(false, p.zdr());
    // A plain scalar is typed after substitution, as if the value had been written there; a quoted
    // one stays a string. (Record fields parse numbers from either, so `port: "${PORT}"` works.)
    assertEquals(Map.of("rate", 5L, "label", "7", "literal", "${NOT_A_VAR}"), p.options());

    Map<String, String> env = Map.of(
        "DATA_DIR", "/d", "HOST", "0.0.0.0", "PORT", "9999", "BASE", "https://up.example/v1/", "KEY", "sk-1", "ZDR",
            "true", "RATE", "2.5");
    GatewayConfig set = ConfigLoader.parse(yaml, "t.yaml", env);
    assertEquals(new ServerConfig("0.0.0.0", 9999, ServerConfig.DEFAULT_MAX_BODY_BYTES), set.server());
    assertEquals("https://up.example/v1", set.provider("p").baseUrl(), "the trailing slash is dropped");
    assertEquals("sk-1", set.provider("p").apiKey());
    assertTrue(set.provider("p").zdr());
    assertEquals(2.5, set.provider("p").options().get("rate"));
  }

  @Test
  void anEmptyVariableTakesTheDefaultButIsKeptWithout() {
    String yaml = "server: { host: \"${H:-localhost}\" }\nstorage: { url: \"jdbc:h2:mem:${SUFFIX}\" }\n";
    GatewayConfig config = ConfigLoader.parse(yaml, "t.yaml", Map.of("H", "", "SUFFIX", ""));
    assertEquals("localhost", config.server().host());
    assertEquals("jdbc:h2:mem:", config.storage().url());
  }

  @Test
  void optionsKeepNestedValuesAsPlainJava() {
    GatewayConfig config = parse("""
        providers:
          - id: sim
            kind: simulated
            options:
              ttft_ms: 0
              jitter: 0.5
              stream: true
              answer: "42"
              faults: [{ after_tokens: 3, kind: cut }]
              yes_is_a_string: yes
              dropped: ~
        """);
    Map<String, Object> options = config.provider("sim").options();
    assertEquals(0L, options.get("ttft_ms"));
    assertEquals(0.5, options.get("jitter"));
    assertEquals(true, options.get("stream"));
    assertEquals("42", options.get("answer"));
    assertEquals(List.of(Map.of("after_tokens", 3L, "kind", "cut")), options.get("faults"));
    assertEquals("yes", options.get("yes_is_a_string"));
    assertTrue(!options.containsKey("dropped"));
  }

  @Test
  void loadReadsAFileAndNamesItInMessages(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, "server:\n  port: 7070\n");
    assertEquals(7070, ConfigLoader.load(file, Map.of()).server().port());

    Files.writeString(file, "server:\n  prot: 7070\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
    assertTrue(e.getMessage().startsWith(file + ":2:3: unknown key 'prot' in server"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'port'?"), e.getMessage());
  }

  @Test
  void aMissingFileIsAConfigException(@TempDir Path dir) {
    Path file = dir.resolve("absent.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
    assertEquals(file + ": no such file", e.getMessage());
  }

  @Test
  void overridesReplaceHostAndPortOnly() {
    GatewayConfig config = ConfigLoader.parse(FULL, "c.yaml", Map.of("ACME_KEY", "k"));
    GatewayConfig both = ConfigLoader.withOverrides(config, "localhost", 0);
    assertEquals(new ServerConfig("localhost", 0, 1_048_576), both.server());
    assertEquals(config.providers(), both.providers());
    assertEquals(config.models(), both.models());
    assertEquals(config.storage(), both.storage());

    assertEquals(config.server(), ConfigLoader.withOverrides(config, null, null).server());
    assertEquals(new ServerConfig("0.0.0.0", 1234, 1_048_576), ConfigLoader.withOverrides(config, null, 1234).server());
    assertEquals("--port must be from 0 to 65535, got 70000",
        assertThrows(ConfigException.class, () -> ConfigLoader.withOverrides(config, null, 70_000)).getMessage());
    assertEquals("--host must not be empty",
        assertThrows(ConfigException.class, () -> ConfigLoader.withOverrides(config, " ", null)).getMessage());
  }
}
