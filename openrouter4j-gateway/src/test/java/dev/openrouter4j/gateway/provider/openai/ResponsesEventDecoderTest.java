package dev.openrouter4j.gateway.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.responses.ResponseJson;
import dev.openrouter4j.gateway.responses.ResponsesEncoder;
import dev.openrouter4j.gateway.responses.ResponsesSchemas;
import dev.openrouter4j.gateway.responses.ResponsesStreamChecker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ResponsesEventDecoder} replaying every recorded Responses answer (OpenAI's and OpenRouter's,
 * streamed and whole): the canonical events each gives, and, through the gateway's own Responses
 * encoder, a stream that passes the state machine and both specs' schemas.
 */
class ResponsesEventDecoderTest {
  static final Generation GENERATION = new Generation("gen-1700000000-abcdefghijklmnopqrst", 1_700_000_000L, "acme/model", "primary", new Pricing(1, 2, 0, null, null));

  static List<LlmEvent> decode(String fixture) {
    List<LlmEvent> out = new ArrayList<>();
    ResponsesEventDecoder decoder = new ResponsesEventDecoder();
    for (SseEvent e : ResponsesFixtures.events(fixture)) if (!e.isDone()) decoder.event(e, out::add);
    decoder.end(out::add);
    return out;
  }

  static String text(List<LlmEvent> events) {
    return events.stream().filter(e -> e instanceof LlmEvent.TextDelta).map(e -> ((LlmEvent.TextDelta) e).text()).collect(Collectors.joining());
  }

  static String reasoning(List<LlmEvent> events) {
    return events.stream().filter(e -> e instanceof LlmEvent.ReasoningDelta r && r.text() != null)
        .map(e -> ((LlmEvent.ReasoningDelta) e).text()).collect(Collectors.joining());
  }

  /** The summary text, one string per part (a part is a run of deltas with one index). */
  static List<String> summaries(List<LlmEvent> events) {
    List<String> parts = new ArrayList<>();
    Integer index = null;
    for (LlmEvent e : events) {
      if (!(e instanceof LlmEvent.ReasoningSummaryDelta s)) continue;
      if (index == null || index != s.summaryIndex()) parts.add("");
      index = s.summaryIndex();
      parts.set(parts.size() - 1, parts.get(parts.size() - 1) + s.text());
    }
    return parts;
  }

  static String arguments(List<LlmEvent> events, int call) {
    return events.stream().filter(e -> e instanceof LlmEvent.ToolCallDelta d && d.index() == call)
        .map(e -> ((LlmEvent.ToolCallDelta) e).arguments()).collect(Collectors.joining());
  }

  static <T extends LlmEvent> List<T> all(List<LlmEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends LlmEvent> T one(List<LlmEvent> events, Class<T> type) {
    List<T> found = all(events, type);
    assertEquals(1, found.size(), type.getSimpleName() + " in " + events);
    return found.get(0);
  }

  static int position(List<LlmEvent> events, Class<? extends LlmEvent> type) {
    for (int i = 0; i < events.size(); i++) if (type.isInstance(events.get(i))) return i;
    return -1;
  }

  /** The JSON of every {@code type} event's payload in a fixture, in order. */
  static List<JsonNode> payloads(String fixture, String type) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (SseEvent e : ResponsesFixtures.events(fixture)) {
      if (e.isDone()) continue;
      JsonNode json = Json.mapper().readTree(e.data());
      if (json.path("type").asText().equals(type)) out.add(json);
    }
    return out;
  }

  @Test
  void openAiTextStream() {
    List<LlmEvent> events = decode("openai-responses/responses-stream-text.sse");
    assertEquals(new LlmEvent.Start("resp_67e554a21aa88191b65876ac5e5bbe0406c52f0e511c76ed", "gpt-4o-2024-08-06"), events.get(0));
    assertEquals("The capital of France is Paris.", text(events));
    assertEquals(7, all(events, LlmEvent.TextDelta.class).size());
    assertEquals(new LlmEvent.Finish(0, "stop", "completed"), one(events, LlmEvent.Finish.class));
    assertEquals(new TokenUsage(278, 9, 0, 0, 0), one(events, LlmEvent.Usage.class).usage());
    assertTrue(all(events, LlmEvent.ToolCallStart.class).isEmpty());
    assertTrue(all(events, LlmEvent.Failure.class).isEmpty());
  }

