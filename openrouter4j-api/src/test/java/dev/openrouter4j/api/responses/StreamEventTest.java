package dev.openrouter4j.api.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamEventTest {
  static final String TEXT = "openai-responses/responses-stream-text.sse";
  static final String FUNCTION_CALL = "openai-responses/responses-stream-function-call.sse";
  static final String REASONING_FUNCTION_CALL = "openai-responses/responses-stream-reasoning-function-call.sse";
  static final String REASONING_SUMMARY = "openai-responses/responses-stream-reasoning-summary.sse";
  static final String ERROR_FAILED = "openai-responses/responses-stream-error-failed.chunks.jsonl";
  static final String OPENROUTER_REASONING = "openrouter/responses-stream-reasoning.sse";
  static final String OPENROUTER_FUNCTION_CALL = "openrouter/responses-stream-function-call.recording.jsonl";

  static <T> List<T> ofType(List<StreamEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  static String joinedTextDeltas(List<StreamEvent> events) {
    return ofType(events, StreamEvent.OutputTextDelta.class).stream().map(StreamEvent.OutputTextDelta::delta).collect(Collectors.joining());
  }

  /** Every event of every fixture maps to a modelled record, and so do the items and parts inside. */
  @ParameterizedTest
  @ValueSource(strings = {TEXT, FUNCTION_CALL, REASONING_FUNCTION_CALL, REASONING_SUMMARY, ERROR_FAILED, OPENROUTER_REASONING, OPENROUTER_FUNCTION_CALL})
  void everyFixtureEventIsModelled(String fixture) {
    List<StreamEvent> events = Fixtures.events(fixture);
    assertFalse(events.isEmpty());
    for (StreamEvent event : events) {
      assertFalse(event instanceof StreamEvent.Unknown, fixture + ": " + event);
      List<OutputItem> items = new ArrayList<>();
      if (event instanceof StreamEvent.OutputItemAdded e) items.add(e.item());
      if (event instanceof StreamEvent.OutputItemDone e) items.add(e.item());
      if (event instanceof StreamEvent.Lifecycle l) items.addAll(l.response().output());
      for (OutputItem item : items) {
        assertFalse(item instanceof OutputItem.Unknown, fixture + ": " + item);
        if (item instanceof OutputItem.Message m) {
          m.content().forEach(c -> assertFalse(c instanceof OutputContent.Unknown, fixture + ": " + c));
        }
      }
      if (event instanceof StreamEvent.ContentPartAdded e) assertFalse(e.part() instanceof OutputContent.Unknown);
      if (event instanceof StreamEvent.ContentPartDone e) assertFalse(e.part() instanceof OutputContent.Unknown);
    }
  }

  /** Re-encoding each event gives back its payload (nulls aside: required-nullable keys gain them). */
  @ParameterizedTest
  @ValueSource(strings = {TEXT, FUNCTION_CALL, REASONING_FUNCTION_CALL, REASONING_SUMMARY, ERROR_FAILED, OPENROUTER_REASONING, OPENROUTER_FUNCTION_CALL})
  void everyFixtureEventRoundTrips(String fixture) throws Exception {
    for (String payload : Fixtures.payloads(fixture)) {
      StreamEvent event = Json.mapper().readValue(payload, StreamEvent.class);
      Fixtures.assertSameJson(Fixtures.tree(payload), Json.mapper().valueToTree(event));
    }
  }

  @Test
  void textStreamWithoutSequenceNumbers() {
    List<StreamEvent> events = Fixtures.events(TEXT);
    assertEquals(15, events.size());
    assertInstanceOf(StreamEvent.Created.class, events.get(0));
    assertInstanceOf(StreamEvent.InProgress.class, events.get(1));
    events.forEach(e -> assertNull(e.sequenceNumber(), "early-2025 recording has no sequence_number"));
    assertEquals("The capital of France is Paris.", joinedTextDeltas(events));
    assertEquals(7, ofType(events, StreamEvent.OutputTextDelta.class).size());
    StreamEvent.OutputTextDone done = ofType(events, StreamEvent.OutputTextDone.class).get(0);
    assertEquals("msg_67e554a28bec8191b56d3e2331eff88006c52f0e511c76ed", done.itemId());
    assertEquals(0, done.outputIndex());
    assertEquals(0, done.contentIndex());
    assertEquals("The capital of France is Paris.", done.text());
    StreamEvent.ContentPartAdded added = ofType(events, StreamEvent.ContentPartAdded.class).get(0);
    assertEquals("", assertInstanceOf(OutputContent.OutputText.class, added.part()).text());
    StreamEvent.Completed completed = assertInstanceOf(StreamEvent.Completed.class, events.get(14));
    assertTrue(completed.terminal());
    Response r = completed.response();
    assertEquals("resp_67e554a21aa88191b65876ac5e5bbe0406c52f0e511c76ed", r.id());
    assertEquals("", r.instructions().text());
    assertEquals("The capital of France is Paris.", r.text());
    assertEquals(278, r.usage().inputTokens());
    assertEquals(9, r.usage().outputTokens());
    assertEquals(287, r.usage().totalTokens());
    assertTrue(r.reasoning().extra().containsKey("generate_summary"), "the old generate_summary key is kept");
  }

  @Test
  void functionCallStream() {
    List<StreamEvent> events = Fixtures.events(FUNCTION_CALL);
    assertEquals(11, events.size());
    OutputItem.FunctionCall added =
        assertInstanceOf(OutputItem.FunctionCall.class, ((StreamEvent.OutputItemAdded) events.get(2)).item());
    assertEquals("call_kL0PCQV7M2WMoVX8V8OtYSAL", added.callId());
    assertEquals("get_capital", added.name());
    assertEquals("", added.arguments());
    assertEquals("in_progress", added.status());
    List<StreamEvent.FunctionCallArgumentsDelta> deltas = ofType(events, StreamEvent.FunctionCallArgumentsDelta.class);
    assertEquals(5, deltas.size());
    assertEquals("{\"country\":\"France\"}", deltas.stream().map(StreamEvent.FunctionCallArgumentsDelta::delta).collect(Collectors.joining()));
    assertEquals("fc_67e554a1de488191af0831d35cbe082e0794405d35281ae2", deltas.get(0).itemId());
    StreamEvent.FunctionCallArgumentsDone done = ofType(events, StreamEvent.FunctionCallArgumentsDone.class).get(0);
    assertEquals("{\"country\":\"France\"}", done.arguments());
    Response r = ((StreamEvent.Completed) events.get(10)).response();
    OutputItem.FunctionCall call = r.functionCalls().get(0);
    assertEquals("get_capital", call.name());
    assertEquals("{\"country\":\"France\"}", call.arguments());
    assertEquals("completed", call.status());
    assertEquals(List.of("country"), ((ResponsesTool.Function) r.tools().get(0)).parameters().get("required"));
    assertEquals(255, r.usage().inputTokens());
    assertEquals(16, r.usage().outputTokens());
    assertEquals(271, r.usage().totalTokens());
  }

  @Test
  void reasoningThenFunctionCallStream() {
    List<StreamEvent> events = Fixtures.events(REASONING_FUNCTION_CALL);
    assertEquals(14, events.size());
    for (int i = 0; i < events.size(); i++) assertEquals(i, events.get(i).sequenceNumber());
    OutputItem.Reasoning reasoning =
        assertInstanceOf(OutputItem.Reasoning.class, ((StreamEvent.OutputItemAdded) events.get(2)).item());
    assertEquals("rs_0050471a34b36ae60068c97bac4dcc819595fd0f80d6b3c405", reasoning.id());
    assertEquals(List.of(), reasoning.summary());
    assertTrue(reasoning.encryptedContent().startsWith("gAAAAABoyXus"));
    StreamEvent.FunctionCallArgumentsDelta first = ofType(events, StreamEvent.FunctionCallArgumentsDelta.class).get(0);
    assertEquals(1, first.outputIndex());
    assertEquals("tWyV55lwoZZb30", first.extra().get("obfuscation"));
    Response r = ((StreamEvent.Completed) events.get(13)).response();
    assertEquals("final_result", r.functionCalls().get(0).name());
    assertEquals("{\"result\":6666}", r.functionCalls().get(0).arguments());
    assertEquals("flex", r.serviceTier());
    assertEquals("low", r.reasoning().effort());
    assertEquals("required", ((ResponsesToolChoice.Mode) r.toolChoice()).value());
    assertEquals(53, r.usage().inputTokens());
    assertEquals(469, r.usage().outputTokens());
    assertEquals(522, r.usage().totalTokens());
    assertEquals(448, r.usage().outputTokensDetails().reasoningTokens());
  }

  @Test
  void reasoningSummaryStream() {
    List<StreamEvent> events = Fixtures.events(REASONING_SUMMARY);
    assertEquals(676, events.size());
    assertEquals(4, ofType(events, StreamEvent.ReasoningSummaryPartAdded.class).size());
    assertEquals(383, ofType(events, StreamEvent.ReasoningSummaryTextDelta.class).size());
    assertEquals(271, ofType(events, StreamEvent.OutputTextDelta.class).size());
    // Each summary part's deltas add up to its done text.
    List<StreamEvent.ReasoningSummaryTextDone> dones = ofType(events, StreamEvent.ReasoningSummaryTextDone.class);
    assertEquals(4, dones.size());
    for (StreamEvent.ReasoningSummaryTextDone done : dones) {
      String joined =
          ofType(events, StreamEvent.ReasoningSummaryTextDelta.class).stream()
              .filter(d -> d.summaryIndex().equals(done.summaryIndex()))
              .map(StreamEvent.ReasoningSummaryTextDelta::delta)
              .collect(Collectors.joining());
      assertEquals(done.text(), joined, "summary " + done.summaryIndex());
    }
    assertTrue(dones.get(0).text().startsWith("**Providing street crossing instructions**\n\nThe user is asking how to cross the street"));
    assertTrue(dones.get(3).text().startsWith("**Providing safe crossing advice**"));
    StreamEvent.ReasoningSummaryPartAdded part = ofType(events, StreamEvent.ReasoningSummaryPartAdded.class).get(1);
    assertEquals(1, part.summaryIndex());
    assertEquals(ReasoningPart.summaryText(""), new ReasoningPart(part.part().type(), part.part().text(), null));

    Response r = ((StreamEvent.Completed) events.get(675)).response();
    OutputItem.Reasoning reasoning = (OutputItem.Reasoning) r.output().get(0);
    assertEquals(4, reasoning.summary().size());
    assertEquals(dones.get(2).text(), reasoning.summary().get(2).text());
    String text = joinedTextDeltas(events);
    assertEquals(1251, text.length());
    assertTrue(text.startsWith("I'm not a road safety professional, but here are some generally accepted guidelines"));
    assertTrue(text.endsWith("familiarize yourself with the rules specific to your area. Stay safe!"));
    assertEquals(text, r.text());
    assertEquals(13, r.usage().inputTokens());
    assertEquals(1680, r.usage().outputTokens());
    assertEquals(1693, r.usage().totalTokens());
    assertEquals(1408, r.usage().outputTokensDetails().reasoningTokens());
  }

  @Test
  void errorThenFailedStream() {
    List<StreamEvent> events = Fixtures.events(ERROR_FAILED);
    assertEquals(4, events.size());
    StreamEvent.Error error = assertInstanceOf(StreamEvent.Error.class, events.get(2));
    assertEquals(2, error.sequenceNumber());
    assertNull(error.code(), "OpenAI nests the code");
    assertEquals("insufficient_quota", error.errorCode());
    assertEquals("insufficient_quota", error.error().type());
    assertTrue(error.errorMessage().startsWith("You exceeded your current quota"));
    assertNull(error.error().param());
    StreamEvent.Failed failed = assertInstanceOf(StreamEvent.Failed.class, events.get(3));
    assertTrue(failed.terminal());
    assertEquals(Response.FAILED, failed.response().status());
    assertEquals("insufficient_quota", failed.response().error().code());
    assertTrue(failed.response().error().message().startsWith("You exceeded your current quota"));
    assertEquals(List.of(), failed.response().output());
    assertEquals("medium", failed.response().reasoning().effort());
  }

  @Test
  void openRouterReasoningStream() {
    List<StreamEvent> events = Fixtures.events(OPENROUTER_REASONING);
    assertEquals(40, events.size());
    for (int i = 0; i < events.size(); i++) assertEquals(i, events.get(i).sequenceNumber());
    StreamEvent.ContentPartAdded part = ofType(events, StreamEvent.ContentPartAdded.class).get(0);
    assertEquals("rs_tmp_2kbe7x16sax", part.itemId());
    assertInstanceOf(OutputContent.ReasoningText.class, part.part());
    String reasoning =
        ofType(events, StreamEvent.ReasoningTextDelta.class).stream().map(StreamEvent.ReasoningTextDelta::delta).collect(Collectors.joining());
    String expected = "The user asks: \"What is 2+2?\" They expect a straightforward answer: 4. Just answer 4.";
    assertEquals(expected, reasoning);
    assertEquals(expected, ofType(events, StreamEvent.ReasoningTextDone.class).get(0).text());
    assertEquals("4", joinedTextDeltas(events));
    assertEquals(List.of(), ofType(events, StreamEvent.OutputTextDelta.class).get(0).logprobs());

    Response r = ((StreamEvent.Completed) events.get(39)).response();
    assertEquals("gen-1764265411-Fu1iEX7h5MRWiL79lb94", r.id());
    assertEquals("openai/gpt-oss-20b", r.model());
    assertEquals("", r.outputText(), "OpenRouter sends an empty output_text");
    assertEquals("4", r.text());
    assertEquals(expected, ((OutputItem.Reasoning) r.output().get(0)).reasoningText());
    assertNull(r.temperature());
    assertNull(r.reasoning());
    ResponsesUsage usage = r.usage();
    assertEquals(78, usage.inputTokens());
    assertEquals(37, usage.outputTokens());
    assertEquals(115, usage.totalTokens());
    assertEquals(22, usage.outputTokensDetails().reasoningTokens());
    assertEquals(0.0000113, usage.cost());
    assertEquals(false, usage.isByok());
    assertEquals(0.0000039, usage.costDetails().upstreamInferenceInputCost());
    assertEquals(0.0000074, usage.costDetails().upstreamInferenceOutputCost());
    assertNull(usage.costDetails().upstreamInferenceCost());
    JsonNode written = Json.mapper().valueToTree(usage);
    assertTrue(written.get("cost_details").has("upstream_inference_cost"), "written as null like OpenRouter does");
  }

  @Test
  void openRouterFunctionCallRecordingHasArgumentsOnlyInTheCompletedResponse() {
    List<String> payloads = Fixtures.payloads(OPENROUTER_FUNCTION_CALL);
    assertEquals(6, payloads.size(), "the first payload is split across two text records");
    List<StreamEvent> events = Fixtures.events(OPENROUTER_FUNCTION_CALL);
    for (int i = 0; i < events.size(); i++) assertEquals(i, events.get(i).sequenceNumber());
    Response created = ((StreamEvent.Created) events.get(0)).response();
    assertEquals("gen-1767766559-nrG3oXoyGT2FDpzFZTha", created.id());
    assertEquals(64000, created.maxOutputTokens());
    ResponsesTool.Function tool = (ResponsesTool.Function) created.tools().get(0);
    assertEquals("test_tool", tool.name());
    assertEquals("http://json-schema.org/draft-07/schema#", tool.parameters().get("$schema"));

    OutputItem.FunctionCall added = (OutputItem.FunctionCall) ((StreamEvent.OutputItemAdded) events.get(2)).item();
    assertEquals("toolu_vrtx_01SLaG714UV1rgvZZ33A8jiW", added.callId());
    assertEquals("toolu_vrtx_01SLaG714UV1rgvZZ33A8jiW", added.id());
    assertEquals("", added.arguments());
    StreamEvent.FunctionCallArgumentsDone done = assertInstanceOf(StreamEvent.FunctionCallArgumentsDone.class, events.get(3));
    assertEquals("test_tool", done.name());
    assertEquals("", done.arguments());
    assertEquals(0, ofType(events, StreamEvent.FunctionCallArgumentsDelta.class).size());

    Response r = ((StreamEvent.Completed) events.get(5)).response();
    assertEquals("{\"message\": \"Hello from the assistant\"}", r.functionCalls().get(0).arguments());
    assertEquals(1157, r.usage().inputTokens());
    assertEquals(56, r.usage().outputTokens());
    assertEquals(1213, r.usage().totalTokens());
    assertEquals(0.004311, r.usage().cost());
    assertEquals(0.003471, r.usage().costDetails().upstreamInferenceInputCost());
    assertEquals(0.00084, r.usage().costDetails().upstreamInferenceOutputCost());
  }

  @Test
  void unmodelledEventTypesReadAsUnknownOrTheGenericRecords() throws Exception {
    StreamEvent panel =
        Json.mapper().readValue(
            "{\"type\":\"response.fusion_call.panel.delta\",\"sequence_number\":7,\"model\":\"m\",\"item_id\":\"f1\",\"output_index\":0,\"delta\":\"x\"}",
            StreamEvent.class);
    StreamEvent.Unknown unknown = assertInstanceOf(StreamEvent.Unknown.class, panel);
    assertEquals("response.fusion_call.panel.delta", unknown.type());
    assertEquals(7, unknown.sequenceNumber());
    assertEquals("m", unknown.fields().get("model"));

    String searching = "{\"type\":\"response.web_search_call.searching\",\"sequence_number\":3,\"item_id\":\"ws\",\"output_index\":1}";
    StreamEvent.ToolCallProgress progress = assertInstanceOf(StreamEvent.ToolCallProgress.class, Json.mapper().readValue(searching, StreamEvent.class));
    assertEquals("response.web_search_call.searching", progress.type());
    assertEquals("ws", progress.itemId());
    assertEquals(Fixtures.tree(searching), Json.mapper().valueToTree(progress));

    String code = "{\"type\":\"response.code_interpreter_call_code.done\",\"sequence_number\":4,\"item_id\":\"ci\",\"output_index\":0,\"code\":\"print(1)\"}";
    StreamEvent.ToolCallInputDone codeDone = assertInstanceOf(StreamEvent.ToolCallInputDone.class, Json.mapper().readValue(code, StreamEvent.class));
    assertEquals("print(1)", codeDone.code());
    assertEquals(Fixtures.tree(code), Json.mapper().valueToTree(codeDone));

    String debug = "{\"type\":\"response.debug\",\"sequence_number\":1,\"debug\":{\"timings\":{\"event\":\"first_token_received\",\"start_ms\":5,\"epoch_ms\":9}}}";
    StreamEvent.Debug d = assertInstanceOf(StreamEvent.Debug.class, Json.mapper().readValue(debug, StreamEvent.class));
    assertEquals("first_token_received", d.debug().at("/timings/event").asText());

    String queued = "{\"type\":\"response.queued\",\"sequence_number\":0,\"response\":{\"id\":\"r\",\"status\":\"queued\",\"output\":[]}}";
    StreamEvent.Queued q = assertInstanceOf(StreamEvent.Queued.class, Json.mapper().readValue(queued, StreamEvent.class));
    assertEquals(Response.QUEUED, q.response().status());
    assertFalse(q.terminal());
  }

  @Test
  void serverFactoriesWriteTheOpenRouterShapes() {
    Fixtures.assertJsonEquals(
        Fixtures.tree(
            "{\"type\":\"response.output_text.delta\",\"sequence_number\":4,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\",\"logprobs\":[]}"),
        Json.mapper().valueToTree(StreamEvent.outputTextDelta(4, "msg_1", 0, 0, "Hi")));
    Fixtures.assertJsonEquals(
        Fixtures.tree("{\"type\":\"error\",\"sequence_number\":2,\"code\":null,\"message\":\"Rate limit\",\"param\":null}"),
        Json.mapper().valueToTree(StreamEvent.error(2, null, "Rate limit", null)));
    Fixtures.assertJsonEquals(
        Fixtures.tree(
            "{\"type\":\"response.function_call_arguments.done\",\"sequence_number\":9,\"item_id\":\"fc\",\"output_index\":1,\"name\":\"f\",\"arguments\":\"{}\"}"),
        Json.mapper().valueToTree(StreamEvent.functionCallArgumentsDone(9, "fc", 1, "f", "{}")));
    JsonNode created = Json.mapper().valueToTree(StreamEvent.created(0, Response.builder().id("r").status("in_progress").build()));
    assertEquals("response.created", created.get("type").asText());
    assertEquals("r", created.at("/response/id").asText());
    assertTrue(created.get("response").has("completed_at"));
  }
}
