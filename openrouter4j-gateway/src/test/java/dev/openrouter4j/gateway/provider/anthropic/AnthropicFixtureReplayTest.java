package dev.openrouter4j.gateway.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.LlmEvent.Finish;
import dev.openrouter4j.gateway.event.LlmEvent.ReasoningDelta;
import dev.openrouter4j.gateway.event.LlmEvent.Start;
import dev.openrouter4j.gateway.event.LlmEvent.TextDelta;
import dev.openrouter4j.gateway.event.LlmEvent.ToolCallDelta;
import dev.openrouter4j.gateway.event.LlmEvent.ToolCallEnd;
import dev.openrouter4j.gateway.event.LlmEvent.ToolCallStart;
import dev.openrouter4j.gateway.event.LlmEvent.Usage;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The recorded Anthropic answers, replayed over loopback, decode into the expected canonical events. */
class AnthropicFixtureReplayTest {
  private static final String FORMAT = "anthropic-claude-v1";

  private static AnthropicLoopback loopback;

  @BeforeAll
  static void start() throws Exception {
    loopback = new AnthropicLoopback();
  }

  @AfterAll
  static void stop() throws Exception {
    loopback.close();
  }

  private static List<LlmEvent> replay(String fixture) throws Exception {
    loopback.anthropic.replay(fixture);
    ChatRequest chat = ChatRequest.builder().messages(ChatMessage.user("hi")).build();
    boolean stream = fixture.endsWith(".sse");
    return loopback.drain(new UpstreamRequest(chat, "claude-sonnet-4-5", null, stream, Map.of()));
  }

  @Test
  void aStreamedTextAnswerBecomesStartTextUsageAndFinish() throws Exception {
    assertEquals(
        List.of(
            new Start("msg_018E1hg8GoVTGEKQY3ovMcSJ", "claude-sonnet-4-5-20250929"),
            new TextDelta(0, "2"),
            new Usage(new TokenUsage(20, 5, 0, 0, 0)),
            new Finish(0, "stop", "end_turn")),
        replay("messages-stream-text.sse"));
  }

  @Test
  void aStreamedToolUseBecomesOneToolCallWhoseArgumentsJoinIntoTheInput() throws Exception {
    List<LlmEvent> events = replay("messages-stream-tool-use.sse");
    assertEquals(
        List.of(
            new Start("msg_019Q1hrJbZG26Fb9BQhrkHEr", "claude-sonnet-4-20250514"),
            new TextDelta(0, "I"),
            new TextDelta(0, "'ll check the current weather in Paris for you."),
            // the block index is 1, the tool call is the first of its kind
            new ToolCallStart(0, 0, "toolu_01NRLabsLyVHZPKxbKvkfSMn", "get_weather"),
            new ToolCallDelta(0, 0, "{\"locati"),
            new ToolCallDelta(0, 0, "on\": \"P"),
            new ToolCallDelta(0, 0, "ar"),
            new ToolCallDelta(0, 0, "is\"}"),
            new ToolCallEnd(0, 0),
            new Usage(new TokenUsage(377, 65, 0, 0, 0)),
            new Finish(0, "tool_calls", "tool_use")),
        events);
    assertEquals(Json.mapper().readTree("{\"location\":\"Paris\"}"), Json.mapper().readTree(arguments(events, 0)));
  }

  @Test
  void aStreamedThinkingBlockBecomesReasoningThenItsSignatureBeforeTheText() throws Exception {
    List<LlmEvent> events = replay("messages-stream-thinking.sse");
    JsonNode[] deltas = sseDeltas("messages-stream-thinking.sse");

    assertEquals(new Start("msg_01ALwQ87pTS7hH1PjSdC9wJD", "claude-sonnet-4-20250514"), events.get(0));
    String thinking = events.stream().filter(e -> e instanceof ReasoningDelta r && r.text() != null)
        .map(e -> ((ReasoningDelta) e).text()).collect(Collectors.joining());
    assertEquals(join(deltas, "thinking"), thinking);
    assertTrue(thinking.startsWith("This is a straightforward question about pedestrian safety."));

    // the signature closes the reasoning: one delta, right before the first text
    int firstText = indexOf(events, TextDelta.class);
    assertEquals(new ReasoningDelta(0, null, join(deltas, "signature"), FORMAT), events.get(firstText - 1));
    assertEquals(15, firstText); // Start, 13 non-empty thinking deltas, the signature
    assertTrue(events.subList(1, firstText).stream().allMatch(e -> e instanceof ReasoningDelta r && FORMAT.equals(r.format())));

    assertEquals(join(deltas, "text"), texts(events));
    assertEquals(
        List.of(new Usage(new TokenUsage(43, 282, 0, 0, 0)), new Finish(0, "stop", "end_turn")),
        events.subList(events.size() - 2, events.size()));
  }

