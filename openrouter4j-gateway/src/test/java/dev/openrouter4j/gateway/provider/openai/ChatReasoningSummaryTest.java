package dev.openrouter4j.gateway.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatMessage.AssistantMessage;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.chat.ReasoningDetail;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.gateway.OpenRouterSchemas;
import dev.openrouter4j.gateway.encode.ChatChunkEncoder;
import dev.openrouter4j.gateway.encode.ChatResultAssembler;
import dev.openrouter4j.gateway.event.LlmEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reasoning summaries in chat completions, OpenRouter's way: {@code reasoning_details} entries of
 * type {@code reasoning.summary} (the spec's {@code ReasoningDetailSummary}: {@code summary}, {@code
 * format}, {@code index}), the text also in the plain {@code reasoning} string. Decoded into {@link
 * LlmEvent.ReasoningSummaryDelta}s (the string not a second time), and encoded back, streamed and
 * whole, as chunks and bodies OpenRouter's schemas accept.
 */
class ChatReasoningSummaryTest {
  static final String FORMAT = "openai-responses-v1";

  static List<LlmEvent> decode(List<String> chunks) {
    List<LlmEvent> out = new ArrayList<>();
    ChatChunkDecoder decoder = new ChatChunkDecoder();
    for (String c : chunks) decoder.event(new SseEvent(null, c, null), out::add);
    decoder.end(out::add);
    return out;
  }

  static String chunk(String delta) {
    return "{\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"openai/o3\",\"choices\":[{\"index\":0,\"delta\":"
        + delta + ",\"finish_reason\":null}]}";
  }

  static String summaryDelta(String text, int index) {
    return chunk("{\"role\":\"assistant\",\"content\":\"\",\"reasoning\":" + Json.mapper().valueToTree(text)
        + ",\"reasoning_details\":[{\"type\":\"reasoning.summary\",\"summary\":" + Json.mapper().valueToTree(text)
        + ",\"format\":\"" + FORMAT + "\",\"index\":" + index + "}]}");
  }

  @Test
  void theRecordedOpenRouterStreamHasReasoningTextAndNoSummary() {
    List<LlmEvent> events = decode(ResponsesFixtures.events("openrouter/chat-stream-reasoning-details.sse").stream()
        .filter(e -> !e.isDone()).map(SseEvent::data).toList());
    assertTrue(events.stream().noneMatch(e -> e instanceof LlmEvent.ReasoningSummaryDelta), "only reasoning.text details were recorded");
    String text = events.stream().filter(e -> e instanceof LlmEvent.ReasoningDelta r && r.text() != null)
        .map(e -> ((LlmEvent.ReasoningDelta) e).text()).reduce("", String::concat);
    assertTrue(text.startsWith("This is a simple arithmetic question."), text);
  }