  @Test
  void openAiFunctionCallStream() {
    List<LlmEvent> events = decode("openai-responses/responses-stream-function-call.sse");
    assertEquals(new LlmEvent.ToolCallStart(0, 0, "call_kL0PCQV7M2WMoVX8V8OtYSAL", "get_capital"), one(events, LlmEvent.ToolCallStart.class));
    assertEquals("{\"country\":\"France\"}", arguments(events, 0));
    assertEquals(5, all(events, LlmEvent.ToolCallDelta.class).size(), "the deltas as they came");
    assertEquals(new LlmEvent.ToolCallEnd(0, 0), one(events, LlmEvent.ToolCallEnd.class));
    assertTrue(position(events, LlmEvent.ToolCallEnd.class) < position(events, LlmEvent.Finish.class));
    assertEquals("tool_calls", one(events, LlmEvent.Finish.class).reason());
    assertEquals(new TokenUsage(255, 16, 0, 0, 0), one(events, LlmEvent.Usage.class).usage());
    assertEquals("", text(events));
  }

  @Test
  void encryptedReasoningComesFromTheItemsFinalFormBeforeTheCall() throws Exception {
    String fixture = "openai-responses/responses-stream-reasoning-function-call.sse";
    List<LlmEvent> events = decode(fixture);
    String added = payloads(fixture, "response.output_item.added").get(0).path("item").path("encrypted_content").asText();
    String done = payloads(fixture, "response.output_item.done").get(0).path("item").path("encrypted_content").asText();
    assertNotEquals(added, done, "the premise: OpenAI's added and done forms differ");
    LlmEvent.ReasoningEncrypted encrypted = one(events, LlmEvent.ReasoningEncrypted.class);
    assertEquals(done, encrypted.data());
    assertNull(encrypted.format());
    assertEquals("", reasoning(events));
    assertEquals(List.of(), summaries(events), "no summary was asked for");
    assertTrue(position(events, LlmEvent.ReasoningEncrypted.class) < position(events, LlmEvent.ToolCallStart.class));
    assertEquals(new LlmEvent.ToolCallStart(0, 0, "call_CWXgs68YprAjp6t0371hiPOI", "final_result"), one(events, LlmEvent.ToolCallStart.class));
    assertEquals("{\"result\":6666}", arguments(events, 0));
    assertEquals("tool_calls", one(events, LlmEvent.Finish.class).reason());
    assertEquals(new TokenUsage(53, 469, 0, 0, 448), one(events, LlmEvent.Usage.class).usage());
  }

  @Test
  void reasoningSummaryPartsAreSummaryDeltasWithTheirIndexesBeforeTheAnswer() throws Exception {
    String fixture = "openai-responses/responses-stream-reasoning-summary.sse";
    List<LlmEvent> events = decode(fixture);
    List<String> parts = payloads(fixture, "response.reasoning_summary_text.done").stream().map(j -> j.path("text").asText()).toList();
    assertEquals(4, parts.size());
    assertEquals(parts, summaries(events));
    List<Integer> indexes = all(events, LlmEvent.ReasoningSummaryDelta.class).stream().map(LlmEvent.ReasoningSummaryDelta::summaryIndex).distinct().toList();
    assertEquals(List.of(0, 1, 2, 3), indexes, "the upstream's summary_index, in order");
    assertEquals(payloads(fixture, "response.reasoning_summary_text.delta").size(), all(events, LlmEvent.ReasoningSummaryDelta.class).size(),
        "the deltas as they came");
    assertEquals("", reasoning(events), "a summary is not reasoning text");
    String answer = payloads(fixture, "response.output_text.done").get(0).path("text").asText();
    assertEquals(answer, text(events));
    String encrypted = payloads(fixture, "response.output_item.done").get(0).path("item").path("encrypted_content").asText();
    assertEquals(encrypted, one(events, LlmEvent.ReasoningEncrypted.class).data());
    int lastReasoning = 0;
    for (int i = 0; i < events.size(); i++) if (events.get(i) instanceof LlmEvent.ReasoningSummaryDelta) lastReasoning = i;
    assertTrue(lastReasoning < position(events, LlmEvent.ReasoningEncrypted.class));
    assertTrue(position(events, LlmEvent.ReasoningEncrypted.class) < position(events, LlmEvent.TextDelta.class));
    assertEquals("stop", one(events, LlmEvent.Finish.class).reason());
    JsonNode usage = payloads(fixture, "response.completed").get(0).path("response").path("usage");
    TokenUsage u = one(events, LlmEvent.Usage.class).usage();
    assertEquals(usage.path("input_tokens").asLong(), u.promptTokens());
    assertEquals(usage.path("output_tokens").asLong(), u.completionTokens());
    assertEquals(usage.path("output_tokens_details").path("reasoning_tokens").asLong(), u.reasoningTokens());
    assertTrue(u.reasoningTokens() > 0);
  }