  @Test
  void anInStreamOverloadedErrorBecomesAFailure529AndEndsTheCall() throws Exception {
    assertEquals(
        List.of(new LlmEvent.Failure(529, "Overloaded", "provider_overloaded", "overloaded_error")),
        replay("messages-stream-error-overloaded.sse"));
  }

  @Test
  void aCompleteTextMessageBecomesTheSameEventsAsAStream() throws Exception {
    assertEquals(
        List.of(
            new Start("msg_01VdEjxAP5ahtHKrrRdNBteQ", "claude-sonnet-4-5-20250929"),
            new TextDelta(0, "Hello! I'm doing well, thanks for asking. How are you doing today? Is there anything I can help you with?"),
            new Usage(new TokenUsage(12, 29, 0, 0, 0)),
            new Finish(0, "stop", "end_turn")),
        replay("messages-nonstream-text.json"));
  }

  @Test
  void aCompleteThinkingMessageGivesTheThinkingItsSignatureAndTheText() throws Exception {
    JsonNode fixture = Json.mapper().readTree(AnthropicStandIn.fixture("messages-nonstream-thinking.json"));
    assertEquals(
        List.of(
            new Start("msg_01XrsJCi8CQoLcnnWdY8RsJz", "claude-sonnet-4-5-20250929"),
            new ReasoningDelta(0, "925 divided by 5 = 185", null, FORMAT),
            new ReasoningDelta(0, null, fixture.at("/content/0/signature").asText(), FORMAT),
            new TextDelta(0, "925 ÷ 5 = 185"),
            new Usage(new TokenUsage(69, 33, 0, 0, 0)),
            new Finish(0, "stop", "end_turn")),
        replay("messages-nonstream-thinking.json"));
  }

  @Test
  void aCompleteToolUseMessageGivesTheInputAsOneArgumentsDelta() throws Exception {
    List<LlmEvent> events = replay("messages-nonstream-tool-use.json");
    JsonNode fixture = Json.mapper().readTree(AnthropicStandIn.fixture("messages-nonstream-tool-use.json"));

    assertEquals(new Start("msg_0191iYfpERYfS27xLsdW2nbb", "claude-haiku-4-5-20251001"), events.get(0));
    assertEquals(new ToolCallStart(0, 0, "toolu_01Q9ExVZnzZj7E2QQYHYtNUa", "json"), events.get(1));
    assertInstanceOf(ToolCallDelta.class, events.get(2));
    assertEquals(
        List.of(new ToolCallEnd(0, 0), new Usage(new TokenUsage(1151, 87, 0, 0, 0)), new Finish(0, "tool_calls", "tool_use")),
        events.subList(3, events.size()));
    assertEquals(fixture.at("/content/0/input"), Json.mapper().readTree(arguments(events, 0)));
  }

  /** The content_block_delta payloads of a recorded stream. */
  private static JsonNode[] sseDeltas(String fixture) throws Exception {
    String sse = new String(AnthropicStandIn.fixture(fixture), StandardCharsets.UTF_8);
    return sse.lines().filter(l -> l.startsWith("data: ") && l.contains("content_block_delta"))
        .map(l -> { try { return Json.mapper().readTree(l.substring(6)).get("delta"); } catch (Exception e) { throw new IllegalStateException(e); } })
        .toArray(JsonNode[]::new);
  }

  private static String join(JsonNode[] deltas, String field) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode d : deltas) if (d.has(field)) sb.append(d.get(field).asText());
    return sb.toString();
  }

  static String texts(List<LlmEvent> events) {
    return events.stream().filter(TextDelta.class::isInstance).map(e -> ((TextDelta) e).text()).collect(Collectors.joining());
  }

  static String arguments(List<LlmEvent> events, int toolIndex) {
    return events.stream().filter(e -> e instanceof ToolCallDelta d && d.index() == toolIndex)
        .map(e -> ((ToolCallDelta) e).arguments()).collect(Collectors.joining());
  }

  private static int indexOf(List<LlmEvent> events, Class<?> type) {
    for (int i = 0; i < events.size(); i++) if (type.isInstance(events.get(i))) return i;
    return -1;
  }
}
