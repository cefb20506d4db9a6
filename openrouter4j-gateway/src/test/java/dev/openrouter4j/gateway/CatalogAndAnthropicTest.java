package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.EventStream;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.chat.ChatTool;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An Anthropic upstream through the chat completions API, and the catalogue endpoints built from the configuration. */
class CatalogAndAnthropicTest {
  static Vertx vertx;
  static StandInUpstream anthropic;
  static GatewayHarness gw;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    anthropic = new StandInUpstream(vertx);
    gw = new GatewayHarness(vertx, """
        providers:
          - id: claude
            kind: anthropic
            base_url: %s
            api_key: ant-key
        models:
          - id: anthropic/claude-sonnet-4.5
            name: Claude Sonnet 4.5
            context_length: 200000
            endpoints:
              - provider: claude
                upstream_model: claude-sonnet-4-5
                quantization: bf16
                pricing: { prompt: 3, completion: 15, input_cache_read: 0.3 }
                supports: [tools, reasoning]
                max_completion_tokens: 64000
        """.formatted(anthropic.baseUrl()));
  }

  @org.junit.jupiter.api.BeforeEach
  void forgetEarlierRequests() {
    anthropic.requests.clear();
  }

  @AfterAll
  static void stop() throws Exception {
    gw.close();
    anthropic.close();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  static String fixture(String name) throws Exception {
    return Files.readString(ChatCompletionsTest.fixture("anthropic/" + name));
  }

  static ChatRequest ask() {
    return ChatRequest.builder().model("anthropic/claude-sonnet-4.5").messages(ChatMessage.system("Be brief."), ChatMessage.user("Hi")).build();
  }

  @Test
  void aRecordedAnthropicStreamComesOutAsChatChunks() throws Exception {
    anthropic.enqueue(Reply.sse(fixture("messages-stream-text.sse")));
    try (EventStream<ChatStreamChunk> stream = gw.client.chat().stream(ask())) {
      ChatResult result = ChatAccumulator.accumulate(stream);
      assertTrue(!result.text().isEmpty());
      assertEquals("stop", result.choices().get(0).finishReason());
      assertTrue(result.usage().promptTokens() > 0 && result.usage().completionTokens() > 0);
    }
    StandInUpstream.Recorded r = anthropic.take();
    assertTrue(r.path().endsWith("/v1/messages"), r.path());
    assertEquals("ant-key", r.headers().get("x-api-key"));
    JsonNode body = Json.mapper().readTree(r.body());
    assertEquals("claude-sonnet-4-5", body.path("model").asText());
    assertEquals("Be brief.", body.path("system").asText());
  }

  @Test
  void aRecordedToolUseBecomesChatToolCalls() throws Exception {
    anthropic.enqueue(Reply.json(200, fixture("messages-nonstream-tool-use.json")));
    ChatResult result = gw.client.chat().send(ask().toBuilder()
        .tools(ChatTool.function("json", "answer", Map.of("type", "object"))).build());
    var call = result.choices().get(0).message().toolCalls().get(0);
    assertEquals("tool_calls", result.choices().get(0).finishReason());
    assertTrue(Json.mapper().readTree(call.function().arguments()).isObject());
  }

  @Test
  void anOverloadedErrorMidStreamEndsInOpenRoutersErrorChunk() throws Exception {
    String text = fixture("messages-stream-text.sse");
    String head = text.substring(0, text.indexOf("event: content_block_stop"));
    anthropic.enqueue(Reply.sse(head, fixture("messages-stream-error-overloaded.sse")));
    HttpResponse<String> r = gw.post("/api/v1/chat/completions",
        "{\"model\":\"anthropic/claude-sonnet-4.5\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"finish_reason\":\"error\""), r.body());
    assertTrue(r.body().contains("\"code\":529"), r.body());
    assertTrue(r.body().contains("provider_overloaded"), r.body());
    OpenRouterSchemas.checkChatSse(r.body());
  }

  /** Every recorded Anthropic answer (text, thinking with its signature, tool use), relayed as OpenRouter documents chat answers. */
  @ParameterizedTest
  @ValueSource(strings = {
      "messages-stream-text.sse", "messages-stream-thinking.sse", "messages-stream-tool-use.sse",
      "messages-nonstream-text.json", "messages-nonstream-thinking.json", "messages-nonstream-tool-use.json"})
  void everyRecordedAnswerIsRelayedValidAgainstOpenRoutersSchema(String name) throws Exception {
    boolean stream = name.endsWith(".sse");
    anthropic.enqueue(stream ? Reply.sse(fixture(name)) : Reply.json(200, fixture(name)));
    HttpResponse<String> r = gw.post("/api/v1/chat/completions",
        "{\"model\":\"anthropic/claude-sonnet-4.5\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertEquals(200, r.statusCode(), r.body());
    if (stream) assertFalse(OpenRouterSchemas.checkChatSse(r.body()).isEmpty());
    else assertEquals("anthropic/claude-sonnet-4.5", OpenRouterSchemas.assertValidChatResult(r.body()).path("model").asText());
  }

  @Test
  void modelsListTheConfiguredModelsWithPerTokenPrices() throws Exception {
    JsonNode body = Json.mapper().readTree(gw.get("/api/v1/models").body());
    assertEquals(1, body.path("total_count").asInt());
    JsonNode m = body.path("data").path(0);
    assertEquals("anthropic/claude-sonnet-4.5", m.path("id").asText());
    assertEquals("Claude Sonnet 4.5", m.path("name").asText());
    assertEquals(200000, m.path("context_length").asInt());
    assertEquals("0.000003", m.path("pricing").path("prompt").asText());
    assertEquals("0.000015", m.path("pricing").path("completion").asText());
    assertTrue(m.path("supported_parameters").toString().contains("tools"));
    assertEquals(1, Json.mapper().readTree(gw.get("/api/v1/models/count").body()).path("data").path("count").asInt());
    assertEquals("anthropic/claude-sonnet-4.5",
        Json.mapper().readTree(gw.get("/api/v1/model/anthropic/claude-sonnet-4.5").body()).path("data").path("id").asText());
  }

  @Test
  void endpointsDescribeEachProviderOfAModel() throws Exception {
    HttpResponse<String> r = gw.get("/api/v1/models/anthropic/claude-sonnet-4.5/endpoints");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode ep = Json.mapper().readTree(r.body()).path("data").path("endpoints").path(0);
    assertEquals("claude", ep.path("provider_name").asText());
    assertEquals("bf16", ep.path("quantization").asText());
    assertEquals(64000, ep.path("max_completion_tokens").asInt());
    assertEquals("0.0000003", ep.path("pricing").path("input_cache_read").asText());
    assertEquals(404, gw.get("/api/v1/models/no/such/endpoints").statusCode());
    assertEquals(404, gw.get("/api/v1/model/no/such").statusCode());
  }

  @Test
  void providersHealthAndMetricsAnswer() throws Exception {
    JsonNode providers = Json.mapper().readTree(gw.get("/api/v1/providers").body());
    assertEquals("claude", providers.path("data").path(0).path("slug").asText());
    assertEquals(200, gw.get("/health").statusCode());
    anthropic.enqueue(Reply.json(200, fixture("messages-nonstream-text.json")));
    gw.client.chat().send(ask());
    String requests = "openrouter4j_requests_total{route=\"chat\",status=\"200\"}";
    String tokens = "openrouter4j_tokens_total{model=\"anthropic/claude-sonnet-4.5\",provider=\"claude\",type=\"completion\"}";
    String metrics = gw.metricsHolding(requests, tokens);
    assertTrue(metrics.contains(requests), metrics);
    assertTrue(metrics.contains(tokens), metrics);
  }

  @Test
  void theSdksCatalogueOperationsReadTheGatewaysAnswers() {
    var models = gw.client.models().list();
    assertEquals(1, models.data().size());
    assertEquals("0.000003", models.data().get(0).pricing().prompt());
    assertEquals(1, gw.client.models().count());
    assertEquals("Claude Sonnet 4.5", gw.client.models().get("anthropic", "claude-sonnet-4.5").name());
    var endpoints = gw.client.endpoints().list("anthropic", "claude-sonnet-4.5");
    assertEquals("claude", endpoints.endpoints().get(0).providerName());
    assertEquals("claude", gw.client.providers().list().get(0).slug());
  }
}