  /** Summary text that only the part's .done, the item's done form or the final response has still arrives, once. */
  @Test
  void summaryTextMissingFromTheDeltasComesFromTheDoneForms() {
    String item = "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[%s]}";
    List<String> lines = List.of(
        "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\",\"output\":[]}}",
        "{\"type\":\"response.output_item.added\",\"sequence_number\":1,\"output_index\":0,\"item\":" + item.formatted("") + "}",
        "{\"type\":\"response.reasoning_summary_part.added\",\"sequence_number\":2,\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"part\":{\"type\":\"summary_text\",\"text\":\"\"}}",
        "{\"type\":\"response.reasoning_summary_text.delta\",\"sequence_number\":3,\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\"Add\"}",
        "{\"type\":\"response.reasoning_summary_text.done\",\"sequence_number\":4,\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"text\":\"Add them\"}",
        "{\"type\":\"response.reasoning_summary_part.done\",\"sequence_number\":5,\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"part\":{\"type\":\"summary_text\",\"text\":\"Add them\"}}",
        "{\"type\":\"response.output_item.done\",\"sequence_number\":6,\"output_index\":0,\"item\":"
            + item.formatted("{\"type\":\"summary_text\",\"text\":\"Add them\"},{\"type\":\"summary_text\",\"text\":\"Check\"}") + "}",
        "{\"type\":\"response.completed\",\"sequence_number\":7,\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":["
            + item.formatted("{\"type\":\"summary_text\",\"text\":\"Add them\"},{\"type\":\"summary_text\",\"text\":\"Check\"},{\"type\":\"summary_text\",\"text\":\"late\"}") + "]}}");
    List<LlmEvent> out = new ArrayList<>();
    ResponsesEventDecoder decoder = new ResponsesEventDecoder();
    for (String line : lines) decoder.event(new SseEvent(null, line, null), out::add);
    decoder.end(out::add);
    assertEquals(List.of("Add them", "Check"), summaries(out), "the item's done form ends it: the final response adds nothing after that");
    assertEquals(List.of(0, 0, 1), all(out, LlmEvent.ReasoningSummaryDelta.class).stream().map(LlmEvent.ReasoningSummaryDelta::summaryIndex).toList());
  }

  @Test
  void anErrorEventIsAFailureWithTheStatusItsCodeStandsFor() {
    List<LlmEvent> events = decode("openai-responses/responses-stream-error-failed.chunks.jsonl");
    assertInstanceOf(LlmEvent.Start.class, events.get(0));
    LlmEvent.Failure failure = one(events, LlmEvent.Failure.class);
    assertEquals(events.size() - 1, events.indexOf(failure), "the failure ends the events: response.failed after it adds nothing");
    assertEquals(429, failure.status());
    assertEquals("rate_limit_exceeded", failure.errorType());
    assertEquals("insufficient_quota", failure.providerCode());
    assertTrue(failure.message().startsWith("You exceeded your current quota"), failure.message());
  }

  @Test
  void responseFailedAloneIsTheFailureToo() throws Exception {
    String fixture = "openai-responses/responses-stream-error-failed.chunks.jsonl";
    List<LlmEvent> out = new ArrayList<>();
    ResponsesEventDecoder decoder = new ResponsesEventDecoder();
    for (SseEvent e : ResponsesFixtures.events(fixture)) {
      if (!Json.mapper().readTree(e.data()).path("type").asText().equals("error")) decoder.event(e, out::add);
    }
    decoder.end(out::add);
    LlmEvent.Failure failure = one(out, LlmEvent.Failure.class);
    assertEquals(429, failure.status());
    assertEquals("insufficient_quota", failure.providerCode());
  }

  @Test
  void aWholeResponseIsTheEventsItsStreamWouldHaveGiven() throws Exception {
    byte[] body = ResponsesFixtures.read("openai-responses/responses-nonstream-reasoning.json").getBytes(StandardCharsets.UTF_8);
    List<LlmEvent> events = new ArrayList<>();
    ResponsesEventDecoder.decodeResponse(body, events::add);
    Response r = Json.mapper().readValue(body, Response.class);
    OutputItem.Reasoning rs = (OutputItem.Reasoning) r.output().get(0);
    assertEquals(new LlmEvent.Start(r.id(), "gpt-5-mini-2025-08-07"), events.get(0));
    assertEquals(rs.summary().stream().map(p -> p.text()).toList(), summaries(events));
    assertTrue(summaries(events).get(0).startsWith("**Reporting final result**"));
    assertEquals("", reasoning(events));
    assertTrue(position(events, LlmEvent.ReasoningSummaryDelta.class) < position(events, LlmEvent.ReasoningEncrypted.class));
    assertEquals(rs.encryptedContent(), one(events, LlmEvent.ReasoningEncrypted.class).data());
    assertEquals("12 + 7 = 19\n19 × 3 = 57\n57 × 10 = 570\n\nFinal result: 570", text(events));
    assertTrue(position(events, LlmEvent.ReasoningEncrypted.class) < position(events, LlmEvent.TextDelta.class));
    assertEquals(new LlmEvent.Finish(0, "stop", "completed"), one(events, LlmEvent.Finish.class));
    assertEquals(new TokenUsage(865, 163, 0, 0, 128), one(events, LlmEvent.Usage.class).usage());
  }

  @Test
  void openRoutersReasoningTextStream() {
    List<LlmEvent> events = decode("openrouter/responses-stream-reasoning.sse");
    assertEquals(new LlmEvent.Start("gen-1764265411-Fu1iEX7h5MRWiL79lb94", "openai/gpt-oss-20b"), events.get(0));
    assertEquals("The user asks: \"What is 2+2?\" They expect a straightforward answer: 4. Just answer 4.", reasoning(events));
    assertEquals("4", text(events));
    assertTrue(all(events, LlmEvent.ReasoningEncrypted.class).isEmpty());
    assertTrue(all(events, LlmEvent.ReasoningSummaryDelta.class).isEmpty(), "summary: [] there");
    // the reasoning item ends after the message there; nothing of it comes after the answer's text
    assertTrue(position(events, LlmEvent.TextDelta.class) > events.stream().filter(e -> e instanceof LlmEvent.ReasoningDelta).mapToInt(events::indexOf).max().orElseThrow());
    assertEquals("stop", one(events, LlmEvent.Finish.class).reason());
    assertEquals(new TokenUsage(78, 37, 0, 0, 22, 0.0000113), one(events, LlmEvent.Usage.class).usage()); // with OpenRouter's usage.cost
  }

  @Test
  void openRoutersCallWhoseArgumentsComeOnlyInTheCompletedResponse() {
    List<LlmEvent> events = decode("openrouter/responses-stream-function-call.recording.jsonl");
    assertEquals(new LlmEvent.ToolCallStart(0, 0, "toolu_vrtx_01SLaG714UV1rgvZZ33A8jiW", "test_tool"), one(events, LlmEvent.ToolCallStart.class));
    assertEquals("{\"message\": \"Hello from the assistant\"}", arguments(events, 0));
    assertTrue(position(events, LlmEvent.ToolCallDelta.class) < position(events, LlmEvent.ToolCallEnd.class));
    assertEquals("tool_calls", one(events, LlmEvent.Finish.class).reason());
    assertEquals(new TokenUsage(1157, 56, 0, 0, 0, 0.004311), one(events, LlmEvent.Usage.class).usage());
  }

  /** Every fixture through the decoder and the gateway's Responses encoder: the state machine and both schemas hold. */
  @ParameterizedTest
  @ValueSource(strings = {
      "openai-responses/responses-stream-text.sse",
      "openai-responses/responses-stream-function-call.sse",
      "openai-responses/responses-stream-reasoning-function-call.sse",
      "openai-responses/responses-stream-reasoning-summary.sse",
      "openai-responses/responses-stream-error-failed.chunks.jsonl",
      "openrouter/responses-stream-reasoning.sse",
      "openrouter/responses-stream-function-call.recording.jsonl"})
  void reEncodedByTheGatewayEachPassesTheChecks(String fixture) {
    List<LlmEvent> decoded = decode(fixture);
    ResponsesEncoder encoder = new ResponsesEncoder(GENERATION, ResponsesRequest.builder().model("acme/model").input("Hi").build());
    List<StreamEvent> out = new ArrayList<>(encoder.start());
    for (LlmEvent e : decoded) out.addAll(encoder.encode(e));
    out.addAll(encoder.finish());
    StringBuilder sse = new StringBuilder();
    for (StreamEvent e : out) sse.append("event: ").append(e.type()).append("\ndata: ").append(ResponseJson.event(e)).append("\n\n");
    sse.append("data: [DONE]\n\n");
    Response response = ResponsesStreamChecker.checkSse(sse.toString()).response();
    ResponsesSchemas.assertValidResponse(ResponseJson.response(response));
    assertEquals(text(decoded), response.outputText() == null ? "" : response.outputText());
    boolean failed = decoded.stream().anyMatch(e -> e instanceof LlmEvent.Failure);
    assertEquals(failed ? "failed" : "completed", response.status());
  }

  @Test
  void aStreamWithoutATerminalEventIsBroken() {
    List<LlmEvent> out = new ArrayList<>();
    ResponsesEventDecoder decoder = new ResponsesEventDecoder();
    List<SseEvent> events = ResponsesFixtures.events("openai-responses/responses-stream-text.sse");
    for (SseEvent e : events.subList(0, events.size() - 1)) decoder.event(e, out::add);
    assertEquals("The capital of France is Paris.", text(out));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> decoder.end(out::add));
    assertTrue(e.getMessage().contains("without a terminal event"), e.getMessage());
  }

