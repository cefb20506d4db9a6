package dev.openrouter4j.api.chat;

import static dev.openrouter4j.api.chat.Fixtures.parse;
import static dev.openrouter4j.api.chat.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.chat.ChatMessage.AssistantMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Non-streaming chat replies recorded from OpenAI and OpenRouter. */
class ChatResultFixtureTest {

  @Test
  void openAiNonStreamingCompletion() {
    ChatResult r = parse(read("openai/chat-completion-nonstream.json"), ChatResult.class);
    assertEquals("chatcmpl-D8Z5f52zQqikDBEKQMQoYcWMcWPeU", r.id());
    assertEquals("chat.completion", r.object());
    assertEquals(1770933883L, r.created());
    assertEquals("gpt-4.1-nano-2025-04-14", r.model());
    assertEquals("fp_de604bd877", r.systemFingerprint());
    assertEquals("default", r.serviceTier());
    assertNull(r.provider());
    assertEquals(1, r.choices().size());

    ChatChoice choice = r.choices().get(0);
    assertEquals(0, choice.index());
    assertEquals("stop", choice.finishReason());
    assertNull(choice.logprobs());
    AssistantMessage m = choice.message();
    assertTrue(m.content().isString());
    String text = m.text();
    assertEquals(1842, text.length());
    assertTrue(text.startsWith("**Holiday Name:** Galaxy Day  \n\n**Date:**"));
    assertTrue(text.endsWith("to look up and dream beyond our world."));
    assertTrue(text.contains("vast darkness\u2014mirroring"));
    assertEquals(text, r.text());
    assertNull(m.refusal());
    assertEquals(Map.of("annotations", List.of()), m.extra());

    ChatUsage u = r.usage();
    assertEquals(16, u.promptTokens());
    assertEquals(363, u.completionTokens());
    assertEquals(379, u.totalTokens());
    assertEquals(new ChatUsage.PromptTokensDetails(0, null, 0, null, null), u.promptTokensDetails());
    assertEquals(new ChatUsage.CompletionTokensDetails(0, 0, 0, 0, null), u.completionTokensDetails());
    assertNull(u.cost());

    assertEquals(r, Fixtures.roundTrip(r, ChatResult.class));
  }

  @Test
  void openRouterCompletionWithCostAndLeadingKeepAlivePadding() {
    String body = read("openrouter/chat-completion-nonstream-usage-cost.json");
    assertTrue(body.startsWith("\n"), "the fixture starts with OpenRouter's whitespace padding");
    ChatResult r = parse(body, ChatResult.class);
    assertEquals("gen-1767761748-qeZZQsHiqP5LRbalLJA9", r.id());
    assertEquals("Google", r.provider());
    assertEquals("anthropic/claude-sonnet-4", r.model());
    assertEquals(1767761748L, r.created());
    assertNull(r.systemFingerprint());
    assertNull(r.extra());

    ChatChoice choice = r.choices().get(0);
    assertEquals("stop", choice.finishReason());
    assertEquals("stop", choice.nativeFinishReason());
    assertNull(choice.message().reasoning());
    assertNull(choice.message().refusal());
    assertEquals(363, r.text().length());
    assertTrue(r.text().startsWith("I'll work through this step by step.\n\n**Step 1:**"));
    assertTrue(r.text().endsWith("**Answer:** 2 + 2 = 4"));

    ChatUsage u = r.usage();
    assertEquals(21, u.promptTokens());
    assertEquals(144, u.completionTokens());
    assertEquals(165, u.totalTokens());
    assertEquals(0.002223, u.cost());
    assertFalse(u.isByok());
    assertEquals(new ChatUsage.PromptTokensDetails(0, 0, 0, 0, null), u.promptTokensDetails());
    assertEquals(0, u.completionTokensDetails().reasoningTokens());
    assertEquals(Map.of("image_tokens", 0), u.completionTokensDetails().extra());
    assertEquals(new ChatUsage.CostDetails(null, 0.000063, 0.00216, null), u.costDetails());

    assertEquals(r, Fixtures.roundTrip(r, ChatResult.class));
  }

  @Test
  void requiredNullableKeysAreWrittenAsNull() {
    ChatResult r =
        new ChatResult(
            "gen-1", ChatResult.OBJECT, 1L, "m", null,
            List.of(new ChatChoice(0, null, null, ChatMessage.assistant("x"), null, null)),
            null, null, null, null, null);
    JsonNode json = Fixtures.written(r);
    assertTrue(json.has("system_fingerprint"));
    assertTrue(json.get("system_fingerprint").isNull());
    assertTrue(json.get("choices").get(0).has("finish_reason"));
    assertTrue(json.get("choices").get(0).get("finish_reason").isNull());
    assertFalse(json.has("usage"));
    assertFalse(json.has("text"), "the text() convenience is not a wire property");
    assertEquals("assistant", json.get("choices").get(0).get("message").get("role").textValue());

    ChoiceLogprobs lp = new ChoiceLogprobs(null, null);
    assertEquals(Fixtures.tree("{\"content\":null}"), Fixtures.written(lp));
  }

  @Test
  void logprobsAndUnknownTopLevelFieldsRead() {
    String json =
        """
        {"id": "x", "object": "chat.completion", "created": 1, "model": "m", "system_fingerprint": null,
         "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "Hi"},
           "logprobs": {"content": [{"token": "Hi", "logprob": -0.25, "bytes": [72, 105],
                                     "top_logprobs": [{"token": "Hi", "logprob": -0.25, "bytes": null}]}],
                        "refusal": null}}],
         "citations": ["https://example.com"]}
        """;
    ChatResult r = parse(json, ChatResult.class);
    TokenLogprob t = r.choices().get(0).logprobs().content().get(0);
    assertEquals("Hi", t.token());
    assertEquals(-0.25, t.logprob());
    assertEquals(List.of(72, 105), t.bytes());
    assertEquals(new TokenLogprob.TopLogprob("Hi", -0.25, null), t.topLogprobs().get(0));
    assertEquals(Map.of("citations", List.of("https://example.com")), r.extra());
    assertEquals(Fixtures.tree(json).get("choices").get(0).get("logprobs").get("content"),
        Fixtures.written(r).get("choices").get(0).get("logprobs").get("content"));
  }
}
