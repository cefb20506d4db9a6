package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.embeddings.EmbeddingsRequest;
import dev.openrouter4j.api.embeddings.EmbeddingsResponse;
import dev.openrouter4j.api.account.Generation;
import dev.openrouter4j.api.models.Model;
import dev.openrouter4j.errors.PaymentRequiredException;
import dev.openrouter4j.gateway.StandInUpstream.Recorded;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /embeddings} end to end: OpenAI-compatible stand-ins answering with the spec's own
 * example answer, the simulated model, and an OpenRouter stand-in that prices its answers. The
 * request goes on with the endpoint's model, falls back as chat does, comes back with the gateway's
 * id and the client's model, the vectors as the upstream wrote them and the cost, and is recorded
 * and charged; the catalogue lists embedding models apart.
 */
class EmbeddingsGatewayTest {
  static final String MODEL = "openai/text-embedding-3-small";
  static Vertx vertx;
  StandInUpstream primary;
  StandInUpstream backup;
  StandInUpstream openrouter;
  GatewayHarness gw;

  @BeforeAll
  static void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  @BeforeEach
  void start() throws Exception {
    primary = new StandInUpstream(vertx);
    backup = new StandInUpstream(vertx);
    openrouter = new StandInUpstream(vertx);
    primary.serving("/embeddings", r -> Reply.json(200, OpenRouterSchemas.embeddingsExample()));
    backup.serving("/embeddings", r -> Reply.json(200, OpenRouterSchemas.embeddingsExample()));
    gw = gateway(null);
  }

  GatewayHarness gateway(String admin) throws Exception {
    String config = """
        providers:
          - id: primary
            kind: openai
            base_url: %s
            api_key: primary-key
          - id: backup
            kind: openai
            base_url: %s
          - id: openrouter
            kind: openrouter
            base_url: %s
          - id: claude
            kind: anthropic
            base_url: %s
            api_key: x
          - id: sim
            kind: simulated
            options: { ttft_ms: 0 }
        models:
          - id: %s
            output_modalities: [embeddings]
            endpoints:
              - provider: primary
                upstream_model: text-embedding-3-small
                pricing: { prompt: 0.02 }
              - provider: backup
                upstream_model: te3s
                pricing: { prompt: 0.05 }
          - id: or/embed
            output_modalities: [embeddings]
            endpoints:
              - provider: openrouter
                upstream_model: openai/text-embedding-3-small
          - id: sim/embed
            output_modalities: [embeddings]
            endpoints:
              - provider: sim
                pricing: { prompt: 1000, request: 0.001 }
          - id: anthropic/claude-x
            endpoints:
              - provider: claude
          - id: sim/chat
            endpoints:
              - provider: sim
        """.formatted(primary.baseUrl(), backup.baseUrl(), openrouter.baseUrl(), backup.baseUrl(), MODEL);
    Gateway.Options options = admin == null ? new Gateway.Options(Duration.ofMillis(50), 2) : new Gateway.Options(Duration.ofMillis(50), 2, admin);
    return new GatewayHarness(vertx, config, options);
  }

  @AfterEach
  void stop() throws Exception {
    gw.close();
    primary.close();
    backup.close();
    openrouter.close();
  }

  static JsonNode json(String body) throws Exception {
    return Json.mapper().readTree(body);
  }

