package dev.openrouter4j.gateway.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.LlmEvent.Failure;
import dev.openrouter4j.gateway.event.LlmEvent.Finish;
import dev.openrouter4j.gateway.event.LlmEvent.ReasoningEncrypted;
import dev.openrouter4j.gateway.event.LlmEvent.Start;
import dev.openrouter4j.gateway.event.LlmEvent.TextDelta;
import dev.openrouter4j.gateway.event.LlmEvent.ToolCallDelta;
import dev.openrouter4j.gateway.event.LlmEvent.ToolCallEnd;
import dev.openrouter4j.gateway.event.LlmEvent.ToolCallStart;
import dev.openrouter4j.gateway.event.LlmEvent.Usage;
import dev.openrouter4j.gateway.event.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stream and message decoding beyond the recorded fixtures: cache usage, ordinals, cuts, errors. */
class AnthropicDecoderTest {
  private static final String START = """
      {"type":"message_start","message":{"id":"msg_1","model":"claude-x","content":[],
       "usage":{"input_tokens":10,"cache_read_input_tokens":100,"cache_creation_input_tokens":50,"output_tokens":1}}}""";

  /** Feeds each data payload as one SSE event, then ends the body. */
  private static List<LlmEvent> stream(String... data) {
    List<LlmEvent> out = new ArrayList<>();
    AnthropicSseDecoder decoder = new AnthropicSseDecoder();
    for (String d : data) decoder.event(SseEvent.data(d), out::add);
    decoder.end(out::add);
    return out;
  }

  private static String stop(String reason) {
    return "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + reason + "\"},\"usage\":{\"output_tokens\":7}}";
  }

