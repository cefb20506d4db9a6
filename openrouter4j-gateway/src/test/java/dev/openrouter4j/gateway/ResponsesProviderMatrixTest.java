package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.ApiResponse;
import dev.openrouter4j.EventStream;
import dev.openrouter4j.RequestOptions;
import dev.openrouter4j.api.Enums.ReasoningEffort;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.Reasoning;
import dev.openrouter4j.api.responses.InputContent;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.ResponsesTool;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.api.responses.TextConfig;
import dev.openrouter4j.api.responses.TextFormat;
import dev.openrouter4j.errors.ApiException;
import dev.openrouter4j.errors.StreamException;
import dev.openrouter4j.gateway.provider.anthropic.AnthropicRequestTranslator;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import dev.openrouter4j.gateway.responses.ResponsesSchemas;
import dev.openrouter4j.gateway.responses.ResponsesStreamChecker;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Responses API ({@code POST /api/v1/responses}) translated onto each provider kind, end to end
 * over loopback: the SDK → gateway → a stand-in speaking the kind's real wire format (OpenAI chat
 * completions, Anthropic messages), replaying recorded bodies where they exist and otherwise
 * answering as {@link StandInAnswers} does, or the in-process simulated model. Each scenario checks
 * both directions: the body the upstream received (the translation of the request) and what the
 * client got (output items, status, usage and cost), streamed and not. Every Responses answer the
 * SDK read is held against the Open Responses and OpenRouter schemas and every whole stream
 * through {@link ResponsesStreamChecker} ({@link SchemaCheckingHttpClient#check}, after each test).
 */
class ResponsesProviderMatrixTest {
  enum Kind {
    OPENAI("matrix/openai", "openai-a", "openai-b"),
    ANTHROPIC("matrix/anthropic", "anthropic-a", "anthropic-b"),
    SIMULATED("matrix/simulated", "sim", "sim");

    final String model;
    final String primary;
    final String backup;

    Kind(String model, String primary, String backup) {
      this.model = model;
      this.primary = primary;
      this.backup = backup;
    }
  }

  static final String CONFIG = """
      providers:
        - { id: openai-a, kind: openai, base_url: "%1$s", api_key: sk-a }
        - { id: openai-b, kind: openai, base_url: "%2$s", api_key: sk-b }
        - { id: anthropic-a, kind: anthropic, base_url: "%3$s", api_key: ant-a }
        - { id: anthropic-b, kind: anthropic, base_url: "%4$s", api_key: ant-b }
        - { id: sim, kind: simulated, options: { output_tokens: 8 } }
        - { id: sim-down, kind: simulated, options: { fault: "status:503" } }
      models:
        - id: matrix/openai
          endpoints:
            - { provider: openai-a, upstream_model: gpt-a, pricing: { prompt: 1, completion: 2 }, supports: [tools, response_format, reasoning] }
            - { provider: openai-b, upstream_model: gpt-b, pricing: { prompt: 1, completion: 2 }, supports: [tools, response_format, reasoning] }
        - id: matrix/anthropic
          endpoints:
            - { provider: anthropic-a, upstream_model: claude-a, pricing: { prompt: 3, completion: 15 }, supports: [tools, reasoning] }
            - { provider: anthropic-b, upstream_model: claude-b, pricing: { prompt: 3, completion: 15 }, supports: [tools, reasoning] }
        - id: matrix/simulated
          endpoints:
            - { provider: sim-down, pricing: { prompt: 1, completion: 1 } }
            - { provider: sim, pricing: { prompt: 1, completion: 1 } }
      """;

  static final ResponsesTool WEATHER = ResponsesTool.function("get_weather", "Weather in a city",
      Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city")));
  static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
  static final String PDF = "data:application/pdf;base64,JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDw+PgplbmRvYmoKdHJhaWxlcgo8PD4+CiUlRU9GCg==";

  static Vertx vertx;
  static StandInUpstream openAiA;
  static StandInUpstream openAiB;
  static StandInUpstream anthropicA;
  static StandInUpstream anthropicB;
  static GatewayHarness gw;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    openAiA = new StandInUpstream(vertx);
    openAiB = new StandInUpstream(vertx);
    anthropicA = new StandInUpstream(vertx);
    anthropicB = new StandInUpstream(vertx);
    gw = new GatewayHarness(vertx, CONFIG.formatted(openAiA.baseUrl(), openAiB.baseUrl(), anthropicA.baseUrl(), anthropicB.baseUrl()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (gw != null) gw.close();
    for (StandInUpstream s : new StandInUpstream[] {openAiA, openAiB, anthropicA, anthropicB}) if (s != null) s.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void reset() {
    for (StandInUpstream s : List.of(openAiA, openAiB)) {
      s.requests.clear();
      s.answering(StandInAnswers::openAi);
    }
    for (StandInUpstream s : List.of(anthropicA, anthropicB)) {
      s.requests.clear();
      s.answering(StandInAnswers::anthropic);
    }
  }

  /** Every Responses answer the SDK read in this test, against the schemas and the stream state machine. */
  @AfterEach
  void checkWhatTheSdkRead() {
    gw.sdkHttp.check();
  }

  // ---- helpers ----

  static StandInUpstream primary(Kind k) {
    return switch (k) {
      case OPENAI -> openAiA;
      case ANTHROPIC -> anthropicA;
      case SIMULATED -> throw new IllegalArgumentException("the simulated model has no upstream");
    };
  }

  static StandInUpstream backup(Kind k) {
    return k == Kind.OPENAI ? openAiB : anthropicB;
  }

  /** A request to the kind's model, its primary endpoint first, then its backup. */
  static ResponsesRequest.Builder request(Kind k) {
    return ResponsesRequest.builder().model(k.model).provider(ProviderPreferences.builder().order(k.primary, k.backup).build());
  }

  static String fixture(String name) throws Exception {
    return Files.readString(ChatCompletionsTest.fixture(name));
  }

  /** A recorded SSE body in its events (each with its blank line), so a stand-in can write them one by one. */
  static String[] events(String sse) {
    return sse.split("(?<=\n\n)");
  }

  /** The body the kind's primary upstream received next, after checking it went to the kind's endpoint. */
  static JsonNode sent(Kind k) throws Exception {
    return sent(k, primary(k));
  }

  static JsonNode sent(Kind k, StandInUpstream upstream) throws Exception {
    StandInUpstream.Recorded r = upstream.take();
    assertEquals(k == Kind.OPENAI ? "/v1/chat/completions" : "/v1/messages", r.path());
    return Json.mapper().readTree(r.body());
  }

  /** Streams through the SDK; every event checked; the terminal response. */
  static Response stream(ResponsesRequest request) {
    List<StreamEvent> events = new ArrayList<>();
    try (EventStream<StreamEvent> s = gw.client.responses().stream(request)) {
      s.forEach(events::add);
    }
    return ResponsesStreamChecker.check(events);
  }

  /** Streams over raw HTTP: framing, schemas and the state machine checked. */
  static ResponsesStreamChecker.Checked rawStream(ResponsesRequest request) throws Exception {
    HttpResponse<String> r = gw.post("/api/v1/responses", Json.mapper().writeValueAsString(request.toBuilder().stream(true).build()));
    assertEquals(200, r.statusCode(), r.body());
    return ResponsesStreamChecker.checkSse(r.body());
  }

  /** Sends without streaming through the SDK; the raw body validated. */
  static Response send(ResponsesRequest request) throws Exception {
    ApiResponse<Response> r = gw.client.responses().sendWithResponse(request, RequestOptions.none());
    ResponsesSchemas.assertValidResponse(Json.mapper().readTree(r.rawBody()));
    return r.body();
  }

  /** An error answer in OpenRouter's shape, validated against the spec's response schema for its status. */
  static JsonNode errorAnswer(ResponsesRequest request, int status) throws Exception {
    HttpResponse<String> r = gw.post("/api/v1/responses", Json.mapper().writeValueAsString(request));
    assertEquals(status, r.statusCode(), r.body());
    JsonNode body = Json.mapper().readTree(r.body());
    assertEquals(status, body.path("error").path("code").asInt(), r.body());
    assertFalse(body.path("error").path("message").asText().isEmpty(), r.body());
    String schema = switch (status) {
      case 400 -> "BadRequestResponse";
      case 404 -> "NotFoundResponse";
      case 502 -> "BadGatewayResponse";
      case 503 -> "ServiceUnavailableResponse";
      default -> null;
    };
    if (schema != null) OpenRouterSchemas.assertValid(schema, body);
    return body;
  }

  static void completedWithCost(Kind k, Response r) {
    assertEquals("completed", r.status(), String.valueOf(r.error()));
    assertEquals(k.model, r.model());
    assertNotNull(r.usage());
    assertTrue(r.usage().inputTokens() > 0, r.usage().toString());
    assertTrue(r.usage().outputTokens() > 0, r.usage().toString());
    assertNotNull(r.usage().cost(), "usage.cost");
    assertTrue(r.usage().cost() > 0, r.usage().toString());
  }

  static void assertUsage(Response r, int input, int output, double cost) {
    assertEquals(input, r.usage().inputTokens(), r.usage().toString());
    assertEquals(output, r.usage().outputTokens(), r.usage().toString());
    assertEquals(input + output, r.usage().totalTokens(), r.usage().toString());
    assertEquals(cost, r.usage().cost(), 1e-12, r.usage().toString());
  }

  static OutputItem.Message message(Response r) {
    List<OutputItem.Message> messages = r.output().stream().filter(OutputItem.Message.class::isInstance).map(OutputItem.Message.class::cast).toList();
    assertEquals(1, messages.size(), r.output().toString());
    return messages.get(0);
  }

  /** The text of an Anthropic message's content: a string, or its text blocks joined. */
  static String anthropicText(JsonNode content) {
    return StandInAnswers.textOf(content, "text");
  }

  // ---- text ----

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aRecordedTextAnswerIsAMessageWithUsageAndCostStreamedOrNot(Kind k) throws Exception {
    switch (k) {
      case OPENAI -> primary(k).enqueue(Reply.sse(fixture("openai/chat-stream-text-usage.sse")))
          .enqueue(Reply.json(200, fixture("openai/chat-completion-nonstream.json")));
      case ANTHROPIC -> primary(k).enqueue(Reply.sse(events(fixture("anthropic/messages-stream-text.sse"))))
          .enqueue(Reply.json(200, fixture("anthropic/messages-nonstream-text.json")));
      case SIMULATED -> {}
    }
    ResponsesRequest request = request(k).input("Hello").build();
    Response streamed = stream(request);
    completedWithCost(k, streamed);
    assertFalse(message(streamed).text().isEmpty());
    assertEquals(streamed.text(), message(streamed).text());
    Response whole = send(request);
    completedWithCost(k, whole);
    assertFalse(whole.text().isEmpty());
    if (k == Kind.SIMULATED) {
      assertEquals(streamed.text(), whole.text());
      return;
    }
    // the recordings' own texts and token counts; cost from the endpoint's pricing (USD per million tokens)
    if (k == Kind.OPENAI) {
      assertUsage(streamed, 14, 30, (14 * 1 + 30 * 2) / 1e6);
      assertTrue(streamed.text().startsWith("I'm unable to provide real-time weather updates."), streamed.text());
      assertUsage(whole, 16, 363, (16 * 1 + 363 * 2) / 1e6);
      assertTrue(whole.text().startsWith("**Holiday Name:** Galaxy Day"), whole.text());
    } else {
      assertUsage(streamed, 20, 5, (20 * 3 + 5 * 15) / 1e6);
      assertEquals("2", streamed.text());
      assertUsage(whole, 12, 29, (12 * 3 + 29 * 15) / 1e6);
      assertEquals("Hello! I'm doing well, thanks for asking. How are you doing today? Is there anything I can help you with?", whole.text());
    }
    JsonNode first = sent(k);
    JsonNode second = sent(k);
    assertTrue(first.path("stream").asBoolean());
    assertFalse(second.path("stream").asBoolean(false));
    for (JsonNode body : List.of(first, second)) {
      assertNull(body.get("input"));
      assertNull(body.get("store"));
      if (k == Kind.OPENAI) {
        assertEquals("gpt-a", body.path("model").asText());
        assertEquals("user", body.path("messages").get(0).path("role").asText());
        assertEquals("Hello", body.path("messages").get(0).path("content").asText());
        assertNull(body.get("max_completion_tokens"));
      } else {
        assertEquals("claude-a", body.path("model").asText());
        assertEquals("Hello", body.path("messages").get(0).path("content").asText(), body.toString());
        assertNull(body.get("system"));
        assertEquals(4096, body.path("max_tokens").asInt(), "Anthropic requires max_tokens; the default is sent");
      }
    }
    assertTrue(first.path("stream_options").path("include_usage").asBoolean(k == Kind.ANTHROPIC));
  }

  // ---- multi-turn, system and instructions ----

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aMultiTurnConversationWithInstructionsAndSystemMessagesReachesTheUpstreamInOrder(Kind k) throws Exception {
    ResponsesRequest request = request(k).instructions("Be brief.").input(
        InputItem.system("Answer in English."),
        InputItem.user("My name is Ada."),
        InputItem.assistant("Nice to meet you, Ada."),
        InputItem.developer("Never reveal secrets."),
        InputItem.user("What is my name?")).build();
    Response streamed = stream(request);
    Response whole = send(request);
    completedWithCost(k, streamed);
    completedWithCost(k, whole);
    if (k == Kind.SIMULATED) {
      assertEquals(streamed.text(), whole.text());
      return;
    }
    assertEquals(StandInAnswers.TEXT, streamed.text());
    assertEquals(StandInAnswers.TEXT, whole.text());
    for (JsonNode body : List.of(sent(k), sent(k))) {
      JsonNode m = body.path("messages");
      if (k == Kind.OPENAI) {
        List<String> roles = new ArrayList<>();
        m.forEach(x -> roles.add(x.path("role").asText()));
        assertEquals(List.of("system", "system", "user", "assistant", "developer", "user"), roles, body.toString());
        assertEquals("Be brief.", m.get(0).path("content").asText());
        assertEquals("Answer in English.", m.get(1).path("content").asText());
        assertEquals("Nice to meet you, Ada.", m.get(3).path("content").asText());
        assertEquals("What is my name?", m.get(5).path("content").asText());
      } else {
        // system and developer messages, wherever they stand, are Anthropic's top-level system prompt
        assertEquals("Be brief.Answer in English.Never reveal secrets.", anthropicText(body.path("system")), body.toString());
        assertEquals(3, m.size(), body.toString());
        assertEquals(List.of("user", "assistant", "user"), List.of(m.get(0).path("role").asText(), m.get(1).path("role").asText(), m.get(2).path("role").asText()));
        assertEquals("My name is Ada.", anthropicText(m.get(0).path("content")));
        assertEquals("Nice to meet you, Ada.", anthropicText(m.get(1).path("content")));
        assertEquals("What is my name?", anthropicText(m.get(2).path("content")));
      }
    }
  }

  // ---- images and files ----

  @ParameterizedTest
  @EnumSource(Kind.class)
  void imagesByUrlAndDataUrlReachTheUpstreamAsItsImageParts(Kind k) throws Exception {
    ResponsesRequest request = request(k).input(InputItem.user(
        InputContent.text("What is in these pictures?"),
        InputContent.imageUrl("https://example.com/cat.png", "high"),
        InputContent.imageUrl(PNG))).build();
    completedWithCost(k, stream(request));
    completedWithCost(k, send(request));
    if (k == Kind.SIMULATED) return;
    for (JsonNode body : List.of(sent(k), sent(k))) {
      JsonNode parts = body.path("messages").get(0).path("content");
      assertEquals(3, parts.size(), body.toString());
      if (k == Kind.OPENAI) {
        assertEquals("text", parts.get(0).path("type").asText());
        assertEquals("image_url", parts.get(1).path("type").asText());
        assertEquals("https://example.com/cat.png", parts.get(1).path("image_url").path("url").asText());
        assertEquals("high", parts.get(1).path("image_url").path("detail").asText());
        assertEquals(PNG, parts.get(2).path("image_url").path("url").asText());
      } else {
        assertEquals("text", parts.get(0).path("type").asText());
        assertEquals("image", parts.get(1).path("type").asText());
        assertEquals("url", parts.get(1).path("source").path("type").asText());
        assertEquals("https://example.com/cat.png", parts.get(1).path("source").path("url").asText());
        JsonNode source = parts.get(2).path("source");
        assertEquals("base64", source.path("type").asText());
        assertEquals("image/png", source.path("media_type").asText());
        assertEquals(PNG.substring(PNG.indexOf(',') + 1), source.path("data").asText());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aPdfFileReachesTheUpstreamAsItsFileOrDocumentPart(Kind k) throws Exception {
    ResponsesRequest request = request(k).input(InputItem.user(
        InputContent.text("Summarise this."), InputContent.fileData("report.pdf", PDF))).build();
    completedWithCost(k, stream(request));
    completedWithCost(k, send(request));
    if (k == Kind.SIMULATED) return;
    for (JsonNode body : List.of(sent(k), sent(k))) {
      JsonNode file = body.path("messages").get(0).path("content").get(1);
      if (k == Kind.OPENAI) {
        assertEquals("file", file.path("type").asText(), body.toString());
        assertEquals("report.pdf", file.path("file").path("filename").asText());
        assertEquals(PDF, file.path("file").path("file_data").asText());
      } else {
        assertEquals("document", file.path("type").asText(), body.toString());
        assertEquals("report.pdf", file.path("title").asText());
        assertEquals("base64", file.path("source").path("type").asText());
        assertEquals("application/pdf", file.path("source").path("media_type").asText());
        assertEquals(PDF.substring(PDF.indexOf(',') + 1), file.path("source").path("data").asText());
      }
    }
  }

  /**
   * Anthropic takes PDFs and plain text only: another file type is refused before anything is sent
   * upstream (AnthropicErrors.unsupported). Such a refusal lets routing try the model's next
   * endpoint, which may be of another kind; when every endpoint refuses, the client gets the 400 in
   * OpenRouter's shape with the attempts listed, not a 503 that invites a retry. Chat too.
   */
  @org.junit.jupiter.api.Test
  void aFileTypeAnthropicCannotTakeIsA400AndNothingIsSentUpstream() throws Exception {
    ResponsesRequest request = request(Kind.ANTHROPIC).input(InputItem.user(
        InputContent.text("Unpack this."), InputContent.fileData("a.zip", "data:application/zip;base64,UEsDBAoAAAAAAA=="))).build();
    JsonNode body = errorAnswer(request, 400);
    assertTrue(body.path("error").path("message").asText().contains("files"), body.toString());
    ApiException streamed = assertThrows(ApiException.class, () -> stream(request));
    assertEquals(400, streamed.statusCode());
    assertEquals(2, body.path("error").path("metadata").path("previous_errors").size(), body.toString());
    assertEquals("invalid_request", body.path("error").path("metadata").path("error_type").asText(), body.toString());
    HttpResponse<String> chat = gw.post("/api/v1/chat/completions", """
        {"model":"matrix/anthropic","messages":[{"role":"user","content":[{"type":"file","file":{"filename":"a.zip","file_data":"data:application/zip;base64,UEsDBA=="}}]}]}""");
    assertEquals(400, chat.statusCode(), chat.body());
    assertTrue(anthropicA.requests.isEmpty(), "nothing reaches the upstream");
    assertTrue(anthropicB.requests.isEmpty(), "nothing reaches the upstream");
  }

  // ---- function calling ----

  /** A recorded first turn with a call, for kinds that have one; otherwise the stand-in's own call. */
  static void scriptRecordedCall(Kind k, boolean streamed) throws Exception {
    if (k == Kind.OPENAI && streamed) primary(k).enqueue(Reply.sse(events(fixture("openai/chat-stream-tool-call-obfuscation.sse"))));
    if (k == Kind.ANTHROPIC) {
      primary(k).enqueue(streamed ? Reply.sse(events(fixture("anthropic/messages-stream-tool-use.sse")))
          : Reply.json(200, fixture("anthropic/messages-nonstream-tool-use.json")));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFunctionCallAndItsOutputMakeARoundTrip(Kind k) throws Exception {
    for (boolean streamed : new boolean[] {true, false}) {
      if (k != Kind.SIMULATED) primary(k).requests.clear();
      scriptRecordedCall(k, streamed);
      ResponsesRequest first = request(k).input("What is the weather in Paris?").tools(WEATHER).build();
      Response call = streamed ? stream(first) : send(first);
      assertEquals("completed", call.status());
      List<OutputItem.FunctionCall> calls = call.functionCalls();
      assertEquals(1, calls.size(), call.output().toString());
      OutputItem.FunctionCall fc = calls.get(0);
      assertFalse(fc.callId().isEmpty());
      assertTrue(Json.mapper().readTree(fc.arguments()).isObject(), fc.arguments());
      assertEquals("completed", fc.status());
      assertNotNull(call.usage().cost());

      List<InputItem> input = new ArrayList<>(first.input().asItems());
      input.addAll(call.outputAsInput());
      input.add(InputItem.functionCallOutput(fc.callId(), "18 degrees and sunny"));
      ResponsesRequest second = first.toBuilder().input(input).build();
      Response answer = streamed ? stream(second) : send(second);
      completedWithCost(k, answer);
      assertTrue(answer.functionCalls().isEmpty(), answer.output().toString());
      assertFalse(answer.text().isEmpty());
      if (k == Kind.SIMULATED) continue;
      // the stand-in answers a tool result only when it pairs with a call in the conversation (else 400)
      assertTrue(answer.text().endsWith(": 18 degrees and sunny"), answer.text());

      JsonNode offered = sent(k);
      JsonNode returned = sent(k);
      if (k == Kind.OPENAI) {
        assertEquals("get_weather", offered.path("tools").get(0).path("function").path("name").asText(), offered.toString());
        assertEquals("object", offered.path("tools").get(0).path("function").path("parameters").path("type").asText());
        JsonNode m = returned.path("messages");
        JsonNode assistant = m.get(m.size() - 2);
        assertEquals("assistant", assistant.path("role").asText(), returned.toString());
        assertEquals(fc.callId(), assistant.path("tool_calls").get(0).path("id").asText());
        assertEquals(fc.name(), assistant.path("tool_calls").get(0).path("function").path("name").asText());
        assertEquals(Json.mapper().readTree(fc.arguments()), Json.mapper().readTree(assistant.path("tool_calls").get(0).path("function").path("arguments").asText()));
        assertEquals("tool", m.get(m.size() - 1).path("role").asText());
        assertEquals(fc.callId(), m.get(m.size() - 1).path("tool_call_id").asText());
        assertEquals("18 degrees and sunny", m.get(m.size() - 1).path("content").asText());
      } else {
        assertEquals("get_weather", offered.path("tools").get(0).path("name").asText(), offered.toString());
        assertEquals("object", offered.path("tools").get(0).path("input_schema").path("type").asText());
        assertTrue(fc.callId().startsWith("toolu_"), fc.callId());
        JsonNode m = returned.path("messages");
        assertEquals(3, m.size(), returned.toString());
        JsonNode toolUse = null;
        for (JsonNode b : m.get(1).path("content")) if (b.path("type").asText().equals("tool_use")) toolUse = b;
        assertNotNull(toolUse, returned.toString());
        assertEquals(fc.callId(), toolUse.path("id").asText());
        assertEquals(fc.name(), toolUse.path("name").asText());
        assertEquals(Json.mapper().readTree(fc.arguments()), toolUse.path("input"));
        JsonNode result = m.get(2).path("content").get(0);
        assertEquals("user", m.get(2).path("role").asText());
        assertEquals("tool_result", result.path("type").asText());
        assertEquals(fc.callId(), result.path("tool_use_id").asText());
        assertEquals("18 degrees and sunny", anthropicText(result.path("content")));
      }
    }
  }

  /** The recorded stream's text before its call is a message item of its own, ahead of the call. */
  @org.junit.jupiter.api.Test
  void anthropicsRecordedTextThenToolUseIsAMessageThenAFunctionCall() throws Exception {
    anthropicA.enqueue(Reply.sse(events(fixture("anthropic/messages-stream-tool-use.sse"))));
    Response r = stream(request(Kind.ANTHROPIC).input("Weather in Paris?").tools(WEATHER).build());
    assertEquals(2, r.output().size(), r.output().toString());
    OutputItem.Message m = assertInstanceOf(OutputItem.Message.class, r.output().get(0));
    assertEquals("I'll check the current weather in Paris for you.", m.text());
    OutputItem.FunctionCall fc = assertInstanceOf(OutputItem.FunctionCall.class, r.output().get(1));
    assertEquals("toolu_01NRLabsLyVHZPKxbKvkfSMn", fc.callId());
    assertEquals("get_weather", fc.name());
    assertTrue(Json.mapper().readTree(fc.arguments()).path("location").asText().startsWith("Paris"), fc.arguments());
  }

  // ---- parallel tool calls ----

  /** Two tool_use blocks in one Anthropic message, in its real streaming shape (no recording has two). */
  static String[] anthropicTwoToolUses() {
    List<String> e = new ArrayList<>();
    e.add("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_parallel\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-a\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":80,\"output_tokens\":1}}}\n\n");
    String[][] calls = {{"toolu_parallel_a", "get_weather", "{\"city\":", "\"Paris\"}"}, {"toolu_parallel_b", "get_stock_price", "{\"ticker\":", "\"AAPL\"}"}};
    for (int i = 0; i < calls.length; i++) {
      e.add("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":" + i + ",\"content_block\":{\"type\":\"tool_use\",\"id\":\""
          + calls[i][0] + "\",\"name\":\"" + calls[i][1] + "\",\"input\":{}}}\n\n");
      for (String piece : new String[] {"", calls[i][2], calls[i][3]}) {
        e.add("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":" + i
            + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + Json.mapper().valueToTree(piece) + "}}\n\n");
      }
      e.add("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":" + i + "}\n\n");
    }
    e.add("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":40}}\n\n");
    e.add("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    return e.toArray(String[]::new);
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"OPENAI", "ANTHROPIC"})
  void parallelToolCallsAreFunctionCallItemsOfTheirOwnAndParallelToolCallsFalseIsSentOn(Kind k) throws Exception {
    ResponsesTool stock = ResponsesTool.function("get_stock_price", "A stock's price",
        Map.of("type", "object", "properties", Map.of("ticker", Map.of("type", "string"))));
    primary(k).enqueue(k == Kind.OPENAI ? Reply.sse(events(fixture("openai/chat-stream-parallel-tool-calls.sse"))) : Reply.sse(anthropicTwoToolUses()));
    Response r = stream(request(k).input("Weather in Paris and Apple's stock?").tools(WEATHER, stock).build());
    assertEquals("completed", r.status());
    List<OutputItem.FunctionCall> calls = r.functionCalls();
    assertEquals(2, calls.size(), r.output().toString());
    assertFalse(calls.get(0).callId().equals(calls.get(1).callId()));
    for (OutputItem.FunctionCall c : calls) assertTrue(Json.mapper().readTree(c.arguments()).isObject(), c.arguments());
    assertEquals("get_stock_price", calls.get(1).name());
    assertNotNull(r.usage().cost());
    JsonNode offered = sent(k);
    assertEquals(2, offered.path("tools").size());

    // and a client asking for one call at a time gets that asked upstream
    Response one = send(request(k).input("Weather in Paris?").tools(WEATHER, stock).parallelToolCalls(false).build());
    assertEquals(1, one.functionCalls().size());
    JsonNode serial = sent(k);
    if (k == Kind.OPENAI) assertFalse(serial.path("parallel_tool_calls").asBoolean(true), serial.toString());
    else assertTrue(serial.path("tool_choice").path("disable_parallel_tool_use").asBoolean(), serial.toString());
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"OPENAI", "ANTHROPIC"})
  void toolChoiceIsTranslated(Kind k) throws Exception {
    send(request(k).input("Weather?").tools(WEATHER).toolChoice(dev.openrouter4j.api.responses.ResponsesToolChoice.function("get_weather")).build());
    send(request(k).input("Weather?").tools(WEATHER).toolChoice(dev.openrouter4j.api.responses.ResponsesToolChoice.required()).build());
    JsonNode named = sent(k).path("tool_choice");
    JsonNode required = sent(k).path("tool_choice");
    if (k == Kind.OPENAI) {
      assertEquals("function", named.path("type").asText(), named.toString());
      assertEquals("get_weather", named.path("function").path("name").asText());
      assertEquals("required", required.asText());
    } else {
      assertEquals("tool", named.path("type").asText(), named.toString());
      assertEquals("get_weather", named.path("name").asText());
      assertEquals("any", required.path("type").asText());
    }
  }

  // ---- structured output ----

  static final Map<String, Object> WEATHER_SCHEMA = Map.of("type", "object",
      "properties", Map.of("city", Map.of("type", "string"), "temperature", Map.of("type", "number"), "conditions", Map.of("type", "string")),
      "required", List.of("city", "temperature", "conditions"), "additionalProperties", false);

  @org.junit.jupiter.api.Test
  void structuredOutputIsAJsonSchemaResponseFormatForOpenAi() throws Exception {
    ResponsesRequest request = request(Kind.OPENAI).input("Weather in Paris as JSON")
        .text(TextConfig.of(TextFormat.strictJsonSchema("weather", WEATHER_SCHEMA))).build();
    Response streamed = stream(request);
    Response whole = send(request);
    for (Response r : List.of(streamed, whole)) {
      completedWithCost(Kind.OPENAI, r);
      assertEquals(Json.mapper().readTree(StandInAnswers.JSON_TEXT), Json.mapper().readTree(r.text()));
    }
    for (JsonNode body : List.of(sent(Kind.OPENAI), sent(Kind.OPENAI))) {
      JsonNode format = body.path("response_format");
      assertEquals("json_schema", format.path("type").asText(), body.toString());
      assertEquals("weather", format.path("json_schema").path("name").asText());
      assertTrue(format.path("json_schema").path("strict").asBoolean());
      assertEquals(Json.mapper().valueToTree(WEATHER_SCHEMA), format.path("json_schema").path("schema"));
      assertNull(body.get("text"));
    }
  }

  /**
   * Anthropic has no JSON mode: the schema becomes one forced tool, and the tool's input is the
   * answer's text, streamed and not (no function call reaches the client). A client that requires
   * {@code response_format} still gets a 404 in OpenRouter's shape from endpoints whose {@code
   * supports} do not list it.
   */
  @org.junit.jupiter.api.Test
  void structuredOutputOnAnthropicIsAForcedToolWhoseInputIsTheAnswer() throws Exception {
    ResponsesRequest request = request(Kind.ANTHROPIC).input("Weather in Paris")
        .text(TextConfig.of(TextFormat.strictJsonSchema("weather", WEATHER_SCHEMA))).build();
    Response streamed = stream(request);
    Response whole = send(request);
    for (Response r : List.of(streamed, whole)) {
      completedWithCost(Kind.ANTHROPIC, r);
      assertEquals(Json.mapper().readTree(StandInAnswers.JSON_TEXT), Json.mapper().readTree(r.text()));
      assertEquals(1, r.output().size(), r.output().toString());
      assertInstanceOf(OutputItem.Message.class, r.output().get(0));
    }
    for (JsonNode body : List.of(sent(Kind.ANTHROPIC), sent(Kind.ANTHROPIC))) {
      assertNull(body.get("response_format"), body.toString());
      assertEquals(1, body.path("tools").size(), body.toString());
      JsonNode tool = body.path("tools").path(0);
      assertEquals(AnthropicRequestTranslator.STRUCTURED_OUTPUT_TOOL, tool.path("name").asText());
      assertEquals(Json.mapper().valueToTree(WEATHER_SCHEMA), tool.path("input_schema"));
      assertEquals("tool", body.path("tool_choice").path("type").asText());
      assertEquals(AnthropicRequestTranslator.STRUCTURED_OUTPUT_TOOL, body.path("tool_choice").path("name").asText());
    }

    ResponsesRequest strict = request.toBuilder()
        .provider(ProviderPreferences.builder().order("anthropic-a").requireParameters(true).build()).build();
    errorAnswer(strict, 404);
    assertTrue(anthropicA.requests.isEmpty());
  }

  /** Structured output and the client's own tools cannot share Anthropic's one forced tool: a 400, not a wrong answer. */
  @org.junit.jupiter.api.Test
  void structuredOutputWithToolsOnAnthropicIsRefused() throws Exception {
    ResponsesRequest request = request(Kind.ANTHROPIC).input("Weather in Paris").tools(List.of(WEATHER))
        .text(TextConfig.of(TextFormat.strictJsonSchema("weather", WEATHER_SCHEMA))).build();
    errorAnswer(request, 400);
    assertTrue(anthropicA.requests.isEmpty());
    assertTrue(anthropicB.requests.isEmpty());
  }

  @org.junit.jupiter.api.Test
  void theSimulatedModelAnswersAJsonSchemaRequest() throws Exception {
    ResponsesRequest request = request(Kind.SIMULATED).input("Weather as JSON")
        .text(TextConfig.of(TextFormat.strictJsonSchema("weather", WEATHER_SCHEMA))).build();
    completedWithCost(Kind.SIMULATED, stream(request));
    completedWithCost(Kind.SIMULATED, send(request));
  }

  // ---- reasoning ----

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"OPENAI", "ANTHROPIC"})
  void reasoningIsAskedForAndComesBackAsAReasoningItem(Kind k) throws Exception {
    if (k == Kind.ANTHROPIC) {
      anthropicA.enqueue(Reply.sse(events(fixture("anthropic/messages-stream-thinking.sse"))))
          .enqueue(Reply.json(200, fixture("anthropic/messages-nonstream-thinking.json")));
    }
    ResponsesRequest request = request(k).input("How many r's in strawberry?").reasoning(Reasoning.effort(ReasoningEffort.LOW)).maxOutputTokens(1000).build();
    Response streamed = stream(request);
    Response whole = send(request);
    for (Response r : List.of(streamed, whole)) {
      completedWithCost(k, r);
      OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, r.output().get(0), r.output().toString());
      assertFalse(reasoning.reasoningText().isEmpty());
      assertInstanceOf(OutputItem.Message.class, r.output().get(1));
      assertFalse(r.text().isEmpty());
      if (k == Kind.ANTHROPIC) {
        assertNotNull(reasoning.signature(), "Anthropic's signature is kept for the next turn");
        assertEquals("anthropic-claude-v1", reasoning.format());
      } else {
        assertEquals(StandInAnswers.THINKING, reasoning.reasoningText());
        assertTrue(r.usage().outputTokensDetails().reasoningTokens() > 0, r.usage().toString());
      }
    }
    for (JsonNode body : List.of(sent(k), sent(k))) {
      if (k == Kind.OPENAI) {
        assertEquals("low", body.path("reasoning_effort").asText(), body.toString());
        assertNull(body.get("reasoning"), "a plain OpenAI-compatible server gets no OpenRouter-only field");
        assertEquals(1000, body.path("max_completion_tokens").asInt());
      } else {
        assertEquals("enabled", body.path("thinking").path("type").asText(), body.toString());
        assertEquals(2048, body.path("thinking").path("budget_tokens").asInt());
        // the budget does not fit in the client's 1000, so the 1000 stay for the answer on top of it
        assertEquals(3048, body.path("max_tokens").asInt());
      }
    }
  }

  /** Anthropic checks that a tool use made while thinking comes back after its signed thinking block. */
  @org.junit.jupiter.api.Test
  void anthropicThinkingBeforeAToolCallGoesBackSignedInTheNextTurn() throws Exception {
    ResponsesRequest first = request(Kind.ANTHROPIC).input("Weather in Paris?").tools(WEATHER).reasoning(Reasoning.effort(ReasoningEffort.LOW)).build();
    Response call = stream(first);
    assertInstanceOf(OutputItem.Reasoning.class, call.output().get(0));
    OutputItem.FunctionCall fc = call.functionCalls().get(0);
    List<InputItem> input = new ArrayList<>(first.input().asItems());
    input.addAll(call.outputAsInput());
    input.add(InputItem.functionCallOutput(fc.callId(), "18 degrees"));
    Response answer = send(first.toBuilder().input(input).build());
    completedWithCost(Kind.ANTHROPIC, answer);
    assertTrue(answer.text().endsWith("Paris: 18 degrees"), answer.text());
    sent(Kind.ANTHROPIC);
    JsonNode assistant = sent(Kind.ANTHROPIC).path("messages").get(1);
    assertEquals("thinking", assistant.path("content").get(0).path("type").asText(), assistant.toString());
    assertEquals(StandInAnswers.SIGNATURE, assistant.path("content").get(0).path("signature").asText());
    assertEquals("tool_use", assistant.path("content").get(1).path("type").asText());
  }

  // ---- max_output_tokens ----

  @ParameterizedTest
  @EnumSource(Kind.class)
  void maxOutputTokensCutsTheAnswerAndTheResponseIsIncomplete(Kind k) throws Exception {
    ResponsesRequest cut = request(k).input("Tell me about the sea").maxOutputTokens(3).build();
    Response streamed = stream(cut);
    Response whole = send(cut);
    for (Response r : List.of(streamed, whole)) {
      assertEquals("incomplete", r.status());
      assertEquals("max_output_tokens", r.incompleteDetails().reason());
      assertEquals("incomplete", message(r).status());
      assertEquals(3, r.usage().outputTokens());
      assertNotNull(r.usage().cost());
      assertEquals(3, r.text().trim().split(" ").length, r.text());
    }
    assertEquals("response.incomplete", rawStream(cut).events().getLast().type());
    if (k == Kind.SIMULATED) return;
    for (JsonNode body : List.of(sent(k), sent(k), sent(k))) {
      assertEquals(3, body.path(k == Kind.OPENAI ? "max_completion_tokens" : "max_tokens").asInt(), body.toString());
    }
  }

  // ---- upstream errors ----

  static Reply unavailable(Kind k) {
    return k == Kind.OPENAI
        ? Reply.json(503, "{\"error\":{\"message\":\"The server is overloaded or not ready yet.\",\"type\":\"server_error\",\"code\":null}}")
        : Reply.json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anUpstreamFailingBeforeTheFirstEventFallsBackToTheModelsOtherEndpoint(Kind k) throws Exception {
    ResponsesRequest request = k == Kind.SIMULATED
        ? ResponsesRequest.builder().model(k.model).input("Hello").provider(ProviderPreferences.builder().order("sim-down", "sim").build()).build()
        : request(k).input("Hello").build();
    for (boolean streamed : new boolean[] {true, false}) {
      if (k != Kind.SIMULATED) primary(k).enqueue(unavailable(k));
      Response r = streamed ? stream(request) : send(request);
      completedWithCost(k, r);
      if (k == Kind.SIMULATED) continue;
      assertEquals(StandInAnswers.TEXT, r.text());
      sent(k); // the failed attempt
      JsonNode retried = sent(k, backup(k));
      assertEquals(k == Kind.OPENAI ? "gpt-b" : "claude-b", retried.path("model").asText());
      assertEquals(streamed, retried.path("stream").asBoolean(false));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void whenNoEndpointIsLeftTheClientGetsOpenRoutersErrorShape(Kind k) throws Exception {
    String only = k == Kind.SIMULATED ? "sim-down" : k.primary;
    ResponsesRequest request = ResponsesRequest.builder().model(k.model).input("Hello")
        .provider(ProviderPreferences.builder().order(only).allowFallbacks(false).build()).build();
    if (k != Kind.SIMULATED) primary(k).always(unavailable(k));
    int status = k == Kind.ANTHROPIC ? 529 : 503;
    errorAnswer(request, status);
    errorAnswer(request.toBuilder().stream(true).build(), status);
    ApiException e = assertThrows(ApiException.class, () -> send(request));
    assertEquals(status, e.statusCode());
    if (k != Kind.SIMULATED) assertTrue(backup(k).requests.isEmpty(), "allow_fallbacks: false");
  }

  /** The first text events of a recorded stream, then the upstream's failure: Anthropic's recorded error event, an OpenAI-format connection cut. */
  static Reply failingMidStream(Kind k) throws Exception {
    if (k == Kind.ANTHROPIC) {
      List<String> parts = new ArrayList<>(Arrays.asList(events(fixture("anthropic/messages-stream-thinking.sse"))).subList(0, 6));
      parts.add(fixture("anthropic/messages-stream-error-overloaded.sse"));
      return Reply.sse(parts.toArray(String[]::new));
    }
    String[] recorded = events(fixture("openai/chat-stream-text-usage.sse"));
    return Reply.sse(Arrays.copyOfRange(recorded, 0, 4)).thenCut();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anUpstreamFailingAfterTheFirstEventEndsTheStreamWithResponseFailed(Kind k) throws Exception {
    ResponsesRequest request = k == Kind.SIMULATED
        ? request(k).input("Hello").putExtraBody("x-simulate-fault", "error_after:3").build()
        : request(k).input("Hello").build();
    if (k != Kind.SIMULATED) primary(k).enqueue(failingMidStream(k)).enqueue(failingMidStream(k));
    StreamException e = assertThrows(StreamException.class, () -> stream(request));
    Response partial = e.partial(Response.class);
    assertEquals("failed", partial.status());
    assertFalse(partial.output().isEmpty(), "the output before the failure is kept");

    ResponsesStreamChecker.Checked raw = rawStream(request);
    assertEquals("response.failed", raw.events().getLast().type());
    assertEquals("failed", raw.response().status());
    assertNotNull(raw.response().error());
    assertEquals(k.model, raw.response().model());
    assertEquals("server_error", raw.response().error().code());
    switch (k) {
      case ANTHROPIC -> {
        assertEquals("provider_overloaded", raw.response().errorType());
        assertEquals("Overloaded", raw.response().error().message());
        // the recorded thinking deltas before the error event, kept as an incomplete reasoning item
        OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, raw.response().output().get(0));
        assertEquals("This is a straightforward question about pedest", reasoning.reasoningText());
        assertEquals("incomplete", reasoning.status());
      }
      case OPENAI -> {
        assertEquals("provider_unavailable", raw.response().errorType());
        assertEquals("I'm unable to", raw.response().text());
        assertEquals("incomplete", message(raw.response()).status());
      }
      case SIMULATED -> assertEquals(3, raw.response().text().trim().split(" ").length, raw.response().text());
    }
    if (k == Kind.SIMULATED) return;
    sent(k);
    sent(k);
    assertTrue(backup(k).requests.isEmpty(), "no fallback once the client has seen an event");
  }
}
