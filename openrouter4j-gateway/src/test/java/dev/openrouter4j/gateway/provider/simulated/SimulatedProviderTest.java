package dev.openrouter4j.gateway.provider.simulated;

import static dev.openrouter4j.gateway.provider.simulated.Sim.ask;
import static dev.openrouter4j.gateway.provider.simulated.Sim.run;
import static dev.openrouter4j.gateway.provider.simulated.Sim.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatTool;
import dev.openrouter4j.api.chat.ToolCall;
import dev.openrouter4j.api.chat.ToolChoice;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedProviderTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    Sim.await(vertx.close());
  }

  @Test
  void answersWithExactlyOutputTokensWordsThenUsageAndStop() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of("output_tokens", 5));
    RecordingSink sink = run(provider, upstream(ask("hello there").build()));

    assertNull(sink.await());
    List<LlmEvent> events = sink.snapshot();
    assertEquals(new LlmEvent.Start("sim-1", "sim/model"), events.getFirst());
    assertEquals(5, sink.of(LlmEvent.TextDelta.class).size());
    for (LlmEvent.TextDelta t : sink.of(LlmEvent.TextDelta.class)) assertTrue(t.text().matches("[a-z]+ "), t.text());
    // "hello there" is 11 characters: 11 / 4 = 2 prompt tokens
    assertEquals(new LlmEvent.Usage(new TokenUsage(2, 5, 0, 0, 0)), events.get(6));
    assertEquals(new LlmEvent.Finish(0, "stop", "stop"), events.getLast());
    assertEquals(8, events.size());
  }

  @Test
  void sameRequestGetsTheSameTextAndIdsCountUp() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of());
    RecordingSink first = run(provider, upstream(ask("the same question").build()));
    RecordingSink second = run(provider, upstream(ask("the same question").build()));

    assertEquals(first.text(), second.text());
    assertEquals(16, first.of(LlmEvent.TextDelta.class).size());
    assertEquals("sim-2", ((LlmEvent.Start) second.snapshot().getFirst()).upstreamId());
    assertNotEquals(first.text(), run(provider, upstream(ask("a different question!").build())).text());
  }

  @Test
  void maxTokensBelowOutputTokensStopsThereWithLength() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of("output_tokens", 10));
    RecordingSink sink = run(provider, upstream(ask("hi").maxTokens(4).maxCompletionTokens(3).build()));

    assertEquals(3, sink.of(LlmEvent.TextDelta.class).size());
    assertEquals(3, sink.of(LlmEvent.Usage.class).getFirst().usage().completionTokens());
    assertEquals("length", sink.of(LlmEvent.Finish.class).getFirst().reason());
  }

  @Test
  void offeredToolsGetACallWithArgumentsMatchingTheSchema() throws Exception {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put(
        "properties",
        Map.of(
            "city", Map.of("type", "string"),
            "unit", Map.of("type", "string", "enum", List.of("celsius", "fahrenheit")),
            "days", Map.of("type", "integer", "minimum", 3),
            "note", Map.of("type", "string")));
    schema.put("required", List.of("city", "unit", "days"));
    ChatRequest request = ask("weather?").tools(ChatTool.function("get_weather", "Weather", schema)).build();

    RecordingSink sink = run(Sim.provider(vertx, Map.of()), upstream(request));

    List<LlmEvent> events = sink.snapshot();
    assertEquals(new LlmEvent.ToolCallStart(0, 0, "call_sim-1", "get_weather"), events.get(1));
    StringBuilder arguments = new StringBuilder();
    for (LlmEvent.ToolCallDelta d : sink.of(LlmEvent.ToolCallDelta.class)) arguments.append(d.arguments());
    JsonNode args = Json.mapper().readTree(arguments.toString());
    assertTrue(args.get("city").isTextual());
    assertEquals("celsius", args.get("unit").asText());
    assertEquals(3, args.get("days").asInt());
    assertEquals(3, args.size(), "only the required properties: " + args);
    int deltas = sink.of(LlmEvent.ToolCallDelta.class).size();
    assertTrue(deltas > 1, "arguments stream in several pieces");
    assertEquals(List.of(new LlmEvent.ToolCallEnd(0, 0)), sink.of(LlmEvent.ToolCallEnd.class));
    assertEquals(deltas, sink.of(LlmEvent.Usage.class).getFirst().usage().completionTokens());
    assertEquals(new LlmEvent.Finish(0, "tool_calls", "tool_calls"), events.getLast());
    assertTrue(sink.of(LlmEvent.TextDelta.class).isEmpty());
  }

  @Test
  void toolChoiceNamesWhichFunctionToCall() throws Exception {
    ChatRequest request =
        ask("go")
            .tools(ChatTool.function("first", "no parameters"), ChatTool.function("second", "one", Map.of(
                "type", "object", "properties", Map.of("query", Map.of("type", "string")))))
            .toolChoice(ToolChoice.function("second"))
            .build();

    RecordingSink sink = run(Sim.provider(vertx, Map.of()), upstream(request));

    assertEquals("second", sink.of(LlmEvent.ToolCallStart.class).getFirst().name());
    assertEquals("{\"query\":\"lorem\"}", arguments(sink));
  }

  @Test
  void aFunctionWithoutParametersIsCalledWithAnEmptyObject() throws Exception {
    ChatRequest request = ask("go").tools(ChatTool.function("ping", "no parameters")).build();
    assertEquals("{}", arguments(run(Sim.provider(vertx, Map.of()), upstream(request))));
  }

  @Test
  void aToolResultLastGetsTextSoTheToolLoopEnds() throws Exception {
    ChatRequest request =
        ask("weather?")
            .tools(ChatTool.function("get_weather", "Weather"))
            .addMessage(ChatMessage.assistantToolCalls(List.of(ToolCall.function("call_1", "get_weather", "{}"))))
            .addMessage(ChatMessage.tool("call_1", "sunny"))
            .build();

    RecordingSink sink = run(Sim.provider(vertx, Map.of("output_tokens", 4)), upstream(request));

    assertTrue(sink.of(LlmEvent.ToolCallStart.class).isEmpty());
    assertEquals(4, sink.of(LlmEvent.TextDelta.class).size());
    assertEquals("stop", sink.of(LlmEvent.Finish.class).getFirst().reason());
  }

  @Test
  void toolChoiceNoneGetsText() throws Exception {
    ChatRequest request = ask("hi").tools(ChatTool.function("f", "")).toolChoice(ToolChoice.none()).build();
    RecordingSink sink = run(Sim.provider(vertx, Map.of()), upstream(request));
    assertTrue(sink.of(LlmEvent.ToolCallStart.class).isEmpty());
    assertEquals("stop", sink.of(LlmEvent.Finish.class).getFirst().reason());
  }

  @Test
  void headersAndBodyKeysOverrideTheProfileForOneRequest() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of("output_tokens", 9));
    ChatRequest request = ask("hi").putExtraBody("x-simulate-tokens", 2).build();

    assertEquals(2, run(provider, upstream(request)).of(LlmEvent.TextDelta.class).size());
    assertEquals(3, run(provider, upstream(request, Map.of("X-Simulate-Tokens", "3"))).of(LlmEvent.TextDelta.class).size());
    assertEquals(9, run(provider, upstream(ask("hi").build())).of(LlmEvent.TextDelta.class).size());
  }

  @Test
  void anUnknownOverrideFailsTheAttemptWith400() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of());
    Throwable t = Sim.failure(provider.open(upstream(ask("hi").build(), Map.of("x-simulate-tokenz", "3"))));
    var e = assertInstanceOf(dev.openrouter4j.gateway.provider.UpstreamException.class, t);
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains("x-simulate-tokenz"), e.getMessage());
  }

  private static String arguments(RecordingSink sink) {
    List<String> pieces = new ArrayList<>();
    for (LlmEvent.ToolCallDelta d : sink.of(LlmEvent.ToolCallDelta.class)) pieces.add(d.arguments());
    return String.join("", pieces);
  }
}
