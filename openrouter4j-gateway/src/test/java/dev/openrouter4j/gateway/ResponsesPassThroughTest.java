package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.ApiResponse;
import dev.openrouter4j.EventStream;
import dev.openrouter4j.RequestOptions;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.Enums.ReasoningEffort;
import dev.openrouter4j.api.Enums.ReasoningSummary;
import dev.openrouter4j.api.Reasoning;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.ReasoningPart;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.ResponsesTool;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.api.responses.TextConfig;
import dev.openrouter4j.errors.ApiException;
import dev.openrouter4j.gateway.StandInUpstream.Recorded;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import dev.openrouter4j.gateway.provider.openai.ResponsesFixtures;
import dev.openrouter4j.gateway.responses.ResponsesSchemas;
import dev.openrouter4j.gateway.responses.ResponsesStreamChecker;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Responses client in front of upstreams that serve the Responses API themselves ({@code
 * openrouter} kind, and {@code openai} with {@code responses: true}): the client's request goes to
 * {@code /responses} with the endpoint's model, no state of the gateway's and the previous
 * conversation inlined, and the upstream's recorded Responses answers (OpenAI's and OpenRouter's)
 * come back decoded and re-encoded as the gateway's own: its ids, model, usage with cost at its
 * pricing, stored for {@code previous_response_id}. Every stream passes the state machine and both
 * specs' schemas (the SDK's reads through the harness, raw ones here), every body both schemas.
 */
