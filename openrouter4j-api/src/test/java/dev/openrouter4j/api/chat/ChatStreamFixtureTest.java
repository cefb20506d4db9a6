package dev.openrouter4j.api.chat;

import static dev.openrouter4j.api.chat.Fixtures.chunks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.api.chat.ChatMessage.AssistantMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every recorded chat stream: the chunks parse with the values the fixture holds, and the
 * accumulator assembles the expected reply. The expected values were read off the fixture files.
 */
class ChatStreamFixtureTest {

  private static ChatChoice only(ChatResult r) {
    assertEquals(1, r.choices().size());
    return r.choices().get(0);
  }

  @Test
  void openAiTextStreamWithUsageChunk() {
    List<ChatStreamChunk> chunks = chunks("openai/chat-stream-text-usage.sse");
    assertEquals(33, chunks.size());
    ChatStreamChunk first = chunks.get(0);
    assertEquals(ChatStreamChunk.OBJECT, first.object());
    assertEquals("fp_5050236cbd", first.systemFingerprint());
    ChatDelta delta = first.choices().get(0).delta();
    assertEquals("assistant", delta.role());
    assertEquals("", delta.content());
    assertNull(delta.refusal());
    assertNull(first.choices().get(0).finishReason());
    ChatStreamChunk last = chunks.get(32);
    assertTrue(last.choices().isEmpty());
    assertEquals(44, last.usage().totalTokens());

    ChatResult r = ChatAccumulator.accumulate(chunks);
    assertEquals("chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL", r.id());
    assertEquals(ChatResult.OBJECT, r.object());
    assertEquals("gpt-4o-2024-08-06", r.model());
    assertEquals(1727346168L, r.created());
    assertEquals("fp_5050236cbd", r.systemFingerprint());
    assertEquals(
        "I'm unable to provide real-time weather updates. To get the current weather in San Francisco, "
            + "I recommend checking a reliable weather website or a weather app.",
        r.text());
    ChatChoice c = only(r);
    assertEquals("stop", c.finishReason());
    assertNull(c.message().refusal());
    assertNull(c.message().toolCalls());
    assertEquals(14, r.usage().promptTokens());
    assertEquals(30, r.usage().completionTokens());
    assertEquals(0, r.usage().completionTokensDetails().reasoningTokens());
  }

  @Test
  void openAiParallelToolCalls() {
    List<ChatStreamChunk> chunks = chunks("openai/chat-stream-parallel-tool-calls.sse");
    assertEquals(25, chunks.size());
    ToolCallDelta opening = chunks.get(1).choices().get(0).delta().toolCalls().get(0);
    assertEquals(new ToolCallDelta(0, "call_JMW1whyEaYG438VE1OIflxA2", "function",
        new ToolCallDelta.FunctionDelta("GetWeatherArgs", "")), opening);

    ChatResult r = ChatAccumulator.accumulate(chunks);
    ChatChoice c = only(r);
    assertEquals("tool_calls", c.finishReason());
    assertNull(c.message().content());
    assertEquals(
        List.of(
            ToolCall.function("call_JMW1whyEaYG438VE1OIflxA2", "GetWeatherArgs",
                "{\"city\": \"Edinburgh\", \"country\": \"GB\", \"units\": \"c\"}"),
            ToolCall.function("call_DNYTawLBoN8fj3KN6qU9N1Ou", "get_stock_price",
                "{\"ticker\": \"AAPL\", \"exchange\": \"NASDAQ\"}")),
        c.message().toolCalls());
    assertEquals(ChatUsage.of(149, 60).totalTokens(), r.usage().totalTokens());
    assertEquals(209, r.usage().totalTokens());
  }

