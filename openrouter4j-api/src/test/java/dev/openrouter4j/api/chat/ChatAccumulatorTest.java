package dev.openrouter4j.api.chat;

import static dev.openrouter4j.api.chat.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.api.chat.ChatMessage.AssistantMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edge cases of {@link ChatAccumulator} that the recorded fixtures do not cover. */
class ChatAccumulatorTest {

  private static ChatStreamChunk chunk(String choicesJson) {
    return parse(
        "{\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"created\":5,\"model\":\"m\",\"choices\":"
            + choicesJson + "}",
        ChatStreamChunk.class);
  }

  private static ChatStreamChunk delta(String deltaJson) {
    return chunk("[{\"index\":0,\"delta\":" + deltaJson + ",\"finish_reason\":null}]");
  }

  private static AssistantMessage message(List<ChatStreamChunk> chunks) {
    return ChatAccumulator.accumulate(chunks).choices().get(0).message();
  }

  @Test
  void emptyAccumulatorGivesAnEmptyResult() {
    ChatResult r = new ChatAccumulator().result();
    assertTrue(r.choices().isEmpty());
    assertNull(r.text());
    assertNull(r.id());
    assertEquals(ChatResult.OBJECT, r.object());
  }

  @Test
  void toolCallsWithoutIndexAreToldApartById() {
    AssistantMessage m = message(List.of(
        delta("{\"tool_calls\":[{\"id\":\"a\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\":\"}}]}"),
        delta("{\"tool_calls\":[{\"function\":{\"arguments\":\"1}\"}}]}"),
        delta("{\"tool_calls\":[{\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]}"),
        delta("{\"tool_calls\":[{\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}")));
    assertEquals(
        List.of(ToolCall.function("a", "f", "{\"x\":1}"), ToolCall.function("b", "g", "{}")),
        m.toolCalls());
  }

  @Test
  void toolCallNameRepeatedInEveryFragmentIsNotDuplicated() {
    AssistantMessage m = message(List.of(
        delta("{\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{\\\"q\\\"\"}}]}"),
        delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"lookup\",\"arguments\":\":1}\"}}]}")));
    assertEquals(List.of(ToolCall.function("c", "lookup", "{\"q\":1}")), m.toolCalls());
  }

  @Test
  void reasoningDetailsMergeOnlyWithinOneBlock() {
    AssistantMessage m = message(List.of(
        delta("{\"reasoning_details\":[{\"type\":\"reasoning.summary\",\"summary\":\"Plan: \",\"index\":0}]}"),
        delta("{\"reasoning_details\":[{\"type\":\"reasoning.summary\",\"summary\":\"add.\",\"index\":0}]}"),
        delta("{\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"a\",\"index\":1}]}"),
        delta("{\"reasoning_details\":[{\"type\":\"reasoning.text\",\"signature\":\"s1\",\"index\":1}]}"),
        // A new text block after a signed one starts a new detail even with the same index.
        delta("{\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"b\",\"index\":1}]}"),
        delta("{\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"c\",\"index\":2}]}"),
        delta("{\"reasoning_details\":[{\"type\":\"reasoning.encrypted\",\"data\":\"e1\",\"index\":3}]}"),
        delta("{\"reasoning_details\":[{\"type\":\"reasoning.encrypted\",\"data\":\"e2\",\"index\":3}]}"),
        delta("{\"reasoning_details\":[{\"type\":\"reasoning.mystery\",\"index\":4}]}")));
    List<ReasoningDetail> d = m.reasoningDetails();
    assertEquals(7, d.size());
    assertEquals(new ReasoningDetail.Summary(null, null, 0, "Plan: add."), d.get(0));
    assertEquals(new ReasoningDetail.Text(null, null, 1, "a", "s1"), d.get(1));
    assertEquals(new ReasoningDetail.Text(null, null, 1, "b", null), d.get(2));
    assertEquals(new ReasoningDetail.Text(null, null, 2, "c", null), d.get(3));
    assertEquals(new ReasoningDetail.Encrypted(null, null, 3, "e1"), d.get(4));
    assertEquals(new ReasoningDetail.Encrypted(null, null, 3, "e2"), d.get(5));
    assertEquals("reasoning.mystery", d.get(6).type());
  }

  @Test
  void logprobsAudioImagesAndUnknownDeltaFieldsAccumulate() {
    List<ChatStreamChunk> chunks = new ArrayList<>();
    chunks.add(chunk("[{\"index\":0,\"delta\":{\"content\":\"Hi\",\"audio\":{\"id\":\"au\",\"data\":\"AA\",\"transcript\":\"H\"},"
        + "\"annotations\":[{\"type\":\"url_citation\",\"n\":1}]},\"finish_reason\":null,"
        + "\"logprobs\":{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.5,\"bytes\":null,\"top_logprobs\":[]}]}}]"));
    chunks.add(chunk("[{\"index\":0,\"delta\":{\"content\":\"!\",\"audio\":{\"data\":\"BB\",\"transcript\":\"i\",\"expires_at\":99},"
        + "\"images\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,x\"}}],"
        + "\"annotations\":[{\"type\":\"url_citation\",\"n\":2}]},\"finish_reason\":\"stop\","
        + "\"logprobs\":{\"content\":[{\"token\":\"!\",\"logprob\":-0.1,\"bytes\":[33],\"top_logprobs\":[]}]}}]"));
    ChatResult r = ChatAccumulator.accumulate(chunks);
    ChatChoice c = r.choices().get(0);
    assertEquals("Hi!", r.text());
    assertEquals(List.of("Hi", "!"), c.logprobs().content().stream().map(TokenLogprob::token).toList());
    assertNull(c.logprobs().refusal());
    assertEquals(new AudioOutput("au", "AABB", 99L, "Hi"), c.message().audio());
    assertEquals(List.of(AssistantImage.of("data:image/png;base64,x")), c.message().images());
    assertEquals(
        Map.of("annotations", List.of(Map.of("type", "url_citation", "n", 1), Map.of("type", "url_citation", "n", 2))),
        c.message().extra());
  }

  @Test
  void missingChoiceIndexMeansZeroAndResultCanBeTakenMidStream() {
    ChatAccumulator acc = new ChatAccumulator();
    acc.accept(chunk("[{\"delta\":{\"content\":\"a\"},\"finish_reason\":null}]"));
    assertEquals("a", acc.result().text());
    assertNull(acc.usage());
    acc.accept(chunk("[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"length\"}]"));
    acc.accept(parse("{\"id\":\"gen-1\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}",
        ChatStreamChunk.class));
    ChatResult r = acc.result();
    assertEquals("ab", r.text());
    assertEquals(1, r.choices().size());
    assertEquals("length", r.choices().get(0).finishReason());
    assertEquals(ChatUsage.of(1, 2), r.usage());
    assertEquals(5L, r.created());
    assertEquals("m", r.model());
  }
}