  @Test
  void anEventThatIsNotJsonOrHasNoTypeIsBroken() {
    ResponsesEventDecoder decoder = new ResponsesEventDecoder();
    assertThrows(RuntimeException.class, () -> decoder.event(SseEvent.data("{\"type\":\"response.output_text.delta\",\"delta\":"), e -> {}));
    assertThrows(IllegalStateException.class, () -> decoder.event(SseEvent.data("{\"delta\":\"x\"}"), e -> {}));
  }

  @Test
  void anIncompleteResponseCutByTheTokenLimitFinishesWithLength() {
    List<LlmEvent> out = new ArrayList<>();
    ResponsesEventDecoder decoder = new ResponsesEventDecoder();
    for (String data : List.of(
        "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"model\":\"m\",\"status\":\"in_progress\",\"output\":[]}}",
        "{\"type\":\"response.output_item.added\",\"sequence_number\":1,\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"status\":\"in_progress\",\"content\":[]}}",
        "{\"type\":\"response.output_text.delta\",\"sequence_number\":2,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"The sea\"}",
        "{\"type\":\"response.incomplete\",\"sequence_number\":3,\"response\":{\"id\":\"resp_1\",\"model\":\"m\",\"status\":\"incomplete\","
            + "\"incomplete_details\":{\"reason\":\"max_output_tokens\"},\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\","
            + "\"status\":\"incomplete\",\"content\":[{\"type\":\"output_text\",\"text\":\"The sea\",\"annotations\":[]}]}],"
            + "\"usage\":{\"input_tokens\":5,\"output_tokens\":2,\"total_tokens\":7,\"input_tokens_details\":{\"cached_tokens\":3},\"output_tokens_details\":{\"reasoning_tokens\":0}}}}")) {
      decoder.event(SseEvent.data(data), out::add);
    }
    decoder.end(out::add);
    assertEquals("The sea", text(out), "the final text adds nothing the deltas gave");
    assertEquals(new LlmEvent.Finish(0, "length", "max_output_tokens"), one(out, LlmEvent.Finish.class));
    assertEquals(new TokenUsage(5, 2, 3, 0, 0), one(out, LlmEvent.Usage.class).usage());
  }

  @Test
  void errorCodesMapToTheStatusesRoutingActsOn() {
    assertEquals(429, ResponsesEventDecoder.status("rate_limit_exceeded"));
    assertEquals(429, ResponsesEventDecoder.status("insufficient_quota"));
    assertEquals(400, ResponsesEventDecoder.status("invalid_prompt"));
    assertEquals(400, ResponsesEventDecoder.status("invalid_image_url"));
    assertEquals(502, ResponsesEventDecoder.status("server_error"));
    assertEquals(502, ResponsesEventDecoder.status(null));
    assertEquals(503, ResponsesEventDecoder.status("503"), "OpenRouter's numeric codes are statuses");
    assertEquals(502, ResponsesEventDecoder.status("200"));
  }
}
