package dev.openrouter4j.gateway.config;

import static dev.openrouter4j.gateway.config.YamlText.assertError;
import static dev.openrouter4j.gateway.config.YamlText.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message names the source, the line and column (found from the text) and the key. */
class ConfigErrorsTest {
  /** Valid except where a case puts its mistake: a template with one slot per level. */
  private static String withMistake(
      String top, String server, String provider, String model, String endpoint, String pricing) {
    return """
        server:
          port: 8080
        %s
        providers:
          - id: acme
            kind: openai
          - id: other
            kind: simulated
        %s
        models:
          - id: m/one
            endpoints:
              - provider: acme
          - id: m/two
        %s
            endpoints:
              - provider: acme
              - provider: other
        %s
                pricing:
                  prompt: 1
        %s
        %s
        """.formatted(server, provider, model, endpoint, pricing, top);
  }

  /** A case: the text, where in it the error points, and what the message must contain. */
  private static Arguments failing(String yaml, String at, String... parts) {
    return Arguments.of(yaml, at, parts);
  }

  private static Arguments named(String name, String yaml, String at, String... parts) {
    return Arguments.of(name, yaml, at, parts);
  }

  static Stream<Arguments> unknownKeys() {
    return Stream.of(
        named("top level", withMistake("servers: {}", "", "", "", "", ""), "servers:",
            "unknown key 'servers' at the top level", "did you mean 'server'?",
            "known: server, storage, providers, models"),
        named("server", withMistake("", "  hots: 0.0.0.0", "", "", "", ""), "hots:",
            "unknown key 'hots' in server", "known: host, port, max_body_bytes"),
        named("provider", withMistake("", "", "    timeout: 5", "", "", ""), "timeout:",
            "unknown key 'timeout' in providers[1]", "did you mean 'timeout_ms'?",
            "known: id, kind, base_url, api_key, timeout_ms, data_collection, zdr, options, responses"),
        named("model", withMistake("", "", "", "    contextLength: 8", "", ""), "contextLength:",
            "unknown key 'contextLength' in models[1]", "did you mean 'context_length'?"),
        named("endpoint", withMistake("", "", "", "", "        price: 1", ""), "price:",
            "unknown key 'price' in models[1].endpoints[1]",
            "known: provider, upstream_model, quantization, pricing, supports, max_completion_tokens"),
        named("pricing", withMistake("", "", "", "", "", "          output: 2"), "output:",
            "unknown key 'output' in models[1].endpoints[1].pricing",
            "known: prompt, completion, request, input_cache_read, input_cache_write"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownKeys")
  void unknownKeysAreErrorsAtTheirLine(String level, String yaml, String at, String[] parts) {
    assertError(yaml, at, parts);
  }

  @Test
  void theTemplateItselfIsValid() {
    YamlText.parse(withMistake("", "", "", "", "", ""));
  }

  @Test
  void storageKeysAreCheckedToo() {
    assertError("storage:\n  uri: jdbc:h2:mem:x\n", "uri:", "unknown key 'uri' in storage", "did you mean 'url'?");
  }

  static Stream<Arguments> missingRequiredKeys() {
    String provider = "providers: [{ id: a, kind: openai }]\n";
    return Stream.of(
        failing("providers:\n  - kind: openai\n", "kind: openai",
            "missing required key 'id' in providers[0]"),
        failing("providers:\n  - id: a\n    kind: openai\n  - id: b\n    base_url: http://x\n", "id: b",
            "missing required key 'kind' in providers[1]"),
        failing(provider + "models:\n  - name: M\n    endpoints: [{ provider: a }]\n", "name: M",
            "missing required key 'id' in models[0]"),
        failing(provider + "models:\n  - id: m\n    endpoints:\n      - provider: a\n      - upstream_model: x\n",
            "upstream_model: x",
            "missing required key 'provider' in models[0].endpoints[1]"),
        failing(provider + "models:\n  - id: m\n    name: M\n", "id: m",
            "missing required key 'endpoints' in models[0]"),
        failing("providers:\n  - id: \"\"\n    kind: openai\n", "id:",
            "providers[0].id must not be empty"),
        failing("providers:\n  - id: a\n    kind:\n", "kind:",
            "providers[0].kind must not be empty"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("missingRequiredKeys")
  void missingRequiredKeysNameThePathAndLine(String yaml, String at, String[] parts) {
    assertError(yaml, at, parts);
  }

  @Test
  void aModelNeedsAtLeastOneEndpoint() {
    String yaml = "providers: [{ id: a, kind: openai }]\nmodels:\n  - id: m\n    endpoints: []\n";
    assertError(yaml, "[]", "models[0].endpoints must list at least one endpoint");
  }

  static Stream<Arguments> wrongValues() {
    String p = "providers:\n  - id: a\n    kind: openai\n";
    String m = p + "models:\n  - id: m\n    endpoints:\n      - provider: a\n";
    return Stream.of(
        failing("server:\n  port: abc\n", "abc", "server.port must be an integer from 0 to 65535, got 'abc'"),
        failing("server:\n  port: 70000\n", "70000",
            "server.port must be an integer from 0 to 65535, got '70000'"),
        failing("server:\n  port: 80.5\n", "80.5",
            "server.port must be an integer from 0 to 65535, got '80.5'"),
        failing("server:\n  port: [1]\n", "[1]",
            "server.port must be an integer from 0 to 65535, got a list"),
        failing("server:\n  max_body_bytes: -1\n", "-1",
            "server.max_body_bytes must be an integer >= 1, got '-1'"),
        failing("server: 8080\n", "8080", "server must be a mapping (key: value), got '8080'"),
        failing(p + "models:\n  - id: m\n    output_modalities: [embedding]\n    endpoints: [{ provider: a }]\n", "embedding",
            "models[0].output_modalities[0] must be one of text, image, embeddings, audio, video, rerank, speech, transcription, got 'embedding'"),
        failing(p + "models:\n  - id: m\n    output_modalities: []\n    endpoints: [{ provider: a }]\n", "[]",
            "models[0].output_modalities must list at least one modality"),
        failing(m + "        pricing: free\n", "free",
            "models[0].endpoints[0].pricing must be a mapping of prices (prompt, completion, request, input_cache_read, input_cache_write) or upstream, got 'free'"),
        failing("providers:\n  - id: a\n    kind: anthropic\nmodels:\n  - id: m\n    endpoints:\n      - provider: a\n        pricing: upstream\n",
            "upstream", "models[0].endpoints[0].pricing: upstream pricing needs an upstream that reports each answer's cost (kinds openai, openrouter);"
                + " kind anthropic reports none, so give prices"),
        failing("- a\n- b\n", "- a", "the top level must be a mapping (key: value), got a list"),
        failing("storage:\n  url: postgres://db/x\n", "postgres:", "storage.url must be a JDBC URL"),
        failing("providers:\n  id: a\n", "id: a", "providers must be a list, got a mapping"),
        failing("providers:\n  - id: Acme Corp\n    kind: openai\n", "Acme",
            "providers[0].id must be a lowercase slug", "got 'Acme Corp'"),
        failing("providers:\n  - id: acme/eu\n    kind: openai\n", "acme/eu",
            "providers[0].id must be a lowercase slug", "no '/'"),
        failing("providers:\n  - id: a\n    kind: gemini\n", "gemini",
            "providers[0].kind must be one of openai, anthropic, openrouter, simulated, got 'gemini'"),
        failing(p + "    timeout_ms: -5\n", "-5",
            "providers[0].timeout_ms must be an integer >= 1, got '-5'"),
        failing(p + "    data_collection: maybe\n", "maybe",
            "providers[0].data_collection must be one of allow, deny, got 'maybe'"),
        failing(p + "    zdr: yes\n", "yes", "providers[0].zdr must be true or false, got 'yes'"),
        failing(p + "    responses: sometimes\n", "sometimes", "providers[0].responses must be true or false, got 'sometimes'"),
        failing(p + "    base_url: localhost:9000\n", "localhost:9000",
            "providers[0].base_url must be an http(s) URL, got 'localhost:9000'"),
        failing(p + "    options: [ttft_ms]\n", "[ttft_ms]",
            "providers[0].options must be a mapping (key: value), got a list"),
        failing(p + "models:\n  - id: openai/gpt-*\n    endpoints: [{ provider: a }]\n", "openai/gpt-*",
            "models[0].id must be a model id", "got 'openai/gpt-*'"),
        failing(p + "models:\n  - id: m\n    name: [x]\n    endpoints: [{ provider: a }]\n", "[x]",
            "models[0].name must be a string, got a list"),
        failing(p + "models:\n  - id: m\n    context_length: 0\n    endpoints: [{ provider: a }]\n", "0",
            "models[0].context_length must be an integer from 1 to 2147483647, got '0'"),
        failing(m + "        quantization: FP8\n", "FP8",
            "models[0].endpoints[0].quantization must be one of int4, int8", "got 'FP8'"),
        failing(m + "        supports: tools\n", "tools",
            "models[0].endpoints[0].supports must be a list, got 'tools'"),
        failing(m + "        max_completion_tokens: -1\n", "-1",
            "models[0].endpoints[0].max_completion_tokens must be an integer from 1"),
        failing(m + "        pricing:\n          prompt: -0.5\n", "-0.5",
            "models[0].endpoints[0].pricing.prompt must be a number >= 0, got '-0.5'"),
        failing(m + "        pricing:\n          completion: cheap\n", "cheap",
            "models[0].endpoints[0].pricing.completion must be a number >= 0, got 'cheap'"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("wrongValues")
  void wrongValuesNameTheKeyAndLine(String yaml, String at, String[] parts) {
    assertError(yaml, at, parts);
  }

  @Test
  void responsesIsOnlyForKindsWhoseUpstreamMayServeTheResponsesApi() {
    for (String kind : java.util.List.of("anthropic", "simulated")) {
      String yaml = "providers:\n  - id: a\n    kind: openai\n  - id: b\n    kind: " + kind + "\n    responses: true\n";
      assertError(yaml, "true", "providers[1].responses is only valid for kinds openai and openrouter", "not '" + kind + "'");
    }
  }

  @Test
  void aMultiLineValueIsQuotedOnOneLine() {
    assertError("server:\n  port: |\n    80\n    81\n", "|", "server.port must be an integer from 0 to 65535, got '80\\n81\\n'");
  }

  @Test
  void anEndpointMustNameAConfiguredProvider() {
    String yaml = """
        providers:
          - { id: acme, kind: openai }
          - { id: beta, kind: simulated }
        models:
          - id: m
            endpoints:
              - provider: acme
              - provider: acme2
        """;
    assertError(yaml, "acme2", "models[0].endpoints[1].provider must be a configured provider (acme, beta), got 'acme2'");
    assertError("models:\n  - id: m\n    endpoints: [{ provider: x }]\n", "x }", "none are configured");
  }

  @Test
  void duplicateProviderIdsNameBothLines() {
    String yaml = """
        providers:
          - id: acme
            kind: openai
          - id: beta
            kind: openai
          - id: acme   # again
            kind: anthropic
        """;
    assertError(yaml, "acme   #", "duplicate provider id 'acme' in providers[2]", "(first at line " + lineOf(yaml,
        "id: acme") + ")");
  }

  @Test
  void duplicateModelIdsNameBothLines() {
    String yaml = """
        providers: [{ id: p, kind: simulated }]
        models:
          - id: "openai/*"
            endpoints: [{ provider: p }]
          - id: openai/*  # again
            endpoints: [{ provider: p }]
        """;
    assertError(yaml, "openai/*  #", "duplicate model id 'openai/*' in models[1]", "(first at line " + lineOf(yaml,
        "\"openai/*\"") + ")");
  }

  @Test
  void aKeyGivenTwiceIsAnError() {
    String yaml = "server:\n  port: 1\n  host: x\n  port: 2\n";
    assertError(yaml, "port: 2", "duplicate key 'port' in server (first at line 2)");
  }

  @Test
  void anUnsetVariableWithoutDefaultNamesTheVariableAndKey() {
    String yaml = """
        providers:
          - id: acme
            kind: openai
            api_key: ${ACME_KEY}
        """;
    assertError(yaml, "${ACME_KEY}", "providers[0].api_key: environment variable 'ACME_KEY' is not set",
        "${ACME_KEY:-default}");
    // Set, the same file is fine.
    assertTrue(ConfigLoader.parse(yaml, "t", Map.of("ACME_KEY", "k")).provider("acme").apiKey().equals("k"));
  }

  @Test
  void aMalformedReferenceIsAnError() {
    assertError("server:\n  host: ${HOST\n", "${HOST", "server.host: malformed variable reference");
    assertError("server:\n  host: ${1X}\n", "${1X}", "server.host: malformed variable reference");
  }

  @Test
  void aSubstitutedValueIsCheckedLikeAWrittenOne() {
    assertError("server:\n  port: ${PORT}\n", Map.of("PORT", "http"), "${PORT}",
        "server.port must be an integer from 0 to 65535, got 'http'");
  }

  @Test
  void yamlSyntaxErrorsGiveTheirPosition() {
    assertError("server:\n\tport: 1\n", "\tport", "invalid YAML: ", "cannot start any token");
    assertError("server:\n  port: 1\n  host: x: y\n", ": y", "invalid YAML: mapping values are not allowed here");
    // An unquoted ${…} inside { } is the likeliest way to hit this, so the message says what to do.
    assertError("server: { port: ${PORT} }\n", "{PORT", "invalid YAML: ", "quote values that use ${…}");
    assertEquals(9090, ConfigLoader.parse("server: { port: \"${PORT}\" }\n", "t", Map.of("PORT", "9090")).server().port());
  }

  @Test
  void mergeKeysAreRejectedClearly() {
    String yaml = "base: &b { port: 1 }\n";
    assertError(yaml, "base:", "unknown key 'base' at the top level");
    assertError("server:\n  <<: { port: 1 }\n", "<<", "merge keys (<<) are not supported, in server");
  }
}
