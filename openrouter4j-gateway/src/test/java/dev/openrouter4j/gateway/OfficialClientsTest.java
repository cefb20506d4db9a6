package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.openrouter4j.api.chat.ToolCall;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.ResponsesTool;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.gateway.responses.ResponsesStreamChecker;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official client libraries, unmodified, against the gateway: OpenRouter's TypeScript SDK
 * ({@code @openrouter/sdk}) and OpenAI's ({@code openai}), installed from npm at the versions locked
 * in {@code src/test/node}, run by {@code node --test} against a gateway on loopback; and this
 * project's own SDK, for what the other gateway tests do not already cover. The models are all
 * {@code simulated}, so answers are deterministic and need no network.
 */
class OfficialClientsTest {
  /**
   * The models the Node scripts know by name (common.mjs): simulated ones, and three in front of
   * stand-in upstreams ({@link StandInAnswers}) that speak OpenAI chat completions, Anthropic
   * messages and (an {@code openrouter}-kind upstream, which Responses requests pass through to) the
   * Responses API. {@code %1$s}, {@code %2$s} and {@code %3$s} are the stand-ins' base URLs.
   */
  static final String CONFIG = """
      providers:
        - { id: sim, kind: simulated, options: { output_tokens: 12 } }
        - { id: sim-small, kind: simulated, options: { output_tokens: 6 } }
        - { id: sim-slow, kind: simulated, options: { output_tokens: 4, ttft_ms: 300 } }
        - { id: sim-breaks, kind: simulated, options: { output_tokens: 8, fault: "error_after:3" } }
        - { id: sim-down, kind: simulated, options: { fault: "status:503" } }
        - { id: sim-limited, kind: simulated, options: { fault: "status:429" } }
        - { id: openai-standin, kind: openai, base_url: "%1$s", api_key: sk-upstream }
        - { id: anthropic-standin, kind: anthropic, base_url: "%2$s", api_key: ant-upstream }
        - { id: responses-standin, kind: openrouter, base_url: "%3$s", api_key: sk-or-upstream }
      models:
        - id: acme/chat
          endpoints: [{ provider: sim, pricing: { prompt: 1, completion: 2 } }]
        - id: acme/small
          endpoints: [{ provider: sim-small, pricing: { prompt: 0.5, completion: 1 } }]
        - id: acme/slow
          endpoints: [{ provider: sim-slow, pricing: { prompt: 1, completion: 2 } }]
        - id: acme/breaks
          endpoints: [{ provider: sim-breaks, pricing: { prompt: 1, completion: 2 } }]
        - id: acme/down
          endpoints: [{ provider: sim-down }]
        - id: acme/limited
          endpoints: [{ provider: sim-limited }]
        - id: acme/embed
          output_modalities: [embeddings]
          endpoints: [{ provider: sim, pricing: { prompt: 1 } }]
        - id: standin/gpt
          endpoints: [{ provider: openai-standin, upstream_model: gpt-standin, pricing: { prompt: 1, completion: 2 }, supports: [tools, response_format] }]
        - id: standin/claude
          endpoints: [{ provider: anthropic-standin, upstream_model: claude-standin, pricing: { prompt: 3, completion: 15 }, supports: [tools] }]
        - id: standin/responses
          endpoints: [{ provider: responses-standin, upstream_model: openai/gpt-standin, pricing: { prompt: 1, completion: 2 }, supports: [tools, response_format] }]
      """;