  @Test
  void openAiRefusal() {
    List<ChatStreamChunk> chunks = chunks("openai/chat-stream-refusal.sse");
    assertEquals(13, chunks.size());
    ChatResult r = ChatAccumulator.accumulate(chunks);
    ChatChoice c = only(r);
    assertEquals("I'm sorry, I can't assist with that request.", c.message().refusal());
    assertNull(c.message().content());
    assertNull(r.text());
    assertEquals("stop", c.finishReason());
    assertEquals(90, r.usage().totalTokens());
    assertEquals(11, r.usage().completionTokens());
  }

  @Test
  void openAiThreeInterleavedChoices() {
    List<ChatStreamChunk> chunks = chunks("openai/chat-stream-n3-choices.sse");
    assertEquals(49, chunks.size());
    assertEquals(2, chunks.get(4).choices().get(0).index());

    ChatResult r = ChatAccumulator.accumulate(chunks);
    assertEquals("chatcmpl-ABfw2KKFuVXmEJgVwYfBvejMAdWtq", r.id());
    assertEquals(3, r.choices().size());
    String[] temps = {"65", "61", "59"};
    for (int i = 0; i < 3; i++) {
      ChatChoice c = r.choices().get(i);
      assertEquals(i, c.index());
      assertEquals("stop", c.finishReason());
      assertEquals("{\"city\":\"San Francisco\",\"temperature\":" + temps[i] + ",\"units\":\"f\"}", c.message().text());
    }
    assertEquals(r.choices().get(0).message().text(), r.text());
    assertEquals(79, r.usage().promptTokens());
    assertEquals(42, r.usage().completionTokens());
    assertEquals(121, r.usage().totalTokens());
  }

  @Test
  void openAiToolCallWithObfuscationPaddingAndNullUsage() {
    List<ChatStreamChunk> chunks = chunks("openai/chat-stream-tool-call-obfuscation.sse");
    assertEquals(8, chunks.size());
    ChatStreamChunk first = chunks.get(0);
    assertEquals("default", first.serviceTier());
    assertNull(first.usage());
    assertEquals(Map.of("obfuscation", "C63r"), first.extra());

    ChatResult r = ChatAccumulator.accumulate(chunks);
    assertEquals("default", r.serviceTier());
    assertEquals("gpt-4o-mini-2024-07-18", r.model());
    ChatChoice c = only(r);
    assertEquals("tool_calls", c.finishReason());
    assertEquals(List.of(ToolCall.function("call_ZR5UUuTt3pf61kjwAJIYdVMj", "get_capital", "{\"country\":\"UK\"}")),
        c.message().toolCalls());
    ChatUsage u = r.usage();
    assertEquals(68, u.totalTokens());
    assertEquals(new ChatUsage.PromptTokensDetails(0, null, 0, null, null), u.promptTokensDetails());
    assertEquals(new ChatUsage.CompletionTokensDetails(0, 0, 0, 0, null), u.completionTokensDetails());
  }

  @Test
  void openRouterMidStreamError() {
    List<ChatStreamChunk> chunks = chunks("openrouter/chat-stream-midstream-error.sse");
    assertEquals(4, chunks.size(), "17 keep-alive comments are skipped");
    assertEquals("Minimax", chunks.get(0).provider());
    ReasoningDetail.Text firstDetail =
        assertInstanceOf(ReasoningDetail.Text.class, chunks.get(0).choices().get(0).delta().reasoningDetails().get(0));
    assertEquals("We need", firstDetail.text());
    assertNull(firstDetail.format());
    assertTrue(chunks.get(2).choices().get(0).delta().reasoningDetails().isEmpty());

    ChatStreamChunk failing = chunks.get(3);
    assertEquals(400, failing.error().code());
    assertEquals("Token limit reached", failing.error().message());
    assertNull(failing.error().metadata());
    assertNull(failing.choices().get(0).finishReason());

    ChatAccumulator acc = new ChatAccumulator();
    chunks.forEach(acc);
    assertEquals(4, acc.chunkCount());
    assertEquals(StreamError.of(400, "Token limit reached"), acc.error());
    ChatResult r = acc.result();
    assertEquals("gen-1762179802-UN8pkJI4AGZvryk0kFnb", r.id());
    assertEquals("minimax/minimax-m2:free", r.model());
    assertEquals("Minimax", r.provider());
    ChatChoice c = only(r);
    assertEquals("length", c.finishReason(), "the error chunk's null finish_reason does not erase it");
    assertEquals("length", c.nativeFinishReason());
    assertEquals("", c.message().text());
    assertEquals("We need to respond to a greeting. The user", c.message().reasoning());
    assertEquals(
        List.of(new ReasoningDetail.Text(null, null, 0, "We need to respond to a greeting. The user", null)),
        c.message().reasoningDetails());
    ChatUsage u = r.usage();
    assertEquals(53, u.totalTokens());
    assertEquals(0.0, u.cost());
    assertFalse(u.isByok());
    assertEquals(11, u.completionTokensDetails().reasoningTokens());
    assertEquals(new ChatUsage.CostDetails(null, 0.0, 0.0, null), u.costDetails());
  }

