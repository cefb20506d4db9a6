package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.EventStream;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.errors.ApiException;
import dev.openrouter4j.errors.StreamException;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chat completions end to end: SDK → gateway → stand-in upstreams speaking the recorded OpenAI format. */
class ChatCompletionsTest {
  static Vertx vertx;
  StandInUpstream primary;
  StandInUpstream backup;
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
    gw = new GatewayHarness(vertx, config(primary, backup, 60000));
  }

  static String config(StandInUpstream primary, StandInUpstream backup, long timeoutMs) {
    return """
        providers:
          - id: primary
            kind: openai
            base_url: %s
            api_key: upstream-key
            timeout_ms: %d
          - id: backup
            kind: openai
            base_url: %s
            timeout_ms: %d
        models:
          - id: acme/model
            context_length: 8192
            endpoints:
              - provider: primary
                upstream_model: served-by-primary
                pricing: { prompt: 1, completion: 2 }
              - provider: backup
                upstream_model: served-by-backup
                pricing: { prompt: 30, completion: 60 }
          - id: acme/other
            endpoints:
              - provider: backup
                pricing: { prompt: 1, completion: 1 }
        """.formatted(primary.baseUrl(), timeoutMs, backup.baseUrl(), timeoutMs);
  }

  @AfterEach
  void stop() throws Exception {
    gw.close();
    primary.close();
    backup.close();
  }

  static Path fixture(String name) {
    String shared = System.getProperty("openrouter4j.shared", "../../shared");
    return Path.of(shared, "fixtures", name);
  }

  static String completion(String model, String text) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"" + model + "\","
        + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"}}],"
        + "\"usage\":{\"prompt_tokens\":1000000,\"completion_tokens\":500000,\"total_tokens\":1500000}}";
  }

  static ChatRequest hello() {
    return ChatRequest.builder().model("acme/model").messages(ChatMessage.user("Hello")).build();
  }

  @Test
  void aCompletionIsRelayedWithTheGatewaysIdModelProviderAndCost() throws Exception {
    primary.enqueue(Reply.json(200, Files.readString(fixture("openai/chat-completion-nonstream.json"))));
    ChatResult result = gw.client.chat().send(hello().toBuilder().provider(ProviderPreferences.builder().order("primary").build()).build());
    assertTrue(result.id().startsWith("gen-"), result.id());
    assertEquals("acme/model", result.model());
    assertEquals("primary", result.provider());
    assertFalse(result.text().isEmpty());
    assertNotNull(result.usage().cost());

    StandInUpstream.Recorded r = primary.take();
    assertEquals("/v1/chat/completions", r.path());
    assertEquals("Bearer upstream-key", r.headers().get("authorization"));
    JsonNode sent = Json.mapper().readTree(r.body());
    assertEquals("served-by-primary", sent.path("model").asText());
    assertNull(sent.get("provider"), "OpenRouter-only fields are not sent to an OpenAI-compatible upstream");
    assertEquals("Hello", sent.path("messages").path(0).path("content").asText());
  }

  @Test
  void costFollowsTheServingEndpointsPricing() {
    primary.enqueue(Reply.json(200, completion("x", "hi")));
    ChatResult result = gw.client.chat().send(hello().toBuilder().provider(ProviderPreferences.builder().order("primary").build()).build());
    // 1M prompt tokens at $1/M plus 0.5M completion tokens at $2/M
    assertEquals(2.0, result.usage().cost(), 1e-9);
    assertEquals(1.0, result.usage().costDetails().upstreamInferencePromptCost(), 1e-9);
  }

  @Test
  void aStreamIsRelayedChunkByChunkEndingWithUsageAndDone() throws Exception {
    primary.enqueue(Reply.sse(Files.readString(fixture("openai/chat-stream-text-usage.sse"))).delayEach(Duration.ZERO));
    List<ChatStreamChunk> chunks = new ArrayList<>();
    try (EventStream<ChatStreamChunk> stream =
        gw.client.chat().stream(hello().toBuilder().provider(ProviderPreferences.builder().order("primary").build()).build())) {
      stream.forEach(chunks::add);
    }
    ChatResult result = ChatAccumulator.accumulate(chunks);
    assertFalse(result.text().isEmpty());
    assertEquals("stop", result.choices().get(0).finishReason());
    assertEquals(1, gw.sdkHttp.check(), "the stream the SDK read was checked against OpenRouter's schema");
    ChatStreamChunk last = chunks.get(chunks.size() - 1);
    assertNotNull(last.usage(), "usage comes in the last chunk");
    assertNotNull(last.usage().cost());
    assertTrue(chunks.stream().allMatch(c -> c.id().equals(chunks.get(0).id()) && c.model().equals("acme/model")));
    JsonNode sent = Json.mapper().readTree(primary.take().body());
    assertTrue(sent.path("stream").asBoolean());
    assertTrue(sent.path("stream_options").path("include_usage").asBoolean());
  }

  @Test
  void anUpstream503FallsBackToTheNextProvider() throws Exception {
    primary.always(Reply.json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
    backup.enqueue(Reply.json(200, completion("served-by-backup", "from backup")));
    ChatResult result = gw.client.chat().send(hello().toBuilder().provider(ProviderPreferences.builder().order("primary", "backup").build()).build());
    assertEquals("from backup", result.text());
    assertEquals("backup", result.provider());
    assertEquals("served-by-backup", Json.mapper().readTree(backup.take().body()).path("model").asText());
    String metrics = gw.metricsHolding("openrouter4j_upstream_errors_total{provider=\"primary\",status=\"503\"}");
    assertTrue(metrics.contains("openrouter4j_upstream_errors_total{provider=\"primary\",status=\"503\"}"),
        "a failure a fallback recovered from still counts as an upstream error: " + metrics);
  }

  @Test
  void rateLimitsAndRefusedConnectionsFallBackToo() throws Exception {
    primary.enqueue(Reply.json(429, "{\"error\":{\"message\":\"slow down\"}}"));
    backup.enqueue(Reply.json(200, completion("b", "ok after 429")));
    assertEquals("ok after 429", gw.client.chat().send(hello().toBuilder().provider(ProviderPreferences.builder().order("primary", "backup").build()).build()).text());
    primary.close();
    backup.enqueue(Reply.json(200, completion("b", "ok after refused")));
    assertEquals("ok after refused", gw.client.chat().send(hello().toBuilder().provider(ProviderPreferences.builder().order("primary", "backup").build()).build()).text());
  }

  @Test
  void withFallbacksDisallowedTheFirstErrorIsReturned() {
    primary.enqueue(Reply.json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
    ApiException e = assertThrows(ApiException.class, () -> gw.client.chat().send(hello().toBuilder()
        .provider(ProviderPreferences.builder().order("primary").allowFallbacks(false).build()).build()));
    assertEquals(503, e.statusCode());
    assertEquals("overloaded", e.errorMessage());
    assertEquals(0, backup.requests.size());
  }

  @Test
  void aClientErrorFromTheUpstreamIsNotRetriedOnAnotherProviderButTheNextModelIsTried() throws Exception {
    primary.enqueue(Reply.json(400, "{\"error\":{\"message\":\"context too long\"}}"));
    backup.enqueue(Reply.json(200, completion("acme/other", "other model")));
    ChatResult result = gw.client.chat().send(hello().toBuilder().models(List.of("acme/other"))
        .provider(ProviderPreferences.builder().order("primary", "backup").build()).build());
    assertEquals("other model", result.text());
    assertEquals("acme/other", result.model());
    assertEquals("acme/other", Json.mapper().readTree(backup.take().body()).path("model").asText());
  }

  @Test
  void whenEveryProviderFailsTheErrorListsTheAttempts() {
    primary.always(Reply.json(502, "{\"error\":{\"message\":\"bad\"}}"));
    backup.always(Reply.json(503, "{\"error\":{\"message\":\"down\"}}"));
    ApiException e = assertThrows(ApiException.class, () -> gw.client.chat().send(hello()));
    assertEquals(503, e.statusCode());
    assertTrue(e.metadata().get("previous_errors") instanceof List<?> l && l.size() == 2, e.metadata().toString());
  }

  @Test
  void aStreamCutAfterContentEndsWithOpenRoutersErrorChunk() {
    String chunk = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"partial\"},\"finish_reason\":null}]}\n\n";
    primary.enqueue(Reply.sse(chunk, chunk).delayEach(Duration.ofMillis(20)).thenCut());
    List<ChatStreamChunk> seen = new ArrayList<>();
    try (EventStream<ChatStreamChunk> stream =
        gw.client.chat().stream(hello().toBuilder().provider(ProviderPreferences.builder().order("primary").build()).build())) {
      StreamException e = assertThrows(StreamException.class, () -> stream.forEach(seen::add));
      assertEquals("502", e.code());
      assertEquals("partialpartial", e.partial(ChatResult.class).text());
    }
    assertEquals(0, backup.requests.size(), "no fallback once content was sent");
  }

  @Test
  void theErrorChunkEndingACutStreamIsValidAgainstOpenRoutersSchema() throws Exception {
    String chunk = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"partial\"},\"finish_reason\":null}]}\n\n";
    primary.enqueue(Reply.sse(chunk).delayEach(Duration.ofMillis(20)).thenCut());
    List<JsonNode> chunks = rawStream(hello().toBuilder().provider(ProviderPreferences.builder().order("primary").build()).build());
    JsonNode last = chunks.get(chunks.size() - 1);
    assertEquals(502, last.path("error").path("code").asInt(), last.toString());
    assertTrue(last.path("error").path("code").isInt(), "OpenRouter's schema types error.code an integer: " + last);
  }

  /** Every recorded chat stream, OpenAI's and OpenRouter's own (an OpenAI-compatible upstream too), relayed as OpenRouter documents chunks. */
  @ParameterizedTest
  @ValueSource(strings = {
      "openai/chat-stream-n3-choices.sse", "openai/chat-stream-parallel-tool-calls.sse", "openai/chat-stream-refusal.sse",
      "openai/chat-stream-text-usage.sse", "openai/chat-stream-tool-call-obfuscation.sse",
      "openrouter/chat-stream-midstream-error.sse", "openrouter/chat-stream-reasoning-details.sse", "openrouter/chat-stream-text-usage-cost.sse"})
  void everyRecordedStreamIsRelayedValidAgainstOpenRoutersSchema(String name) throws Exception {
    primary.enqueue(Reply.sse(Files.readString(fixture(name))).delayEach(Duration.ZERO));
    List<JsonNode> chunks = rawStream(hello().toBuilder().provider(ProviderPreferences.builder().order("primary").build()).build());
    assertFalse(chunks.isEmpty());
    assertTrue(chunks.stream().allMatch(c -> c.path("model").asText().equals("acme/model")), chunks.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai/chat-completion-nonstream.json", "openrouter/chat-completion-nonstream-usage-cost.json"})
  void everyRecordedCompletionIsRelayedValidAgainstOpenRoutersSchema(String name) throws Exception {
    primary.enqueue(Reply.json(200, Files.readString(fixture(name))));
    HttpResponse<String> r = gw.post("/api/v1/chat/completions",
        "{\"model\":\"acme/model\",\"provider\":{\"order\":[\"primary\"]},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("acme/model", OpenRouterSchemas.assertValidChatResult(r.body()).path("model").asText());
  }

  /** A stream as the gateway writes it, through plain HTTP; every chunk checked against OpenRouter's {@code ChatStreamChunk}. */
  List<JsonNode> rawStream(ChatRequest request) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode body = Json.mapper().valueToTree(request);
    body.put("stream", true);
    HttpResponse<String> r = gw.post("/api/v1/chat/completions", body.toString());
    assertEquals(200, r.statusCode(), r.body());
    return OpenRouterSchemas.checkChatSse(r.body());
  }

  @Test
  void aStreamCutBeforeAnyContentFallsBack() {
    primary.enqueue(Reply.sse(": keep-alive\n\n").delayEach(Duration.ofMillis(10)).thenCut());
    backup.enqueue(Reply.json(200, completion("b", "rescued")));
    try (EventStream<ChatStreamChunk> stream = gw.client.chat().stream(hello().toBuilder()
        .provider(ProviderPreferences.builder().order("primary", "backup").build()).build())) {
      assertEquals("rescued", ChatAccumulator.accumulate(stream).text());
    }
  }

  @Test
  void aSlowUpstreamGetsProcessingCommentsThenTheAnswer() throws Exception {
    primary.enqueue(Reply.json(200, completion("x", "late")).stallHeaders(Duration.ofMillis(300)));
    HttpResponse<String> r = gw.post("/api/v1/chat/completions",
        "{\"model\":\"acme/model\",\"stream\":true,\"provider\":{\"order\":[\"primary\"]},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().startsWith(": OPENROUTER PROCESSING\n\n"), r.body());
    assertTrue(r.body().contains("\"content\":\"late\""), r.body());
    assertTrue(r.body().endsWith("data: [DONE]\n\n"), r.body());
    OpenRouterSchemas.checkChatSse(r.body());
  }

  @Test
  void aClientThatDisconnectsCancelsTheUpstreamRequest() throws Exception {
    String chunk = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}\n\n";
    String[] parts = new String[500];
    java.util.Arrays.fill(parts, chunk);
    primary.enqueue(Reply.sse(parts).delayEach(Duration.ofMillis(10)));
    int before = primary.closedConnections.get();
    try (EventStream<ChatStreamChunk> stream =
        gw.client.chat().stream(hello().toBuilder().provider(ProviderPreferences.builder().order("primary").build()).build())) {
      var it = stream.iterator();
      it.next();
      it.next();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (primary.closedConnections.get() == before && System.nanoTime() < deadline) Thread.sleep(20);
    assertTrue(primary.closedConnections.get() > before, "the upstream connection was not closed");
    while (gw.gateway.inFlight() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
    assertEquals(0, gw.gateway.inFlight(), "a disconnected request still counts as in flight");
  }

  @Test
  void anUpstreamThatStallsPastItsTimeoutFallsBackAndAloneGives408() throws Exception {
    try (StandInUpstream slow = new StandInUpstream(vertx); StandInUpstream fast = new StandInUpstream(vertx);
        GatewayHarness g = new GatewayHarness(vertx, config(slow, fast, 300))) {
      slow.always(Reply.json(200, completion("x", "too late")).stallHeaders(Duration.ofSeconds(3)));
      fast.enqueue(Reply.json(200, completion("x", "in time")));
      ChatRequest r = hello().toBuilder().provider(ProviderPreferences.builder().order("primary", "backup").build()).build();
      assertEquals("in time", g.client.chat().send(r).text());
      ApiException e = assertThrows(ApiException.class, () -> g.client.chat().send(hello().toBuilder()
          .provider(ProviderPreferences.builder().order("primary").allowFallbacks(false).build()).build()));
      assertEquals(408, e.statusCode());
    }
  }

  @Test
  void aRateLimitedOnlyProviderGives429WithItsRetryAfter() {
    primary.enqueue(Reply.json(429, "{\"error\":{\"message\":\"slow down\"}}").header("retry-after", "7"));
    ApiException e = assertThrows(ApiException.class, () -> gw.client.chat().send(hello().toBuilder()
        .provider(ProviderPreferences.builder().order("primary").allowFallbacks(false).build()).build()));
    assertEquals(429, e.statusCode());
    assertEquals("7", e.headers().firstValue("retry-after").orElse(null));
  }

  @Test
  void anUpstreamAnswerThatIsNotJsonIs502() {
    primary.enqueue(Reply.json(200, "<html>oops</html>"));
    ApiException e = assertThrows(ApiException.class, () -> gw.client.chat().send(hello().toBuilder()
        .provider(ProviderPreferences.builder().order("primary").allowFallbacks(false).build()).build()));
    assertEquals(502, e.statusCode());
  }

  @Test
  void theRecordedParallelToolCallStreamComesThroughIntact() throws Exception {
    primary.enqueue(Reply.sse(Files.readString(fixture("openai/chat-stream-parallel-tool-calls.sse"))));
    try (EventStream<ChatStreamChunk> stream =
        gw.client.chat().stream(hello().toBuilder().provider(ProviderPreferences.builder().order("primary").build()).build())) {
      ChatResult result = ChatAccumulator.accumulate(stream);
      var calls = result.choices().get(0).message().toolCalls();
      assertEquals(2, calls.size());
      assertEquals("tool_calls", result.choices().get(0).finishReason());
      for (var call : calls) assertTrue(Json.mapper().readTree(call.function().arguments()).isObject(), call.toString());
    }
    assertEquals(1, gw.sdkHttp.check(), "the stream the SDK read was checked against OpenRouter's schema");
  }
}