  @Test
  void theRequestGoesOnWithTheEndpointsModelAndComesBackWithTheGatewaysIdTheClientsModelAndTheCost() throws Exception {
    EmbeddingsRequest request = EmbeddingsRequest.builder().model(MODEL).input("The quick brown fox jumps over the lazy dog").dimensions(3)
        .user("u-1").inputType("query").provider(ProviderPreferences.builder().sort(dev.openrouter4j.api.Enums.SortBy.PRICE).build()).build();
    EmbeddingsResponse answer = gw.client.embeddings().create(request);

    Recorded sent = primary.take();
    assertEquals("/v1/embeddings", sent.path());
    assertEquals("Bearer primary-key", sent.headers().get("authorization"));
    JsonNode body = json(sent.body());
    assertEquals("text-embedding-3-small", body.path("model").asText());
    assertEquals("The quick brown fox jumps over the lazy dog", body.path("input").asText());
    assertEquals(3, body.path("dimensions").asInt());
    assertEquals("u-1", body.path("user").asText());
    assertFalse(body.has("provider"), "a plain OpenAI-compatible upstream refuses OpenRouter's provider preferences: " + body);
    assertFalse(body.has("input_type"), "nor OpenRouter's input_type: " + body);

    JsonNode example = json(OpenRouterSchemas.embeddingsExample());
    assertTrue(answer.id().startsWith("gen-"), answer.id());
    assertEquals("list", answer.object());
    assertEquals(MODEL, answer.model());
    assertEquals(List.of(0.0023064255, -0.009327292, 0.015797347), answer.data().get(0).embedding().values());
    assertEquals(example.at("/usage/prompt_tokens").asInt(), answer.usage().promptTokens());
    double cost = 8 * 0.02 / 1e6;
    assertEquals(cost, answer.usage().cost(), 1e-15);
    assertEquals(cost, answer.usage().costDetails().upstreamInferencePromptCost(), 1e-15);

    Generation g = eventuallyRecorded(gw.client, answer.id());
    assertEquals(MODEL, g.model());
    assertEquals("primary", g.providerName());
    assertEquals(8, g.tokensPrompt());
    assertEquals(0, g.tokensCompletion());
    assertEquals(cost, g.totalCost(), 1e-15);
    assertFalse(g.streamed());
    assertEquals("embeddings", g.apiType());
    String chat = gw.client.chat().send(dev.openrouter4j.api.chat.ChatRequest.builder().model("sim/chat")
        .messages(dev.openrouter4j.api.chat.ChatMessage.user("hi")).build()).id();
    assertEquals("completions", eventuallyRecorded(gw.client, chat).apiType());
  }