  /**
   * The recorded tool-use stream and the recorded JSON-tool message (Vercel AI's structured-output
   * recording), with the tool named as the gateway's structured-output tool: its input is the
   * answer's text, and the tool_use stop is a plain stop.
   */
  @Test
  void theStructuredOutputToolsInputIsTheAnswersText() throws Exception {
    String sse = new String(AnthropicStandIn.fixture("messages-stream-tool-use.sse"), java.nio.charset.StandardCharsets.UTF_8).replace("\"get_weather\"", "\"" + AnthropicRequestTranslator.STRUCTURED_OUTPUT_TOOL + "\"");
    List<LlmEvent> out = new ArrayList<>();
    AnthropicSseDecoder decoder = new AnthropicSseDecoder(true);
    for (String block : sse.split("\n\n")) {
      for (String line : block.split("\n")) if (line.startsWith("data:")) decoder.event(SseEvent.data(line.substring(5).trim()), out::add);
    }
    decoder.end(out::add);
    StringBuilder text = new StringBuilder();
    for (LlmEvent e : out) if (e instanceof TextDelta t) text.append(t.text());
    assertTrue(text.toString().endsWith("{\"location\": \"Paris\"}"), text.toString());
    assertTrue(out.stream().noneMatch(e -> e instanceof ToolCallStart || e instanceof ToolCallDelta), out.toString());
    assertEquals(new Finish(0, "stop", "tool_use"), out.get(out.size() - 1));

    JsonNode message = Json.mapper().readTree(new String(AnthropicStandIn.fixture("messages-nonstream-tool-use.json"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("\"json\"", "\"" + AnthropicRequestTranslator.STRUCTURED_OUTPUT_TOOL + "\""));
    List<LlmEvent> whole = AnthropicMessageDecoder.decode(message, true);
    StringBuilder wholeText = new StringBuilder();
    for (LlmEvent e : whole) if (e instanceof TextDelta t) wholeText.append(t.text());
    assertEquals(message.at("/content/0/input"), Json.mapper().readTree(wholeText.toString()));
    assertEquals(new Finish(0, "stop", "tool_use"), whole.get(whole.size() - 1));

    // without the flag, the same message is an ordinary tool call
    assertTrue(AnthropicMessageDecoder.decode(message).stream().anyMatch(e -> e instanceof ToolCallStart));
  }

  @Test
  void cacheReadsAndWritesCountAsPromptTokensAndTheLastCumulativeUsageIsReportedOnce() {
    List<LlmEvent> events = stream(
        START,
        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":null},\"usage\":{\"output_tokens\":12}}",
        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":30}}",
        "{\"type\":\"message_stop\"}");
    assertEquals(
        List.of(new Start("msg_1", "claude-x"), new Usage(new TokenUsage(160, 30, 100, 50, 0)), new Finish(0, "stop", "end_turn")),
        events);
  }

  @Test
  void toolCallsAreNumberedAmongToolCallsAndOneWithoutArgumentsGetsAnEmptyObject() {
    List<LlmEvent> events = stream(
        START,
        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t0\",\"name\":\"now\",\"input\":{}}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}",
        "{\"type\":\"content_block_stop\",\"index\":0}",
        "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
        "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"and\"}}",
        "{\"type\":\"content_block_stop\",\"index\":1}",
        "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"add\",\"input\":{}}}",
        "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\":1}\"}}",
        "{\"type\":\"content_block_stop\",\"index\":2}",
        stop("tool_use"),
        "{\"type\":\"message_stop\"}");
    assertEquals(
        List.of(
            new ToolCallStart(0, 0, "t0", "now"), new ToolCallDelta(0, 0, "{}"), new ToolCallEnd(0, 0),
            new TextDelta(0, "and"),
            new ToolCallStart(0, 1, "t1", "add"), new ToolCallDelta(0, 1, "{\"a\":1}"), new ToolCallEnd(0, 1)),
        events.subList(1, events.size() - 2));
    assertEquals(new Finish(0, "tool_calls", "tool_use"), events.get(events.size() - 1));
  }

  @Test
  void redactedThinkingBecomesEncryptedReasoning() {
    List<LlmEvent> events = stream(
        START,
        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgB\"}}",
        "{\"type\":\"content_block_stop\",\"index\":0}",
        stop("end_turn"),
        "{\"type\":\"message_stop\"}");
    assertEquals(new ReasoningEncrypted(0, "EmwKAhgB", "anthropic-claude-v1"), events.get(1));
  }

  @Test
  void stopReasonsMapToOpenRoutersFinishReasonsKeepingTheNativeOne() {
    for (String[] c : new String[][] {
        {"end_turn", "stop"}, {"stop_sequence", "stop"}, {"pause_turn", "stop"}, {"max_tokens", "length"},
        {"tool_use", "tool_calls"}, {"refusal", "content_filter"}}) {
      List<LlmEvent> events = stream(START, stop(c[0]), "{\"type\":\"message_stop\"}");
      assertEquals(new Finish(0, c[1], c[0]), events.get(events.size() - 1));
    }
  }

  @Test
  void aStreamCutAfterTheStopReasonStillFinishesAndItsOpenToolCallEnds() {
    List<LlmEvent> events = stream(
        START,
        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t0\",\"name\":\"f\",\"input\":{}}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{}\"}}",
        stop("max_tokens"));
    assertEquals(
        List.of(new ToolCallEnd(0, 0), new Usage(new TokenUsage(160, 7, 100, 50, 0)), new Finish(0, "length", "max_tokens")),
        events.subList(3, events.size()));
  }

  @Test
  void aStreamCutBeforeTheStopReasonFailsTheCall() {
    assertThrows(IllegalStateException.class, () -> stream(START, "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
    assertThrows(IllegalStateException.class, () -> stream());
    assertThrows(RuntimeException.class, () -> stream(START, "{not json"));
  }

  @Test
  void inStreamErrorsBecomeFailuresByAnthropicErrorTypeAndNothingFollows() {
    assertEquals(
        List.of(new Start("msg_1", "claude-x"), new Failure(429, "slow down", "rate_limit_exceeded", "rate_limit_error")),
        stream(START, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}", stop("end_turn")));
    assertEquals(
        List.of(new Failure(502, "Internal error", "provider_unavailable", "api_error")),
        stream("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal error\"}}"));
  }

  @Test
  void aCompleteMessageWithRedactedThinkingAndAnEmptyToolInputDecodesLikeAStream() throws Exception {
    List<LlmEvent> events = AnthropicMessageDecoder.decode(Json.mapper().readTree("""
        {"id":"msg_2","model":"claude-x","content":[
          {"type":"redacted_thinking","data":"EmwK"},
          {"type":"tool_use","id":"t0","name":"now","input":{}}],
         "stop_reason":"tool_use",
         "usage":{"input_tokens":5,"cache_read_input_tokens":20,"cache_creation_input_tokens":0,"output_tokens":9}}
        """));
    assertEquals(
        List.of(
            new Start("msg_2", "claude-x"),
            new ReasoningEncrypted(0, "EmwK", "anthropic-claude-v1"),
            new ToolCallStart(0, 0, "t0", "now"), new ToolCallDelta(0, 0, "{}"), new ToolCallEnd(0, 0),
            new Usage(new TokenUsage(25, 9, 20, 0, 0)),
            new Finish(0, "tool_calls", "tool_use")),
        events);
  }
}