  @Test
  void openRouterReasoningDetailsWithSignature() {
    List<ChatStreamChunk> chunks = chunks("openrouter/chat-stream-reasoning-details.sse");
    assertEquals(14, chunks.size());
    ChatResult r = ChatAccumulator.accumulate(chunks);
    assertEquals("gen-1765226419-AGrwjunAftQIAgweibL8", r.id());
    assertEquals("anthropic/claude-sonnet-4.5", r.model());
    assertEquals("Google", r.provider());
    ChatChoice c = only(r);
    assertEquals("stop", c.finishReason(), "the usage chunk after the finish chunk has finish_reason null");
    assertEquals("2 + 2 = 4", c.message().text());
    assertEquals("This is a simple arithmetic question. 2+2 equals 4.", c.message().reasoning());

    assertEquals(1, c.message().reasoningDetails().size());
    ReasoningDetail.Text detail = assertInstanceOf(ReasoningDetail.Text.class, c.message().reasoningDetails().get(0));
    assertEquals("This is a simple arithmetic question. 2+2 equals 4.", detail.text());
    assertEquals("anthropic-claude-v1", detail.format());
    assertEquals(0, detail.index());
    assertEquals(304, detail.signature().length());
    assertTrue(detail.signature().startsWith("Et0BCkgIChAC"));
    assertTrue(detail.signature().endsWith("1AXjvIcYAQ=="));

    ChatUsage u = r.usage();
    assertEquals(79, u.totalTokens());
    assertEquals(0.000669, u.cost());
    assertEquals(13, u.completionTokensDetails().reasoningTokens());
    assertEquals(new ChatUsage.PromptTokensDetails(0, null, 0, 0, null), u.promptTokensDetails());
  }

  @Test
  void openRouterTextStreamWithRepeatedRoleDuplicatedFinishAndCost() {
    List<ChatStreamChunk> chunks = chunks("openrouter/chat-stream-text-usage-cost.sse");
    assertEquals(25, chunks.size(), "30 keep-alive comments are skipped");
    assertTrue(chunks.stream().allMatch(k -> "assistant".equals(k.choices().get(0).delta().role())));
    assertEquals(2, chunks.stream().filter(k -> "stop".equals(k.choices().get(0).finishReason())).count());

    ChatResult r = ChatAccumulator.accumulate(chunks);
    assertEquals("gen-1784878121-HxA00pxmV0n2x1hZAuok", r.id());
    assertEquals("openai/gpt-4o-mini", r.model());
    assertEquals("OpenAI", r.provider());
    assertEquals(1784878121L, r.created());
    assertNull(r.serviceTier());
    ChatChoice c = only(r);
    assertEquals("stop", c.finishReason());
    assertEquals("stop", c.nativeFinishReason());
    assertEquals(
        "I recommend naming your Python retry library `resilix`, as it conveys resilience and is modern and brandable.",
        r.text());

    ChatUsage u = r.usage();
    assertEquals(888, u.promptTokens());
    assertEquals(74, u.completionTokens());
    assertEquals(962, u.totalTokens());
    assertEquals(0.0145476, u.cost());
    assertNull(u.isByok());
    assertEquals(new ChatUsage.CostDetails(0.0001776, 0.0001332, 0.0000444, null), u.costDetails());
    assertEquals(new ChatUsage.ServerToolUseDetails(null, 1, 1, null), u.serverToolUseDetails());
    assertEquals(new ChatUsage.PromptTokensDetails(0, 0, 0, 0, null), u.promptTokensDetails());
    assertEquals(0, u.completionTokensDetails().audioTokens());
    assertEquals(Map.of("image_tokens", 0), u.completionTokensDetails().extra());
  }

