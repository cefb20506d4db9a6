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
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.OutputContent;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.ResponsesTool;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.errors.ApiException;
import dev.openrouter4j.errors.StreamException;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import dev.openrouter4j.gateway.responses.ResponsesSchemas;
import dev.openrouter4j.gateway.responses.ResponsesStreamChecker;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/responses} end to end: the SDK's {@code responses()} → gateway → an
 * OpenAI-format stand-in replaying recorded chat streams, or the simulated provider. Every stream
 * is checked twice: as the SDK reads it ({@link ResponsesStreamChecker#check}) and as raw SSE
 * (framing, {@code [DONE]} and every payload against the Open Responses schemas); every JSON body is
 * validated against {@code ResponseResource}.
 */
class ResponsesGatewayTest {
  static Vertx vertx;
  StandInUpstream primary;
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
    gw = new GatewayHarness(vertx, """
        providers:
          - id: primary
            kind: openai
            base_url: %s
            timeout_ms: 60000
          - id: sim
            kind: simulated
            options: { output_tokens: 8 }
          - id: sim-down
            kind: simulated
            options: { fault: "status:503" }
        models:
          - id: acme/model
            endpoints:
              - provider: primary
                upstream_model: served-by-primary
                pricing: { prompt: 1, completion: 2 }
          - id: sim/model
            endpoints:
              - provider: sim-down
                pricing: { prompt: 1, completion: 1 }
              - provider: sim
                pricing: { prompt: 1, completion: 1 }
        """.formatted(primary.baseUrl()));
  }

  @AfterEach
  void stop() throws Exception {
    gw.close();
    primary.close();
  }

  static ResponsesRequest.Builder acme(String input) {
    return ResponsesRequest.builder().model("acme/model").input(input);
  }

  /** The simulated model, through the healthy endpoint only. */
  static ResponsesRequest.Builder sim(String input) {
    return ResponsesRequest.builder().model("sim/model").input(input).provider(ProviderPreferences.builder().order("sim").build());
  }

  void replay(String fixture) throws Exception {
    primary.always(Reply.sse(Files.readString(ChatCompletionsTest.fixture(fixture))));
  }

  /** Streams through the SDK; every event checked; the terminal response. */
  Response sdkStream(ResponsesRequest request) {
    List<StreamEvent> events = new ArrayList<>();
    try (EventStream<StreamEvent> stream = gw.client.responses().stream(request)) {
      stream.forEach(events::add);
    }
    return ResponsesStreamChecker.check(events);
  }

  /** Streams over raw HTTP; framing, schemas and the state machine checked. */
  ResponsesStreamChecker.Checked rawStream(String path, ResponsesRequest request) throws Exception {
    HttpResponse<String> r = gw.post(path, Json.mapper().writeValueAsString(request.toBuilder().stream(true).build()));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
    return ResponsesStreamChecker.checkSse(r.body());
  }

  ResponsesStreamChecker.Checked rawStream(ResponsesRequest request) throws Exception {
    return rawStream("/api/v1/responses", request);
  }

  /** Sends without streaming through the SDK; the raw body validated. */
  Response send(ResponsesRequest request) {
    ApiResponse<Response> r = gw.client.responses().sendWithResponse(request, RequestOptions.none());
    try {
      ResponsesSchemas.assertValidResponse(Json.mapper().readTree(r.rawBody()));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return r.body();
  }

  @Test
  void aRecordedOpenAiTextStreamBecomesAResponsesStreamWithUsageAndCost() throws Exception {
    replay("openai/chat-stream-text-usage.sse");
    Response done = sdkStream(acme("Hello").build());
    assertEquals("completed", done.status());
    assertFalse(done.text().isEmpty());
    assertTrue(done.id().startsWith("gen-"), done.id());
    assertEquals("acme/model", done.model());
    assertNotNull(done.usage().cost());
    assertTrue(done.usage().inputTokens() > 0);

    ResponsesStreamChecker.Checked raw = rawStream(acme("Hello").build());
    assertEquals(done.text(), raw.response().outputText());
    assertEquals("response.output_text.delta", raw.events().get(4).type());
  }

  @Test
  void theUpstreamGetsAChatCompletionsRequest() throws Exception {
    replay("openai/chat-stream-text-usage.sse");
    sdkStream(acme("Hello").instructions("Be brief.").maxOutputTokens(50).store(true).build());
    JsonNode sent = Json.mapper().readTree(primary.take().body());
    assertEquals("served-by-primary", sent.path("model").asText());
    assertEquals("system", sent.path("messages").get(0).path("role").asText());
    assertEquals("Hello", sent.path("messages").get(1).path("content").asText());
    assertEquals(50, sent.path("max_completion_tokens").asInt());
    assertTrue(sent.path("stream").asBoolean());
    assertNull(sent.get("input"));
    assertNull(sent.get("store"));
  }

  @Test
  void recordedParallelToolCallsAreFunctionCallItemsOfTheirOwn() throws Exception {
    replay("openai/chat-stream-parallel-tool-calls.sse");
    Response done = sdkStream(acme("Weather and stock?").build());
    List<OutputItem.FunctionCall> calls = done.functionCalls();
    assertEquals(2, calls.size(), done.output().toString());
    for (OutputItem.FunctionCall call : calls) {
      assertTrue(call.callId().startsWith("call_"), call.callId());
      assertTrue(Json.mapper().readTree(call.arguments()).isObject(), call.arguments());
    }
    assertEquals(2, rawStream(acme("Weather and stock?").build()).response().functionCalls().size());
  }

  @Test
  void aRecordedRefusalIsARefusalPart() throws Exception {
    replay("openai/chat-stream-refusal.sse");
    Response done = sdkStream(acme("Something bad").build());
    OutputItem.Message m = assertInstanceOf(OutputItem.Message.class, done.output().get(0));
    assertInstanceOf(OutputContent.Refusal.class, m.content().get(0));
    assertTrue(rawStream(acme("Something bad").build()).events().stream().anyMatch(e -> e.type().equals("response.refusal.done")));
  }

  @Test
  void recordedReasoningDetailsBecomeAReasoningItemWithItsSignature() throws Exception {
    replay("openrouter/chat-stream-reasoning-details.sse");
    Response done = sdkStream(acme("Think first").build());
    OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, done.output().get(0));
    assertFalse(reasoning.reasoningText().isEmpty());
    assertNotNull(reasoning.signature());
    assertEquals("anthropic-claude-v1", reasoning.format());
    assertInstanceOf(OutputItem.Message.class, done.output().get(1));
    assertTrue(done.usage().outputTokensDetails().reasoningTokens() > 0);
    assertEquals(reasoning.reasoningText(), ((OutputItem.Reasoning) rawStream(acme("Think first").build()).response().output().get(0)).reasoningText());
  }

  @Test
  void aRecordedCompletionIsAResponseWhenNotStreaming() throws Exception {
    primary.always(Reply.json(200, Files.readString(ChatCompletionsTest.fixture("openai/chat-completion-nonstream.json"))));
    Response r = send(acme("Hello").build());
    assertEquals("completed", r.status());
    assertFalse(r.text().isEmpty());
    assertNotNull(r.usage().cost());
    assertFalse(Json.mapper().readTree(primary.take().body()).path("stream").asBoolean(true));
  }

  @Test
  void theSimulatedModelAnswersTheSameStreamedOrNot() throws Exception {
    Response streamed = sdkStream(sim("Hello there").build());
    Response sent = send(sim("Hello there").build());
    assertEquals("completed", streamed.status());
    assertEquals(8, streamed.usage().outputTokens());
    assertEquals(Json.mapper().valueToTree(strip(streamed.output())), Json.mapper().valueToTree(strip(sent.output())));
    assertEquals(streamed.text(), rawStream(sim("Hello there").build()).response().outputText());
  }

  /** Output items without their ids, which differ per response. */
  static List<String> strip(List<OutputItem> output) {
    return output.stream().map(i -> i instanceof OutputItem.Message m ? m.role() + ":" + m.status() + ":" + m.text() : i.type()).toList();
  }

  @Test
  void aToolLoopRunsThroughTheResponsesApi() throws Exception {
    ResponsesTool weather = ResponsesTool.function("weather", "Weather in a city",
        Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city")));
    ResponsesRequest first = sim("Weather in Oslo?").tools(weather).build();
    Response call = sdkStream(first);
    OutputItem.FunctionCall fc = call.functionCalls().get(0);
    assertEquals("weather", fc.name());
    assertTrue(Json.mapper().readTree(fc.arguments()).has("city"), fc.arguments());
    assertEquals(1, rawStream(first).response().functionCalls().size());

    List<InputItem> input = new ArrayList<>(first.input().asItems());
    input.addAll(call.outputAsInput());
    input.add(InputItem.functionCallOutput(fc.callId(), "{\"temp\":3}"));
    Response answer = send(first.toBuilder().input(input).build());
    assertEquals("completed", answer.status());
    assertTrue(answer.functionCalls().isEmpty());
    assertFalse(answer.text().isEmpty());
  }

  @Test
  void maxOutputTokensCutsTheAnswerAndTheResponseIsIncomplete() throws Exception {
    ResponsesRequest cut = sim("Hello").maxOutputTokens(3).build();
    Response streamed = sdkStream(cut);
    assertEquals("incomplete", streamed.status());
    assertEquals("max_output_tokens", streamed.incompleteDetails().reason());
    assertEquals(3, streamed.usage().outputTokens());
    assertEquals("response.incomplete", rawStream(cut).events().getLast().type());
    Response sent = send(cut);
    assertEquals("incomplete", sent.status());
    assertEquals("incomplete", ((OutputItem.Message) sent.output().get(0)).status());
  }

  @Test
  void anEndpointFailingBeforeTheFirstEventFallsBackUnseen() throws Exception {
    ResponsesRequest request = ResponsesRequest.builder().model("sim/model").input("Hello")
        .provider(ProviderPreferences.builder().order("sim-down", "sim").build()).build();
    Response streamed = sdkStream(request);
    assertEquals("completed", streamed.status());
    assertFalse(streamed.text().isEmpty());
    assertEquals("completed", rawStream(request).response().status());
    assertEquals("completed", send(request).status());
  }

  @Test
  void whenEveryEndpointFailsBeforeTheFirstEventTheAnswerIsAnHttpError() {
    ResponsesRequest request = ResponsesRequest.builder().model("sim/model").input("Hello")
        .provider(ProviderPreferences.builder().order("sim-down").allowFallbacks(false).build()).build();
    ApiException streamed = assertThrows(ApiException.class, () -> sdkStream(request));
    assertEquals(503, streamed.statusCode());
    ApiException sent = assertThrows(ApiException.class, () -> send(request));
    assertEquals(503, sent.statusCode());
  }

  @Test
  void anErrorAfterTheFirstEventEndsTheStreamWithResponseFailed() throws Exception {
    ResponsesRequest request = sim("Hello").putExtraBody("x-simulate-fault", "error_after:3").build();
    StreamException e = assertThrows(StreamException.class, () -> sdkStream(request));
    assertEquals("server_error", e.code());
    Response partial = e.partial(Response.class);
    assertEquals(3, partial.text().split(" ").length, partial.text());

    ResponsesStreamChecker.Checked raw = rawStream(request);
    assertEquals("failed", raw.response().status());
    assertEquals("provider_unavailable", raw.response().errorType());
    assertEquals("incomplete", ((OutputItem.Message) raw.response().output().get(0)).status());

    Response sent = send(request);
    assertEquals("failed", sent.status());
    assertNotNull(sent.error());
    assertFalse(sent.text().isEmpty(), "the partial output is kept");
  }

  @Test
  void aCutUpstreamEndsTheStreamWithResponseFailedToo() throws Exception {
    ResponsesStreamChecker.Checked raw = rawStream(sim("Hello").putExtraBody("x-simulate-fault", "cut_after:2").build());
    assertEquals("failed", raw.response().status());
    assertEquals("server_error", raw.response().error().code());
  }

  @Test
  void aSlowUpstreamGetsProcessingCommentsBeforeTheFirstEvent() throws Exception {
    ResponsesRequest slow = sim("Hello").putExtraBody("x-simulate-ttft-ms", "300").build();
    HttpResponse<String> r = gw.post("/api/v1/responses", Json.mapper().writeValueAsString(slow.toBuilder().stream(true).build()));
    assertTrue(r.body().startsWith(": OPENROUTER PROCESSING\n\n"), r.body());
    assertEquals("completed", ResponsesStreamChecker.checkSse(r.body()).response().status());
  }

  @Test
  void failingAfterKeepAliveCommentsEndsInBandWithResponseFailed() throws Exception {
    ResponsesRequest slowFail = ResponsesRequest.builder().model("sim/model").input("Hello")
        .provider(ProviderPreferences.builder().order("sim-down").allowFallbacks(false).build())
        .putExtraBody("x-simulate-ttft-ms", "300").build();
    HttpResponse<String> r = gw.post("/api/v1/responses", Json.mapper().writeValueAsString(slowFail.toBuilder().stream(true).build()));
    assertEquals(200, r.statusCode());
    assertTrue(r.body().startsWith(": OPENROUTER PROCESSING"), r.body());
    ResponsesStreamChecker.Checked checked = ResponsesStreamChecker.checkSse(r.body());
    assertEquals(List.of("response.created", "response.in_progress", "response.failed"), checked.events().stream().map(StreamEvent::type).toList());
    assertEquals("server_error", checked.response().error().code());
    assertEquals("sim/model", checked.response().model());
  }

  @Test
  void theAlphaPathServesTheSameApi() throws Exception {
    assertEquals("completed", rawStream("/api/alpha/responses", sim("Hello").build()).response().status());
    HttpResponse<String> r = gw.post("/api/alpha/responses", "{\"model\":\"sim/model\",\"input\":\"Hi\",\"provider\":{\"order\":[\"sim\"]}}");
    assertEquals(200, r.statusCode(), r.body());
    ResponsesSchemas.assertValidResponse(Json.mapper().readTree(r.body()));
  }

  @Test
  void anUnknownPreviousResponseIdIsA404InOpenRoutersErrorShapeAndStoreIsEchoed() throws Exception {
    HttpResponse<String> r = gw.post("/api/v1/responses", "{\"model\":\"sim/model\",\"input\":\"Hi\",\"previous_response_id\":\"resp_1\"}");
    assertEquals(404, r.statusCode());
    JsonNode error = Json.mapper().readTree(r.body()).path("error");
    assertEquals(404, error.path("code").asInt());
    assertEquals("Previous response with id 'resp_1' not found.", error.path("message").asText(), r.body());
    HttpResponse<String> stored = gw.post("/api/v1/responses", "{\"model\":\"sim/model\",\"input\":\"Hi\",\"store\":false,\"provider\":{\"order\":[\"sim\"]}}");
    assertEquals(200, stored.statusCode(), stored.body());
    assertFalse(Json.mapper().readTree(stored.body()).path("store").asBoolean(true));
  }
}
