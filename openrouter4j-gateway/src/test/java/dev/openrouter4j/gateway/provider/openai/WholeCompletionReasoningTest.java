package dev.openrouter4j.gateway.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openrouter4j.gateway.event.LlmEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole {@code chat.completion} says its reasoning as a stream of it would: the text, its
 * signature and format from the {@code reasoning.text} detail, and {@code reasoning.encrypted}
 * details as encrypted reasoning (shapes from the spec's ReasoningDetail schemas; OpenRouter sends
 * them for Anthropic and OpenAI reasoning models). Before, a whole body lost the signature and the
 * encrypted data, so a tool call's reasoning could not go back to an upstream that requires it.
 */
class WholeCompletionReasoningTest {
  static List<LlmEvent> decode(String body) {
    List<LlmEvent> out = new ArrayList<>();
    ChatChunkDecoder.decodeResult(body.getBytes(StandardCharsets.UTF_8), out::add);
    return out;
  }

  static String completion(String message) {
    return """
        {"id":"gen-1","object":"chat.completion","created":1,"model":"anthropic/claude-sonnet-4.5",
         "choices":[{"index":0,"finish_reason":"stop","message":%s}],
         "usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}""".formatted(message);
  }

  @Test
  void signedReasoningKeepsItsSignatureAndFormat() {
    List<LlmEvent> events = decode(completion("""
        {"role":"assistant","content":"Paris.","reasoning":"The capital of France.",
         "reasoning_details":[{"type":"reasoning.text","text":"The capital of France.","signature":"sig-1","format":"anthropic-claude-v1","index":0}]}"""));
    assertEquals(new LlmEvent.ReasoningDelta(0, "The capital of France.", null, "anthropic-claude-v1"), events.get(1));
    assertEquals(new LlmEvent.ReasoningDelta(0, null, "sig-1", "anthropic-claude-v1"), events.get(2));
    assertEquals(new LlmEvent.TextDelta(0, "Paris."), events.get(3));
  }

  @Test
  void encryptedReasoningIsPassedOnAndDetailTextStandsInForAMissingReasoningString() {
    List<LlmEvent> events = decode(completion("""
        {"role":"assistant","content":"Paris.",
         "reasoning_details":[{"type":"reasoning.text","text":"Think.","format":"openai-responses-v1","index":0},
                              {"type":"reasoning.encrypted","data":"gAAAAB-opaque","format":"openai-responses-v1","index":1}]}"""));
    assertEquals(new LlmEvent.ReasoningDelta(0, "Think.", null, "openai-responses-v1"), events.get(1));
    assertEquals(new LlmEvent.ReasoningEncrypted(0, "gAAAAB-opaque", "openai-responses-v1"), events.get(2));
    assertEquals(new LlmEvent.TextDelta(0, "Paris."), events.get(3));
  }
}