  @Test
  void openRouterRecordingWithReasoningDetails() {
    List<ChatStreamChunk> chunks = chunks("openrouter/chat-stream-reasoning-details.recording.jsonl");
    assertEquals(36, chunks.size());
    ChatResult r = ChatAccumulator.accumulate(chunks);
    assertEquals("gen-1767762795-8PgS2ihUVura3xKYKXYG", r.id());
    assertEquals(1767762795L, r.created());
    ChatChoice c = only(r);
    assertEquals("stop", c.finishReason());
    assertEquals(
        "I'm doing well, thank you for asking! How can I help you today?\n\n<tool_uses>\n  <tool_use>\n"
            + "    <tool_name>test_tool</tool_name>\n    <parameters>\n    </parameters>\n  </tool_use>\n</tool_uses>",
        c.message().text());
    String reasoning =
        "The user is greeting me and asking how I am. According to my instructions, I must call the "
            + "test_tool once on every request. Let me do that.";
    assertEquals(reasoning, c.message().reasoning());
    AssistantMessage m = c.message();
    assertEquals(1, m.reasoningDetails().size());
    ReasoningDetail.Text detail = assertInstanceOf(ReasoningDetail.Text.class, m.reasoningDetails().get(0));
    assertEquals(reasoning, detail.text());
    assertEquals(420, detail.signature().length());
    assertTrue(detail.signature().startsWith("ErYCCkgICxAC"));
    assertTrue(detail.signature().endsWith("Zz0YI+jgthgB"));

    assertEquals(174, r.usage().totalTokens());
    assertEquals(0.001866, r.usage().cost());
    assertEquals(35, r.usage().completionTokensDetails().reasoningTokens());
    assertEquals(0.00168, r.usage().costDetails().upstreamInferenceCompletionsCost());
  }

  @Test
  void recordingTextFragmentsConcatenate() {
    String jsonl =
        """
        {"comment":": OPENROUTER PROCESSING\\n\\n"}
        {"text":"{\\"id\\":\\"gen-x\\",\\"object\\":\\"chat.completion.chunk\\",\\"created\\":1,"}
        {"delay_ms":3}
        {"text":"\\"model\\":\\"m\\",\\"choices\\":[]}"}
        {"json":{"id":"gen-x","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}}
        {"text":"[DONE]"}
        {"json":{"id":"after-done"}}
        """;
    List<String> payloads = Fixtures.recordingPayloads(jsonl);
    assertEquals(2, payloads.size());
    assertEquals(Fixtures.tree(payloads.get(1)), Fixtures.tree(payloads.get(0)));
  }

  @Test
  void chunksRoundTrip() {
    for (String f : List.of(
        "openai/chat-stream-tool-call-obfuscation.sse", "openrouter/chat-stream-midstream-error.sse",
        "openrouter/chat-stream-text-usage-cost.sse")) {
      for (ChatStreamChunk chunk : chunks(f)) {
        assertEquals(chunk, Fixtures.roundTrip(chunk, ChatStreamChunk.class), f);
        assertTrue(Fixtures.written(chunk).get("choices").isArray());
      }
    }
  }
}