  @Test
  void summaryDetailsAreSummaryDeltasAndTheReasoningStringIsNotSaidTwice() {
    List<LlmEvent> events = decode(List.of(
        summaryDelta("**Plan** Add", 0), summaryDelta(" them.", 0), summaryDelta("**Check**", 1),
        chunk("{\"content\":\"4\"}"),
        "{\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"openai/o3\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"));
    assertEquals(List.of(
        new LlmEvent.ReasoningSummaryDelta(0, 0, "**Plan** Add", FORMAT), new LlmEvent.ReasoningSummaryDelta(0, 0, " them.", FORMAT),
        new LlmEvent.ReasoningSummaryDelta(0, 1, "**Check**", FORMAT), new LlmEvent.TextDelta(0, "4")),
        events.stream().filter(e -> !(e instanceof LlmEvent.Start) && !(e instanceof LlmEvent.Finish)).toList());
  }

  @Test
  void aWholeMessagesSummaryDetailsArePartsOfTheirOwn() {
    String body = """
        {"id":"gen-1","object":"chat.completion","created":1,"model":"openai/o3","choices":[{"index":0,"finish_reason":"stop",
         "message":{"role":"assistant","content":"4","reasoning":"First.\\n\\nSecond.","reasoning_details":[
          {"type":"reasoning.summary","summary":"First.","format":"openai-responses-v1","index":0},
          {"type":"reasoning.summary","summary":"Second.","format":"openai-responses-v1","index":1},
          {"type":"reasoning.encrypted","data":"gAAAAB","format":"openai-responses-v1","index":2}]}}]}
        """;
    List<LlmEvent> events = new ArrayList<>();
    ChatChunkDecoder.decodeResult(body.getBytes(StandardCharsets.UTF_8), events::add);
    assertEquals(List.of(new LlmEvent.ReasoningSummaryDelta(0, 0, "First.", FORMAT), new LlmEvent.ReasoningSummaryDelta(0, 1, "Second.", FORMAT)),
        events.stream().filter(e -> e instanceof LlmEvent.ReasoningSummaryDelta).toList());
    assertTrue(events.stream().noneMatch(e -> e instanceof LlmEvent.ReasoningDelta), "the reasoning string is the summaries' copy");
  }

  static final List<LlmEvent> EVENTS = List.of(
      new LlmEvent.Start("up", "up-model"),
      new LlmEvent.ReasoningSummaryDelta(0, 0, "**Plan** Add", FORMAT), new LlmEvent.ReasoningSummaryDelta(0, 0, " them.", null),
      new LlmEvent.ReasoningSummaryDelta(0, 5, "**Check**", null),
      new LlmEvent.ReasoningEncrypted(0, "gAAAAB", FORMAT),
      new LlmEvent.TextDelta(0, "4"), new LlmEvent.Finish(0, "stop", "completed"));

  @Test
  void encodedAsOpenRouterWritesThemStreamedAndWhole() {
    ChatChunkEncoder encoder = new ChatChunkEncoder(ResponsesEventDecoderTest.GENERATION);
    ChatAccumulator acc = new ChatAccumulator();
    List<ChatStreamChunk> chunks = new ArrayList<>();
    for (LlmEvent e : EVENTS) {
      ChatStreamChunk c = encoder.encode(e);
      if (c == null) continue;
      JsonNode json = Json.mapper().valueToTree(c);
      OpenRouterSchemas.assertValidChatChunk(json);
      chunks.add(c);
      acc.accept(c);
    }
    JsonNode first = Json.mapper().valueToTree(chunks.get(0)).path("choices").get(0).path("delta");
    assertEquals("**Plan** Add", first.path("reasoning").asText());
    assertEquals("reasoning.summary", first.path("reasoning_details").get(0).path("type").asText());
    assertEquals("**Plan** Add", first.path("reasoning_details").get(0).path("summary").asText());
    assertEquals(FORMAT, first.path("reasoning_details").get(0).path("format").asText());
    JsonNode third = Json.mapper().valueToTree(chunks.get(2)).path("choices").get(0).path("delta");
    assertEquals(1, third.path("reasoning_details").get(0).path("index").asInt(), "the second part, numbered by the encoder");
    assertEquals("\n\n**Check**", third.path("reasoning").asText(), "parts set apart in the plain string");

    ChatResultAssembler assembler = new ChatResultAssembler();
    EVENTS.forEach(assembler::accept);
    ChatResult whole = assembler.result(ResponsesEventDecoderTest.GENERATION);
    OpenRouterSchemas.assertValidChatResult(Json.mapper().valueToTree(whole));
    AssistantMessage m = whole.choices().get(0).message();
    assertEquals("**Plan** Add them.\n\n**Check**", m.reasoning());
    assertEquals(List.of(
        new ReasoningDetail.Summary(null, FORMAT, 0, "**Plan** Add them."), new ReasoningDetail.Summary(null, FORMAT, 1, "**Check**"),
        new ReasoningDetail.Encrypted(null, FORMAT, 2, "gAAAAB")), m.reasoningDetails());
    AssistantMessage streamed = acc.result().choices().get(0).message();
    assertEquals(m.reasoning(), streamed.reasoning(), "the stream folds into the same reasoning string");
    assertEquals(List.of("**Plan** Add them.", "**Check**"), streamed.reasoningDetails().stream()
        .filter(d -> d instanceof ReasoningDetail.Summary).map(d -> ((ReasoningDetail.Summary) d).summary()).toList(),
        "and the same summary parts");
  }

  @Test
  void whatTheGatewayWritesDecodesBackToTheSameSummaryParts() {
    ChatChunkEncoder encoder = new ChatChunkEncoder(ResponsesEventDecoderTest.GENERATION);
    List<String> chunks = new ArrayList<>();
    for (LlmEvent e : EVENTS) {
      ChatStreamChunk c = encoder.encode(e);
      if (c != null) chunks.add(Json.mapper().valueToTree(c).toString());
    }
    List<LlmEvent> back = decode(chunks);
    assertEquals(List.of("**Plan** Add them.", "**Check**"), ResponsesEventDecoderTest.summaries(back));
    assertTrue(back.stream().noneMatch(e -> e instanceof LlmEvent.ReasoningDelta));

    ChatResultAssembler assembler = new ChatResultAssembler();
    EVENTS.forEach(assembler::accept);
    byte[] body = Json.mapper().valueToTree(assembler.result(ResponsesEventDecoderTest.GENERATION)).toString().getBytes(StandardCharsets.UTF_8);
    List<LlmEvent> whole = new ArrayList<>();
    ChatChunkDecoder.decodeResult(body, whole::add);
    assertEquals(List.of("**Plan** Add them.", "**Check**"), ResponsesEventDecoderTest.summaries(whole));
    assertNull(whole.stream().filter(e -> e instanceof LlmEvent.ReasoningDelta).findFirst().orElse(null));
    assertInstanceOf(LlmEvent.Start.class, whole.get(0));
  }
}