class ResponsesPassThroughTest {
  static final String TEXT = "openai-responses/responses-stream-text.sse";
  static final String CALL = "openai-responses/responses-stream-function-call.sse";
  static final String REASONING_CALL = "openai-responses/responses-stream-reasoning-function-call.sse";
  static final String SUMMARY = "openai-responses/responses-stream-reasoning-summary.sse";
  static final String WHOLE_REASONING = "openai-responses/responses-nonstream-reasoning.json";
  static final String ERROR_BEFORE_CONTENT = "openai-responses/responses-stream-error-failed.chunks.jsonl";
  static final String OPENROUTER_REASONING = "openrouter/responses-stream-reasoning.sse";
  static final String OPENROUTER_CALL = "openrouter/responses-stream-function-call.recording.jsonl";

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
    gw = new GatewayHarness(vertx, """
        providers:
          - { id: openrouter, kind: openrouter, base_url: "%1$s", api_key: sk-or-upstream }
          - { id: openrouter-backup, kind: openrouter, base_url: "%2$s" }
          - { id: vllm, kind: openai, base_url: "%1$s", responses: true }
          - { id: chat-only, kind: openai, base_url: "%1$s" }
        models:
          - id: acme/model
            endpoints:
              - { provider: openrouter, upstream_model: served-by-primary, pricing: { prompt: 1, completion: 2 } }
          - id: acme/two
            endpoints:
              - { provider: openrouter, upstream_model: first-choice, pricing: { prompt: 1, completion: 2 } }
              - { provider: openrouter-backup, upstream_model: second-choice, pricing: { prompt: 1, completion: 2 } }
          - id: acme/vllm
            endpoints:
              - { provider: vllm, upstream_model: served-by-vllm, pricing: { prompt: 1, completion: 2 } }
          - id: acme/chat-only
            endpoints:
              - { provider: chat-only, upstream_model: served-by-chat, pricing: { prompt: 1, completion: 2 } }
        """.formatted(primary.baseUrl(), backup.baseUrl()));
  }

  @AfterEach
  void stop() throws Exception {
    gw.close();
    primary.close();
    backup.close();
  }

  static ResponsesRequest.Builder acme(String input) {
    return ResponsesRequest.builder().model("acme/model").input(input);
  }

  /** Both endpoints of acme/two, the primary first. */
  static ResponsesRequest.Builder two(String input) {
    return ResponsesRequest.builder().model("acme/two").input(input)
        .provider(ProviderPreferences.builder().order("openrouter", "openrouter-backup").build());
  }

  void replay(String fixture) {
    replay(fixture, null);
  }

  void replay(String fixture, String whole) {
    primary.serving("/responses", StandInUpstream.responsesReplay(fixture, whole));
  }

  /** Streams through the SDK (the harness checks the bytes); the state machine checked on the events read. */
  Response sdkStream(ResponsesRequest request) {
    List<StreamEvent> events = new ArrayList<>();
    try (EventStream<StreamEvent> stream = gw.client.responses().stream(request)) {
      stream.forEach(events::add);
    }
    return ResponsesStreamChecker.check(events);
  }

  /** Streams over raw HTTP; framing, both schemas and the state machine checked. */
  ResponsesStreamChecker.Checked rawStream(ResponsesRequest request) throws Exception {
    HttpResponse<String> r = gw.post("/api/v1/responses", Json.mapper().writeValueAsString(request.toBuilder().stream(true).build()));
    assertEquals(200, r.statusCode(), r.body());
    return ResponsesStreamChecker.checkSse(r.body());
  }

  /** Sends without streaming through the SDK; the raw body validated against both schemas. */
  Response send(ResponsesRequest request) {
    ApiResponse<Response> r = gw.client.responses().sendWithResponse(request, RequestOptions.none());
    try {
      ResponsesSchemas.assertValidResponse(Json.mapper().readTree(r.rawBody()));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return r.body();
  }

  /** The three ways a client asks, each answer as it reached the client. */
  List<Response> everyWay(ResponsesRequest request) throws Exception {
    return List.of(sdkStream(request), rawStream(request).response(), send(request));
  }

  static JsonNode json(Recorded r) {
    try {
      return Json.mapper().readTree(r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A Responses upstream replaying {@code call} until the input carries a call's output, then {@code answer}. */
  static Function<Recorded, Reply> answeredWith(String answer, String call) {
    return r -> StandInUpstream.responsesReplay(json(r).path("input").toString().contains("function_call_output") ? answer : call, null).apply(r);
  }

  /** The request the upstream got, which must be a Responses request to /responses with no state of the gateway's. */
  static JsonNode responsesBody(StandInUpstream upstream, String model) throws Exception {
    Recorded r = upstream.take();
    assertEquals("POST", r.method());
    assertEquals("/v1/responses", r.path());
    JsonNode sent = json(r);
    assertEquals(model, sent.path("model").asText());
    assertFalse(sent.path("store").asBoolean(true), "store: false upstream: " + sent);
    assertNull(sent.get("previous_response_id"));
    assertNull(sent.get("background"));
    assertNull(sent.get("messages"), "not a chat request");
    assertNull(sent.get("models"), "routing is the gateway's");
    return sent;
  }

  static double cost(long input, long output) {
    return (input * 1 + output * 2) / 1e6;
  }

  @Test
  void aRecordedTextAnswerComesBackAsTheGatewaysResponse() throws Exception {
    replay(TEXT);
    for (Response r : everyWay(acme("What is the capital of France?").build())) {
      assertEquals("completed", r.status());
      assertEquals("The capital of France is Paris.", r.text());
      assertTrue(r.id().startsWith("gen-"), r.id());
      assertEquals("acme/model", r.model());
      OutputItem.Message m = assertInstanceOf(OutputItem.Message.class, r.output().get(0));
      assertTrue(m.id().startsWith("msg_"), m.id());
      assertFalse(m.id().startsWith("msg_67e554"), "the gateway's item ids, not the upstream's");
      assertEquals(278, r.usage().inputTokens());
      assertEquals(9, r.usage().outputTokens());
      assertEquals(cost(278, 9), r.usage().cost(), 1e-12);
    }
    for (boolean stream : new boolean[] {true, true, false}) {
      JsonNode sent = responsesBody(primary, "served-by-primary");
      assertEquals(stream, sent.path("stream").asBoolean());
      assertEquals("What is the capital of France?", sent.path("input").asText());
    }
  }

  @Test
  void whatChatCannotCarryReachesTheUpstreamAsTheClientSentIt() throws Exception {
    replay(SUMMARY, WHOLE_REASONING);
    ResponsesRequest request = acme("How do I cross the street?")
        .instructions("Be careful.")
        .reasoning(Reasoning.of(ReasoningEffort.HIGH, ReasoningSummary.DETAILED))
        .include(List.of("reasoning.encrypted_content"))
        .truncation(ResponsesRequest.Truncation.AUTO)
        .text(TextConfig.verbosity("low"))
        .maxOutputTokens(2000)
        .metadata(Map.of("ticket", "42"))
        .provider(ProviderPreferences.builder().order("openrouter").build())
        .putExtraBody("prompt_cache_retention", "24h")
        .build();
    sdkStream(request);
    JsonNode sent = responsesBody(primary, "served-by-primary");
    assertEquals("high", sent.path("reasoning").path("effort").asText());
    assertEquals("detailed", sent.path("reasoning").path("summary").asText());
    assertEquals("reasoning.encrypted_content", sent.path("include").path(0).asText());
    assertEquals("auto", sent.path("truncation").asText());
    assertEquals("low", sent.path("text").path("verbosity").asText());
    assertEquals("Be careful.", sent.path("instructions").asText());
    assertEquals(2000, sent.path("max_output_tokens").asInt());
    assertEquals("42", sent.path("metadata").path("ticket").asText());
    assertEquals("24h", sent.path("prompt_cache_retention").asText(), "unknown keys pass through too");
    assertEquals("openrouter", sent.path("provider").path("order").path(0).asText(), "OpenRouter gets the provider preferences");
    assertTrue(sent.path("stream").asBoolean());
  }

  @Test
  void anOpenAiKindWithResponsesOnGetsNoneOfOpenRoutersFields() throws Exception {
    primary.serving("/responses", StandInUpstream.responsesReplay(TEXT, null));
    ResponsesRequest request = ResponsesRequest.builder().model("acme/vllm").input("Hi")
        .reasoning(Reasoning.effort(ReasoningEffort.LOW))
        .provider(ProviderPreferences.builder().order("vllm").build())
        .sessionId("s-1")
        .build();
    assertEquals("The capital of France is Paris.", send(request).text());
    JsonNode sent = responsesBody(primary, "served-by-vllm");
    assertFalse(sent.has("provider") || sent.has("session_id"), sent.toString());
    assertEquals("low", sent.path("reasoning").path("effort").asText(), "reasoning is the Responses API's own");
  }

  @Test
  void aProviderWithoutResponsesIsStillTranslatedToChatCompletions() throws Exception {
    primary.serving("/chat/completions", r -> Reply.sse(ResponsesFixtures.read("openai/chat-stream-text-usage.sse")));
    Response r = sdkStream(ResponsesRequest.builder().model("acme/chat-only").input("Hello").build());
    assertEquals("completed", r.status());
    Recorded sent = primary.take();
    assertEquals("/v1/chat/completions", sent.path());
    assertEquals("served-by-chat", json(sent).path("model").asText());
  }

  @Test
  void aChatClientOfTheSameProviderStillUsesChatCompletions() throws Exception {
    replay(TEXT);
    primary.serving("/chat/completions", r -> json(r).path("stream").asBoolean()
        ? Reply.sse(ResponsesFixtures.read("openrouter/chat-stream-text-usage-cost.sse"))
        : Reply.json(200, ResponsesFixtures.read("openrouter/chat-completion-nonstream-usage-cost.json")));
    ChatRequest chat = ChatRequest.builder().model("acme/model").messages(ChatMessage.user("Hello")).build();
    ChatResult sent = gw.client.chat().send(chat);
    ChatResult streamed;
    try (EventStream<ChatStreamChunk> stream = gw.client.chat().stream(chat)) {
      streamed = ChatAccumulator.accumulate(stream);
    }
    assertFalse(sent.text().isEmpty());
    assertFalse(streamed.text().isEmpty());
    for (int i = 0; i < 2; i++) {
      Recorded r = primary.take();
      assertEquals("/v1/chat/completions", r.path());
      assertTrue(json(r).has("messages"));
      assertEquals("served-by-primary", json(r).path("model").asText());
    }
    // and raw, checked against OpenRouter's chat schemas
    HttpResponse<String> raw = gw.post("/api/v1/chat/completions", "{\"model\":\"acme/model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    assertEquals(200, raw.statusCode(), raw.body());
    OpenRouterSchemas.checkChatSse(raw.body());
    assertEquals("/v1/chat/completions", primary.take().path());
  }

  @Test
  void aFunctionCallRoundTripThroughPreviousResponseIdSendsTheWholeConversationUpstream() throws Exception {
    ResponsesTool capital = ResponsesTool.function("get_capital", "The capital of a country",
        Map.of("type", "object", "properties", Map.of("country", Map.of("type", "string")), "required", List.of("country")));
    // the call first; asked with the call's output, the text
    primary.serving("/responses", answeredWith(TEXT, CALL));
    for (boolean stream : new boolean[] {true, false}) {
      ResponsesRequest first = acme("What is the capital of France?").tools(capital).build();
      Response call = stream ? sdkStream(first) : send(first);
      assertEquals("completed", call.status());
      OutputItem.FunctionCall fc = call.functionCalls().get(0);
      assertEquals("call_kL0PCQV7M2WMoVX8V8OtYSAL", fc.callId(), "the upstream's call id, which its next turn must get back");
      assertEquals("{\"country\":\"France\"}", fc.arguments());
      assertTrue(fc.id().startsWith("fc_"));
      responsesBody(primary, "served-by-primary");

      ResponsesRequest second = ResponsesRequest.builder().model("acme/model").previousResponseId(call.id()).tools(capital)
          .input(List.of(InputItem.functionCallOutput(fc.callId(), "Paris"))).build();
      Response answer = stream ? sdkStream(second) : send(second);
      assertEquals("completed", answer.status());
      assertEquals("The capital of France is Paris.", answer.text());
      assertEquals(call.id(), answer.previousResponseId());

      JsonNode sent = responsesBody(primary, "served-by-primary");
      JsonNode input = sent.path("input");
      assertEquals(3, input.size(), input.toString());
      assertEquals("user", input.get(0).path("role").asText());
      assertEquals("What is the capital of France?", input.get(0).path("content").path(0).path("text").asText());
      assertEquals("function_call", input.get(1).path("type").asText());
      assertEquals("call_kL0PCQV7M2WMoVX8V8OtYSAL", input.get(1).path("call_id").asText());
      assertEquals("get_capital", input.get(1).path("name").asText());
      assertEquals("{\"country\":\"France\"}", input.get(1).path("arguments").asText());
      assertEquals("function_call_output", input.get(2).path("type").asText());
      assertEquals("Paris", input.get(2).path("output").asText());
    }
  }

  @Test
  void encryptedReasoningGoesBackUpstreamWithItsCallThroughPreviousResponseId() throws Exception {
    ResponsesTool finalResult = ResponsesTool.function("final_result", "The final response",
        Map.of("type", "object", "properties", Map.of("result", Map.of("type", "integer")), "required", List.of("result")));
    primary.serving("/responses", answeredWith(TEXT, REASONING_CALL));
    String encrypted = null;
    for (var e : ResponsesFixtures.events(REASONING_CALL)) {
      JsonNode j = Json.mapper().readTree(e.data());
      if (j.path("type").asText().equals("response.output_item.done") && j.path("output_index").asInt() == 0) encrypted = j.path("item").path("encrypted_content").asText();
    }
    ResponsesRequest first = acme("What is 66 times 101?").tools(finalResult).include(List.of("reasoning.encrypted_content"))
        .reasoning(Reasoning.effort(ReasoningEffort.LOW)).build();
    Response call = sdkStream(first);
    assertEquals(List.of("reasoning", "function_call"), call.output().stream().map(OutputItem::type).toList());
    OutputItem.Reasoning reasoning = (OutputItem.Reasoning) call.output().get(0);
    assertEquals(encrypted, reasoning.encryptedContent());
    assertTrue(call.usage().outputTokensDetails().reasoningTokens() == 448);
    responsesBody(primary, "served-by-primary");

    OutputItem.FunctionCall fc = call.functionCalls().get(0);
    Response answer = send(ResponsesRequest.builder().model("acme/model").previousResponseId(call.id()).tools(finalResult)
        .include(List.of("reasoning.encrypted_content")).reasoning(Reasoning.effort(ReasoningEffort.LOW))
        .input(List.of(InputItem.functionCallOutput(fc.callId(), "6666"))).build());
    assertEquals("completed", answer.status());
    JsonNode input = responsesBody(primary, "served-by-primary").path("input");
    assertEquals(List.of("message", "reasoning", "function_call", "function_call_output"),
        List.of(input.get(0).path("type").asText(), input.get(1).path("type").asText(), input.get(2).path("type").asText(), input.get(3).path("type").asText()));
    assertEquals(encrypted, input.get(1).path("encrypted_content").asText(), "the upstream's encrypted reasoning, byte for byte");
    assertEquals("call_CWXgs68YprAjp6t0371hiPOI", input.get(2).path("call_id").asText());
  }

  @Test
  void reasoningSummariesStreamedAndWholeBecomeTheReasoningItemsSummary() throws Exception {
    replay(SUMMARY, WHOLE_REASONING);
    ResponsesRequest request = acme("How do I cross the street?")
        .reasoning(Reasoning.of(ReasoningEffort.HIGH, ReasoningSummary.DETAILED)).build();
    List<String> summaries = new ArrayList<>();
    for (var e : ResponsesFixtures.events(SUMMARY)) {
      JsonNode j = Json.mapper().readTree(e.data());
      if (j.path("type").asText().equals("response.reasoning_summary_text.done")) summaries.add(j.path("text").asText());
    }
    assertEquals(4, summaries.size());
    ResponsesStreamChecker.Checked raw = rawStream(request);
    for (Response r : List.of(sdkStream(request), raw.response())) {
      OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, r.output().get(0));
      assertEquals(summaries, reasoning.summary().stream().map(ReasoningPart::text).toList(), "summary[] as the upstream's parts");
      assertNull(reasoning.content(), "a summary is not reasoning text");
      assertTrue(reasoning.encryptedContent().startsWith("gAAAAAB"));
      assertInstanceOf(OutputItem.Message.class, r.output().get(1));
      assertTrue(r.text().startsWith("I'm not a road safety professional"), r.text());
      assertTrue(r.usage().outputTokensDetails().reasoningTokens() > 0);
    }
    List<String> types = raw.events().stream().map(StreamEvent::type).toList();
    assertEquals(4, types.stream().filter("response.reasoning_summary_part.added"::equals).count());
    assertEquals(4, types.stream().filter("response.reasoning_summary_text.done"::equals).count());
    assertTrue(types.lastIndexOf("response.reasoning_summary_part.done") < types.indexOf("response.output_item.done"));
    assertEquals(-1, types.indexOf("response.reasoning_text.delta"));
    Response whole = send(request);
    OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, whole.output().get(0));
    assertTrue(reasoning.summaryText().startsWith("**Reporting final result**"), reasoning.summaryText());
    assertEquals(Json.mapper().readTree(ResponsesFixtures.read(WHOLE_REASONING)).path("output").get(0).path("summary").size(), reasoning.summary().size());
    assertNull(reasoning.content());
    assertTrue(reasoning.encryptedContent().startsWith("gAAAAAB"));
    assertEquals("12 + 7 = 19\n19 × 3 = 57\n57 × 10 = 570\n\nFinal result: 570", whole.text());
    assertEquals(128, whole.usage().outputTokensDetails().reasoningTokens());
    assertEquals(cost(865, 163), whole.usage().cost(), 1e-12);
  }

  /** A stored response's summary, continued on a chat upstream: OpenRouter's reasoning.summary details in the assistant message. */
  @Test
  void aStoredSummaryReachesAChatUpstreamAsReasoningSummaryDetails() throws Exception {
    replay(SUMMARY);
    Response first = sdkStream(acme("How do I cross the street?").reasoning(Reasoning.of(ReasoningEffort.HIGH, ReasoningSummary.DETAILED)).build());
    List<ReasoningPart> summary = ((OutputItem.Reasoning) first.output().get(0)).summary();
    assertEquals(4, summary.size());
    responsesBody(primary, "served-by-primary");
    primary.serving("/chat/completions", r -> Reply.sse(ResponsesFixtures.read("openai/chat-stream-text-usage.sse")));
    Response next = sdkStream(ResponsesRequest.builder().model("acme/chat-only").previousResponseId(first.id()).input("And at night?").build());
    assertEquals("completed", next.status());
    JsonNode messages = json(primary.take()).path("messages");
    JsonNode assistant = messages.get(1);
    assertEquals("assistant", assistant.path("role").asText(), messages.toString());
    List<String> sent = new ArrayList<>();
    for (JsonNode d : assistant.path("reasoning_details")) if (d.path("type").asText().equals("reasoning.summary")) sent.add(d.path("summary").asText());
    assertEquals(summary.stream().map(ReasoningPart::text).toList(), sent);
    assertTrue(assistant.path("reasoning_details").toString().contains("reasoning.encrypted"), "the encrypted content goes with them");
  }

  @Test
  void openRoutersOwnRecordedStreamsPassThrough() throws Exception {
    replay(OPENROUTER_REASONING);
    for (Response r : everyWay(acme("What is 2+2?").build())) {
      OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, r.output().get(0));
      assertTrue(reasoning.reasoningText().startsWith("The user asks"), reasoning.reasoningText());
      assertEquals("4", r.text());
      assertEquals(22, r.usage().outputTokensDetails().reasoningTokens());
      assertEquals(cost(78, 37), r.usage().cost(), 1e-12, "the gateway's pricing, not OpenRouter's cost");
    }
    replay(OPENROUTER_CALL);
    for (Response r : everyWay(acme("Call the tool").build())) {
      OutputItem.FunctionCall fc = r.functionCalls().get(0);
      assertEquals("test_tool", fc.name());
      assertEquals("{\"message\": \"Hello from the assistant\"}", fc.arguments(), "arguments OpenRouter gave only in response.completed");
    }
  }

  @Test
  void aBackgroundRunPassesThroughWithoutTheGatewaysBackgroundOrStore() throws Exception {
    replay(TEXT);
    HttpResponse<String> queued = gw.post("/api/v1/responses", "{\"model\":\"acme/model\",\"input\":\"Capital?\",\"background\":true}");
    assertEquals(200, queued.statusCode(), queued.body());
    String id = Json.mapper().readTree(queued.body()).path("id").asText();
    JsonNode done = null;
    for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(20)) {
      HttpResponse<String> r = gw.get("/api/v1/responses/" + id);
      done = Json.mapper().readTree(r.body());
      if (r.statusCode() == 200 && done.path("status").asText().equals("completed")) break;
    }
    assertEquals("completed", done.path("status").asText(), String.valueOf(done));
    assertTrue(done.path("background").asBoolean());
    ResponsesSchemas.assertValidResponse(done);
    assertEquals("The capital of France is Paris.", done.path("output").path(0).path("content").path(0).path("text").asText());
    JsonNode sent = responsesBody(primary, "served-by-primary");
    assertFalse(sent.path("stream").asBoolean(true), "a background run asks for one body");
  }

  @Test
  void maxOutputTokensCutsTheAnswerAndTheResponseIsIncomplete() throws Exception {
    primary.serving("/responses", StandInAnswers::responses);
    for (Response r : everyWay(acme("Write a line about the sea.").maxOutputTokens(3).build())) {
      assertEquals("incomplete", r.status());
      assertEquals("max_output_tokens", r.incompleteDetails().reason());
      assertEquals(StandInAnswers.pieces(StandInAnswers.TEXT, 0).subList(0, 3), StandInAnswers.pieces(r.text(), 0));
      assertEquals("incomplete", ((OutputItem.Message) r.output().get(0)).status());
      assertEquals(3, r.usage().outputTokens());
    }
    assertEquals(3, responsesBody(primary, "served-by-primary").path("max_output_tokens").asInt());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anUpstream503BeforeTheFirstEventFallsBackToTheNextEndpoint(boolean stream) throws Exception {
    primary.enqueue(Reply.json(503, "{\"error\":{\"code\":503,\"message\":\"No instances available\"}}"));
    backup.serving("/responses", StandInUpstream.responsesReplay(TEXT, null));
    Response r = stream ? sdkStream(two("Hi").build()) : send(two("Hi").build());
    assertEquals("completed", r.status());
    assertEquals("The capital of France is Paris.", r.text());
    assertEquals("acme/two", r.model());
    responsesBody(primary, "first-choice");
    responsesBody(backup, "second-choice");
  }

  @Test
  void anErrorEventBeforeTheFirstContentFallsBackToo() throws Exception {
    replay(ERROR_BEFORE_CONTENT);
    backup.serving("/responses", StandInUpstream.responsesReplay(TEXT, null));
    assertEquals("The capital of France is Paris.", sdkStream(two("Hi").build()).text());
    responsesBody(primary, "first-choice");
    responsesBody(backup, "second-choice");

    // alone, it is the upstream's error as an HTTP status: insufficient_quota is a 429, as OpenAI answers it
    ApiException e = assertThrows(ApiException.class, () -> sdkStream(acme("Hi").build()));
    assertEquals(429, e.statusCode());
    assertTrue(e.getMessage().contains("exceeded your current quota"), e.getMessage());
  }

  @Test
  void aFailureAfterTheFirstWordsEndsWithResponseFailed() throws Exception {
    primary.serving("/responses", StandInAnswers::responses);
    ResponsesStreamChecker.Checked raw = rawStream(acme("Write a line. " + StandInAnswers.FAIL_MID_STREAM).build());
    assertEquals("response.failed", raw.events().getLast().type());
    Response failed = raw.response();
    assertEquals("failed", failed.status());
    assertEquals("server_error", failed.error().code());
    assertEquals("The upstream model broke off.", failed.error().message());
    assertEquals(String.join("", StandInAnswers.pieces(StandInAnswers.TEXT, 0).subList(0, StandInAnswers.PIECES_BEFORE_FAILURE)), failed.text());
    assertEquals("incomplete", ((OutputItem.Message) failed.output().get(0)).status());
    assertEquals("acme/model", failed.model());
    responsesBody(primary, "served-by-primary");
  }

  @Test
  void aMalformedStreamFailsLikeABrokenUpstream() throws Exception {
    primary.serving("/responses", r -> Reply.sse(
        "data: {\"type\":\"response.created\",\"response\":{\"id\":\"r\",\"status\":\"in_progress\",\"output\":[]}}\n\n",
        "data: {\"type\":\"response.output_text.delta\",\"output_index\":0,\"content_index\":0,\"item_id\":\"m\",\"delta\":\"Hello\"}\n\n",
        "data: {\"type\":\"response.output_text.delta\",\"output_index\":0,\"del\n\n"));
    ResponsesStreamChecker.Checked raw = rawStream(acme("Hi").build());
    assertEquals("failed", raw.response().status());
    assertEquals("server_error", raw.response().error().code());
    assertEquals("Hello", raw.response().text());

    // before any content, the same breakage is an error status, not an answer
    primary.serving("/responses", r -> Reply.sse("data: {not json\n\n"));
    ApiException e = assertThrows(ApiException.class, () -> send(acme("Hi").build()));
    assertEquals(502, e.statusCode());
  }

}