  static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);

  static Vertx vertx;
  static StandInUpstream openAiUpstream;
  static StandInUpstream anthropicUpstream;
  static StandInUpstream responsesUpstream;
  static GatewayHarness gw;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    // the harness sends ": OPENROUTER PROCESSING" every 50 ms, so acme/slow gets several before its first token
    openAiUpstream = new StandInUpstream(vertx).answering(StandInAnswers::openAi);
    anthropicUpstream = new StandInUpstream(vertx).answering(StandInAnswers::anthropic);
    // only /responses: a chat request reaching it would be answered 500 (the stand-in's fallback)
    responsesUpstream = new StandInUpstream(vertx).serving("/responses", StandInAnswers::responses);
    gw = new GatewayHarness(vertx, CONFIG.formatted(openAiUpstream.baseUrl(), anthropicUpstream.baseUrl(), responsesUpstream.baseUrl()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (gw != null) gw.close();
    if (openAiUpstream != null) openAiUpstream.close();
    if (anthropicUpstream != null) anthropicUpstream.close();
    if (responsesUpstream != null) responsesUpstream.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static List<String> nodeScripts() throws Exception {
    List<String> scripts = NodeProject.scripts();
    assertFalse(scripts.isEmpty(), "no *.test.mjs in " + NodeProject.DIR.toAbsolutePath());
    return scripts;
  }

  /** Skipped, with the reason, when node or npm is missing or the npm registry cannot be reached for the first install. */
  @ParameterizedTest(name = "node --test {0}")
  @MethodSource("nodeScripts")
  @Timeout(value = 8, unit = TimeUnit.MINUTES) // the first npm ci may take a while; the script itself has SCRIPT_TIMEOUT
  void theOfficialNodeClientPassesItsScriptAgainstTheGateway(String script) throws Exception {
    NodeProject.requireInstalled();
    NodeProject.Output out = NodeProject.test(script, Map.of("OPENROUTER4J_GATEWAY_URL", gw.url("/api/v1")), SCRIPT_TIMEOUT);
    assertTrue(out.exit() != -1, script + " did not finish within " + SCRIPT_TIMEOUT.toSeconds() + " s:\n" + out.tail());
    assertEquals(0, out.exit(), script + " failed:\n" + out.tail());
  }

  static ChatTool weatherTool() {
    return ChatTool.function("get_weather", "Get the current weather in a given city",
        Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city")));
  }

  @Test
  void ourSdkStreamsTheTextItSendsWithUsageAndCostInTheLastChunk() {
    ChatRequest request = ChatRequest.builder().model("acme/chat").messages(ChatMessage.user("Write a haiku about the sea.")).build();
    ChatResult sent = gw.client.chat().send(request);
    List<ChatStreamChunk> chunks = new ArrayList<>();
    try (EventStream<ChatStreamChunk> stream = gw.client.chat().stream(request)) {
      stream.forEach(chunks::add);
    }
    ChatResult streamed = ChatAccumulator.accumulate(chunks);
    assertFalse(sent.text().isEmpty());
    assertEquals(sent.text(), streamed.text());
    assertEquals("acme/chat", streamed.model());
    assertTrue(streamed.id().startsWith("gen-"), streamed.id());
    ChatStreamChunk last = chunks.getLast();
    assertTrue(last.choices().isEmpty());
    assertEquals(sent.usage().completionTokens(), last.usage().completionTokens());
    assertEquals(sent.usage().cost(), last.usage().cost(), 1e-12);
    assertTrue(last.usage().cost() > 0);
  }

  @Test
  void ourSdkCompletesAToolCallRoundTripThroughTheGatewayStreamingAndNot() throws Exception {
    List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user("What is the weather in Paris?")));
    ChatRequest first = ChatRequest.builder().model("acme/chat").messages(messages).tools(List.of(weatherTool())).build();

    ChatResult sent = gw.client.chat().send(first);
    ChatResult streamed;
    try (EventStream<ChatStreamChunk> stream = gw.client.chat().stream(first)) {
      streamed = ChatAccumulator.accumulate(stream);
    }
    for (ChatResult r : List.of(sent, streamed)) {
      assertEquals("tool_calls", r.choices().getFirst().finishReason());
      ToolCall call = r.choices().getFirst().message().toolCalls().getFirst();
      assertEquals("get_weather", call.function().name());
      assertNotNull(call.id());
      JsonNode args = Json.mapper().readTree(call.function().arguments());
      assertTrue(args.path("city").isTextual(), args.toString());
    }
    assertEquals(sent.choices().getFirst().message().toolCalls().getFirst().function().arguments(),
        streamed.choices().getFirst().message().toolCalls().getFirst().function().arguments());

    ToolCall call = sent.choices().getFirst().message().toolCalls().getFirst();
    messages.add(ChatMessage.assistantToolCalls(List.of(call)));
    messages.add(ChatMessage.tool(call.id(), "{\"temperature\":21,\"unit\":\"celsius\"}"));
    ChatRequest second = first.toBuilder().messages(messages).build();
    ChatResult answer = gw.client.chat().send(second);
    ChatResult streamedAnswer;
    try (EventStream<ChatStreamChunk> stream = gw.client.chat().stream(second)) {
      streamedAnswer = ChatAccumulator.accumulate(stream);
    }
    for (ChatResult r : List.of(answer, streamedAnswer)) {
      assertEquals("stop", r.choices().getFirst().finishReason());
      assertFalse(r.text().isEmpty());
      assertNull(r.choices().getFirst().message().toolCalls());
    }
    assertEquals(answer.text(), streamedAnswer.text());
  }

  /** Sent and streamed through our SDK; the stream checked event by event (order, nesting, numbering, final response). */
  static List<Response> sentAndStreamed(ResponsesRequest request) {
    Response sent = gw.client.responses().send(request);
    List<StreamEvent> events = new ArrayList<>();
    try (EventStream<StreamEvent> stream = gw.client.responses().stream(request)) {
      stream.forEach(events::add);
    }
    return List.of(sent, ResponsesStreamChecker.check(events));
  }

  /** The Node scripts' function-call scenario, through our SDK, over both stand-in upstreams; costs at their prices (per million). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"standin/gpt, 1, 2", "standin/claude, 3, 15", "standin/responses, 1, 2"})
  void ourSdkCompletesAResponsesFunctionCallRoundTripOverEachStandInUpstream(String model, double promptPrice, double completionPrice)
      throws Exception {
    ResponsesTool weather = ResponsesTool.strictFunction("get_weather", "Get the current weather in a given city",
        Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city"),
            "additionalProperties", false));
    ResponsesRequest first = ResponsesRequest.builder().model(model).input("What is the weather in Paris?").tools(weather).build();
    List<Response> calls = sentAndStreamed(first);
    for (Response r : calls) {
      assertEquals("completed", r.status());
      assertEquals(1, r.output().size(), r.output().toString());
      OutputItem.FunctionCall call = r.functionCalls().getFirst();
      assertEquals("get_weather", call.name());
      assertEquals(Map.of("city", StandInAnswers.CITY), Json.mapper().readValue(call.arguments(), Map.class));
      int outputTokens = StandInAnswers.pieces(call.arguments(), 5).size();
      assertEquals(StandInAnswers.INPUT_TOKENS, r.usage().inputTokens());
      assertEquals(outputTokens, r.usage().outputTokens());
      assertEquals((StandInAnswers.INPUT_TOKENS * promptPrice + outputTokens * completionPrice) / 1e6, r.usage().cost(), 1e-12);
    }
    assertEquals(calls.get(0).functionCalls().getFirst().callId(), calls.get(1).functionCalls().getFirst().callId());

    String output = "{\"temperature\":21,\"unit\":\"celsius\"}";
    List<InputItem> input = new ArrayList<>(first.input().asItems());
    input.addAll(calls.get(0).outputAsInput());
    input.add(InputItem.functionCallOutput(calls.get(0).functionCalls().getFirst().callId(), output));
    for (Response r : sentAndStreamed(first.toBuilder().input(input).build())) {
      assertEquals("completed", r.status());
      assertTrue(r.functionCalls().isEmpty());
      assertEquals(StandInAnswers.weatherSentence(StandInAnswers.CITY, output), r.text());
    }
  }
}