  @Test
  void theVectorsAreTheUpstreamsBytes() throws Exception {
    String upstream = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[1.000000000000000000001,-2E-8,0.10]}],"
        + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}";
    primary.enqueue(Reply.json(200, upstream));
    HttpResponse<String> r = gw.post("/api/v1/embeddings", "{\"model\":\"" + MODEL + "\",\"input\":\"hi\",\"provider\":{\"order\":[\"primary\"]}}");

    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[1.000000000000000000001,-2E-8,0.10]}]"), r.body());
    assertEquals(r.headers().firstValue("x-generation-id").orElseThrow(), json(r.body()).path("id").asText());
    OpenRouterSchemas.assertValidEmbeddingsResult(json(r.body()));
  }

  @Test
  void aFailingOrUnreadableEndpointFallsBackToTheNextAtItsPrice() throws Exception {
    // the order pins primary first: by default routing balances the load across the endpoints by price
    primary.enqueue(Reply.json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
    EmbeddingsResponse answer = gw.client.embeddings().create(EmbeddingsRequest.builder().model(MODEL).input("hello")
        .provider(ProviderPreferences.builder().order("primary").build()).build());
    assertEquals(8 * 0.05 / 1e6, answer.usage().cost(), 1e-15);
    assertEquals("te3s", json(backup.take().body()).path("model").asText());
    Generation g = eventuallyRecorded(gw.client, answer.id());
    assertEquals("backup", g.providerName());

    // a 200 that is not an embeddings answer is the upstream's fault too (primary asked first: after
    // its failure routing would otherwise try backup first)
    primary.requests.clear();
    primary.enqueue(Reply.json(200, "{\"object\":\"list\"}"));
    answer = gw.client.embeddings().create(EmbeddingsRequest.builder().model(MODEL).input("hello")
        .provider(ProviderPreferences.builder().order("primary").build()).build());
    assertEquals(1, primary.requests.size(), "primary was asked first");
    assertEquals(8 * 0.05 / 1e6, answer.usage().cost(), 1e-15);

    // allow_fallbacks: false makes the first failure final, in OpenRouter's error shape (the order
    // puts primary first: after its failures routing would otherwise try backup first)
    primary.enqueue(Reply.json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
    HttpResponse<String> r = gw.post("/api/v1/embeddings",
        "{\"model\":\"" + MODEL + "\",\"input\":\"hi\",\"provider\":{\"order\":[\"primary\"],\"allow_fallbacks\":false}}");
    assertEquals(503, r.statusCode(), r.body());
    assertEquals(503, json(r.body()).at("/error/code").asInt());
    assertEquals("overloaded", json(r.body()).at("/error/message").asText());
  }

  @Test
  void anUpstreamRefusingTheRequestIsTheClients4xx() throws Exception {
    primary.enqueue(Reply.json(400, "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens\"}}"));
    HttpResponse<String> r = gw.post("/api/v1/embeddings", "{\"model\":\"" + MODEL + "\",\"input\":\"hi\",\"provider\":{\"order\":[\"primary\"]}}");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(json(r.body()).at("/error/message").asText().contains("maximum context length"), r.body());
    assertEquals(0, backup.requests.size(), "a request the upstream refused goes to no other endpoint of the model");
  }

  @Test
  void badRequestsAre400sNamingTheFieldAndCallNoUpstream() throws Exception {
    String[][] cases = {
        {"{\"model\":\"" + MODEL + "\"}", "input"},
        {"{\"model\":\"" + MODEL + "\",\"input\":\"\"}", "input"},
        {"{\"model\":\"" + MODEL + "\",\"input\":[\"a\",3]}", "input[1]"},
        {"{\"model\":\"" + MODEL + "\",\"input\":\"a\",\"dimensions\":0}", "dimensions"},
        {"{\"model\":\"" + MODEL + "\",\"input\":\"a\",\"encoding_format\":\"int8\"}", "encoding_format"},
        {"{\"input\":\"a\"}", "model"},
        {"[1]", "body"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = gw.post("/api/v1/embeddings", c[0]);
      assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
      JsonNode error = json(r.body()).path("error");
      assertEquals(400, error.path("code").asInt(), r.body());
      assertEquals(c[1], error.at("/metadata/param").asText(), r.body());
    }
    HttpResponse<String> notJson = gw.post("/api/v1/embeddings", "{\"model\":");
    assertEquals(400, notJson.statusCode(), notJson.body());
    assertEquals(0, primary.requests.size() + backup.requests.size());
  }

  @Test
  void aModelWithoutAnEndpointThatEmbedsIsA404AndAnUnknownOneA400() throws Exception {
    HttpResponse<String> claude = gw.post("/api/v1/embeddings", "{\"model\":\"anthropic/claude-x\",\"input\":\"hi\"}");
    assertEquals(404, claude.statusCode(), claude.body());
    assertTrue(json(claude.body()).at("/error/message").asText().contains("serve embeddings"), claude.body());

    // as for chat: an id nothing serves is not a valid model ID
    HttpResponse<String> unknown = gw.post("/api/v1/embeddings", "{\"model\":\"nobody/nothing\",\"input\":\"hi\"}");
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertEquals("nobody/nothing is not a valid model ID", json(unknown.body()).at("/error/message").asText());
    assertEquals(0, backup.requests.size(), "the Anthropic provider's base URL was called");
  }

  @Test
  void aChatRequestForAModelThatOnlyEmbedsIsA400ThatSaysWhereItIsServed() throws Exception {
    for (String path : List.of("/api/v1/chat/completions", "/api/v1/responses")) {
      String body = path.endsWith("responses") ? "{\"model\":\"" + MODEL + "\",\"input\":\"hi\"}"
          : "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      HttpResponse<String> r = gw.post(path, body);
      assertEquals(400, r.statusCode(), path + " -> " + r.body());
      assertTrue(json(r.body()).at("/error/message").asText().contains("POST /api/v1/embeddings"), r.body());
      assertEquals("model", json(r.body()).at("/error/metadata/param").asText(), r.body());
    }
    // with a text model to fall back to, the embedding model is left out and the text model answers
    HttpResponse<String> fallback = gw.post("/api/v1/chat/completions",
        "{\"models\":[\"" + MODEL + "\",\"sim/chat\"],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertEquals(200, fallback.statusCode(), fallback.body());
    assertEquals("sim/chat", json(fallback.body()).path("model").asText());
    assertEquals(0, primary.requests.size() + backup.requests.size(), "an upstream was asked to chat with an embedding model");
  }

  @Test
  void anOpenRouterUpstreamGetsTheProviderPreferencesAndItsReportedCostIsCharged() throws Exception {
    ObjectNode priced = (ObjectNode) json(OpenRouterSchemas.embeddingsExample());
    ((ObjectNode) priced.get("usage")).put("cost", 0.00000123);
    openrouter.serving("/embeddings", r -> Reply.json(200, priced.toString()));
    EmbeddingsResponse answer = gw.client.embeddings().create(EmbeddingsRequest.builder().model("or/embed").input("hi").inputType("document")
        .provider(ProviderPreferences.builder().order(List.of("openai")).build()).build());

    JsonNode sent = json(openrouter.take().body());
    assertEquals("document", sent.path("input_type").asText());
    assertEquals("openai/text-embedding-3-small", sent.path("model").asText());
    assertEquals("openai", sent.at("/provider/order/0").asText());
    assertEquals(0.00000123, answer.usage().cost(), 1e-15);
    assertEquals(null, answer.usage().costDetails(), "no prompt split to give for a cost the upstream set");
    assertEquals(0.00000123, eventuallyRecorded(gw.client, answer.id()).totalCost(), 1e-15);
  }

  @Test
  void theCatalogueListsEmbeddingModelsApart() throws Exception {
    List<String> text = gw.client.models().list().data().stream().map(Model::id).toList();
    assertEquals(List.of("anthropic/claude-x", "sim/chat"), text.stream().sorted().toList());

    List<Model> embedding = gw.client.embeddings().listModels().data();
    assertEquals(List.of(MODEL, "or/embed", "sim/embed"), embedding.stream().map(Model::id).toList());
    assertEquals(List.of("embeddings"), embedding.get(0).architecture().outputModalities());
    assertEquals("text->text", embedding.get(0).architecture().modality(), "as OpenRouter's own example lists an embedding model");
    assertEquals(List.of(), embedding.get(0).supportedParameters());
    assertEquals(List.of("or/embed"), gw.client.embeddings().listModels(1, 1).data().stream().map(Model::id).toList());

    assertEquals(3, json(gw.get("/api/v1/models?output_modalities=embeddings").body()).path("data").size());
    assertEquals(5, json(gw.get("/api/v1/models?output_modalities=all").body()).path("data").size());
    assertEquals(5, json(gw.get("/api/v1/models?output_modalities=text,embeddings").body()).path("data").size());
    assertEquals(5, json(gw.get("/api/v1/models/count?output_modalities=all").body()).at("/data/count").asInt());
    for (String bad : List.of("/api/v1/models?output_modalities=smell", "/api/v1/embeddings/models?limit=0", "/api/v1/embeddings/models?offset=x")) {
      HttpResponse<String> r = gw.get(bad);
      assertEquals(400, r.statusCode(), bad + " -> " + r.body());
      assertEquals(400, json(r.body()).at("/error/code").asInt(), r.body());
    }
  }

  @Test
  void aKeyIsChargedWhatItsEmbeddingsCostAndRefusedWhenItCannotCoverTheWorstCase() throws Exception {
    gw.close();
    String admin = GatewayKeysTest.ADMIN;
    gw = gateway(admin);
    try (OpenRouter management = gw.client(admin)) {
      // "a cat" is 2 tokens (the simulated model's count): 2 × 1000 USD per million plus 0.001 per
      // request; the reservation is its worst case, a token per UTF-8 byte: 5 × 1000 / 1e6 + 0.001
      double each = 2 * 1000 / 1e6 + 0.001;
      double worst = 5 * 1000 / 1e6 + 0.001;
      // room for the worst case twice (after one answer too), not a third time
      CreateKeyResponse k = GatewayLimitsTest.key(management, "embedder", each + worst + 0.0015, null);
      try (OpenRouter c = gw.client(k.key())) {
        EmbeddingsRequest request = EmbeddingsRequest.builder().model("sim/embed").input("a cat").build();
        for (int i = 1; i <= 2; i++) {
          assertEquals(each, c.embeddings().create(request).usage().cost(), 1e-12);
          int charged = i;
          GatewayLimitsTest.eventually(() -> Math.abs(c.apiKeys().current().usage() - charged * each) < 1e-9, "embedding " + charged + " to be charged");
        }
        PaymentRequiredException refused = assertThrows(PaymentRequiredException.class, () -> c.embeddings().create(request));
        assertTrue(refused.getMessage().contains("may cost up to $0.006000"), refused.getMessage());
        assertEquals(2 * each, c.apiKeys().current().usage(), 1e-9);
      }
      HttpResponse<String> managementEmbeds = gw.send("POST", "/api/v1/embeddings", admin, "{\"model\":\"sim/embed\",\"input\":\"a\"}");
      assertEquals(403, managementEmbeds.statusCode(), managementEmbeds.body());
    }
  }

  static Generation eventuallyRecorded(OpenRouter client, String id) throws InterruptedException {
    Generation[] found = new Generation[1];
    GatewayLimitsTest.eventually(() -> {
      try {
        found[0] = client.generations().get(id);
        return true;
      } catch (dev.openrouter4j.errors.NotFoundException notYet) {
        return false;
      }
    }, "generation " + id + " to be recorded");
    return found[0];
  }
}
