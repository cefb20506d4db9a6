package dev.openrouter4j.api.responses;

import static dev.openrouter4j.api.responses.StreamEventTest.ERROR_FAILED;
import static dev.openrouter4j.api.responses.StreamEventTest.FUNCTION_CALL;
import static dev.openrouter4j.api.responses.StreamEventTest.OPENROUTER_FUNCTION_CALL;
import static dev.openrouter4j.api.responses.StreamEventTest.OPENROUTER_REASONING;
import static dev.openrouter4j.api.responses.StreamEventTest.REASONING_FUNCTION_CALL;
import static dev.openrouter4j.api.responses.StreamEventTest.REASONING_SUMMARY;
import static dev.openrouter4j.api.responses.StreamEventTest.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.api.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseAccumulatorTest {

  private static ResponseAccumulator feed(List<StreamEvent> events) {
    return new ResponseAccumulator().acceptAll(events);
  }

  private static Response terminalResponse(List<StreamEvent> events) {
    StreamEvent last = events.get(events.size() - 1);
    return ((StreamEvent.Lifecycle) last).response();
  }

  private static int indexOf(List<StreamEvent> events, Class<?> type, int occurrence) {
    int seen = 0;
    for (int i = 0; i < events.size(); i++) {
      if (type.isInstance(events.get(i)) && seen++ == occurrence) return i;
    }
    throw new AssertionError("no " + type.getSimpleName() + " #" + occurrence);
  }

  @ParameterizedTest
  @ValueSource(strings = {TEXT, FUNCTION_CALL, REASONING_FUNCTION_CALL, REASONING_SUMMARY, ERROR_FAILED, OPENROUTER_REASONING, OPENROUTER_FUNCTION_CALL})
  void theFinalResponseIsTheTerminalEventsResponse(String fixture) {
    List<StreamEvent> events = Fixtures.events(fixture);
    ResponseAccumulator acc = feed(events);
    assertTrue(acc.terminated());
    Response terminal = terminalResponse(events);
    Response r = acc.response();
    assertSame(terminal, r);
    assertEquals(terminal.text(), r.text());
    assertEquals(terminal.usage(), r.usage());
  }

  /** Every prefix of every stream assembles without error into a prefix of the final text and arguments. */
  @ParameterizedTest
  @ValueSource(strings = {TEXT, FUNCTION_CALL, REASONING_FUNCTION_CALL, REASONING_SUMMARY, ERROR_FAILED, OPENROUTER_REASONING, OPENROUTER_FUNCTION_CALL})
  void everyCutYieldsAPrefixOfTheFinalOutput(String fixture) {
    List<StreamEvent> events = Fixtures.events(fixture);
    Response terminal = terminalResponse(events);
    String finalArgs = terminal.functionCalls().isEmpty() ? "" : terminal.functionCalls().get(0).arguments();
    for (int cut = 0; cut < events.size() - 1; cut++) {
      ResponseAccumulator acc = feed(events.subList(0, cut));
      assertFalse(acc.terminated());
      Response partial = acc.response();
      assertTrue(terminal.text().startsWith(partial.text()), fixture + " cut " + cut + ": " + partial.text());
      for (OutputItem.FunctionCall call : partial.functionCalls()) {
        assertTrue(finalArgs.startsWith(call.arguments()), fixture + " cut " + cut + ": " + call.arguments());
      }
    }
  }

  @Test
  void assembledTextMatchesTheCompletedResponse() {
    List<StreamEvent> events = Fixtures.events(TEXT);
    ResponseAccumulator acc = feed(events);
    Response terminal = terminalResponse(events);
    // The items built from the events are exactly the completed response's output.
    assertEquals(Json.mapper().valueToTree(terminal.output()), Json.mapper().valueToTree(acc.assembledOutput()));
  }

  @Test
  void assembledFunctionCallMatchesTheCompletedResponse() {
    List<StreamEvent> events = Fixtures.events(FUNCTION_CALL);
    assertEquals(
        Json.mapper().valueToTree(terminalResponse(events).output()),
        Json.mapper().valueToTree(feed(events).assembledOutput()));
  }

  @Test
  void textStreamCutAfterFourDeltas() {
    List<StreamEvent> events = Fixtures.events(TEXT);
    int cut = indexOf(events, StreamEvent.OutputTextDelta.class, 3) + 1;
    Response partial = feed(events.subList(0, cut)).response();
    assertEquals("resp_67e554a21aa88191b65876ac5e5bbe0406c52f0e511c76ed", partial.id());
    assertEquals(Response.IN_PROGRESS, partial.status());
    assertEquals("The capital of France", partial.text());
    OutputItem.Message message = assertInstanceOf(OutputItem.Message.class, partial.output().get(0));
    assertEquals("msg_67e554a28bec8191b56d3e2331eff88006c52f0e511c76ed", message.id());
    assertEquals("in_progress", message.status());
    assertNull(partial.usage());
  }

  @Test
  void functionCallStreamCutMidArguments() {
    List<StreamEvent> events = Fixtures.events(FUNCTION_CALL);
    int cut = indexOf(events, StreamEvent.FunctionCallArgumentsDelta.class, 2) + 1;
    Response partial = feed(events.subList(0, cut)).response();
    OutputItem.FunctionCall call = partial.functionCalls().get(0);
    assertEquals("{\"country\":\"", call.arguments());
    assertEquals("get_capital", call.name());
    assertEquals("call_kL0PCQV7M2WMoVX8V8OtYSAL", call.callId());
    assertEquals("in_progress", call.status());
  }

  @Test
  void reasoningThenFunctionCallCutBeforeCompleted() {
    List<StreamEvent> events = Fixtures.events(REASONING_FUNCTION_CALL);
    Response partial = feed(events.subList(0, events.size() - 1)).response();
    assertEquals(2, partial.output().size());
    OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, partial.output().get(0));
    assertEquals("rs_0050471a34b36ae60068c97bac4dcc819595fd0f80d6b3c405", reasoning.id());
    assertTrue(reasoning.encryptedContent().startsWith("gAAAAABoyXvx"), "the done item's encrypted content");
    OutputItem.FunctionCall call = partial.functionCalls().get(0);
    assertEquals("{\"result\":6666}", call.arguments());
    assertEquals(terminalResponse(events).functionCalls().get(0).arguments(), call.arguments());
  }

  @Test
  void reasoningSummaryAssemblesLikeTheCompletedResponse() {
    List<StreamEvent> events = Fixtures.events(REASONING_SUMMARY);
    Response terminal = terminalResponse(events);
    List<OutputItem> assembled = feed(events).assembledOutput();
    OutputItem.Reasoning finalReasoning = (OutputItem.Reasoning) terminal.output().get(0);
    OutputItem.Reasoning reasoning = (OutputItem.Reasoning) assembled.get(0);
    assertEquals(finalReasoning.summaryText(), reasoning.summaryText());
    assertEquals(((OutputItem.Message) terminal.output().get(1)).text(), ((OutputItem.Message) assembled.get(1)).text());

    // Cut in the middle of the third summary part, before any done event for it.
    int cut = indexOf(events, StreamEvent.ReasoningSummaryPartAdded.class, 2) + 11;
    Response partial = feed(events.subList(0, cut)).response();
    OutputItem.Reasoning partialReasoning = assertInstanceOf(OutputItem.Reasoning.class, partial.output().get(0));
    assertEquals(3, partialReasoning.summary().size());
    assertEquals(finalReasoning.summary().get(0).text(), partialReasoning.summary().get(0).text());
    assertEquals(finalReasoning.summary().get(1).text(), partialReasoning.summary().get(1).text());
    String third = partialReasoning.summary().get(2).text();
    assertFalse(third.isEmpty());
    assertTrue(finalReasoning.summary().get(2).text().startsWith(third), third);
    assertTrue(third.length() < finalReasoning.summary().get(2).text().length());
    assertEquals("", partial.text(), "no message yet");
  }

  @Test
  void openRouterReasoningCutAfterTheTextDelta() {
    List<StreamEvent> events = Fixtures.events(OPENROUTER_REASONING);
    int cut = indexOf(events, StreamEvent.OutputTextDelta.class, 0) + 1;
    Response partial = feed(events.subList(0, cut)).response();
    assertEquals("4", partial.text());
    OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, partial.output().get(0));
    assertEquals("rs_tmp_2kbe7x16sax", reasoning.id());
    assertEquals(
        "The user asks: \"What is 2+2?\" They expect a straightforward answer: 4. Just answer 4.",
        reasoning.reasoningText());
    assertEquals(ReasoningPart.REASONING_TEXT, reasoning.content().get(0).type());
    // The stream's reasoning content equals the completed response's (its item id differs upstream).
    Response terminal = terminalResponse(events);
    assertEquals(((OutputItem.Reasoning) terminal.output().get(0)).reasoningText(), reasoning.reasoningText());
  }

  @Test
  void openRouterFunctionCallArgumentsComeOnlyFromTheCompletedResponse() {
    List<StreamEvent> events = Fixtures.events(OPENROUTER_FUNCTION_CALL);
    ResponseAccumulator acc = feed(events);
    OutputItem.FunctionCall assembled = (OutputItem.FunctionCall) acc.assembledOutput().get(0);
    assertEquals("", assembled.arguments(), "the deltas and done events carry no arguments");
    assertEquals("test_tool", assembled.name());
    assertEquals("{\"message\": \"Hello from the assistant\"}", acc.response().functionCalls().get(0).arguments());
    assertEquals(0.004311, acc.response().usage().cost());
  }

  @Test
  void errorEventWithoutATerminalEventReadsAsFailed() {
    List<StreamEvent> events = Fixtures.events(ERROR_FAILED);
    ResponseAccumulator acc = feed(events.subList(0, 3));
    assertFalse(acc.terminated());
    assertEquals("insufficient_quota", acc.error().errorCode());
    Response partial = acc.response();
    assertEquals(Response.FAILED, partial.status());
    assertEquals("insufficient_quota", partial.error().code());
    assertTrue(partial.error().message().startsWith("You exceeded your current quota"));
    assertEquals("resp_05500b38c2cd9bfc00691c7c9d222481a3b595421266dab424", partial.id());

    Response complete = feed(events).response();
    assertEquals(Response.FAILED, complete.status());
    assertEquals("insufficient_quota", complete.error().code());
  }

  @Test
  void deltasWithoutAddedEventsStillAssemble() {
    ResponseAccumulator acc = new ResponseAccumulator();
    acc.accept(StreamEvent.outputTextDelta(0, "msg_x", 0, 0, "Hel"));
    acc.accept(StreamEvent.outputTextDelta(1, "msg_x", 0, 0, "lo"));
    acc.accept(StreamEvent.functionCallArgumentsDelta(2, "fc_x", 1, "{\"a\":"));
    acc.accept(StreamEvent.functionCallArgumentsDone(3, "fc_x", 1, "f", "{\"a\":1}"));
    acc.accept(StreamEvent.reasoningSummaryTextDelta(4, "rs_x", 2, 0, "thinking"));
    Response r = acc.response();
    assertEquals("Hello", r.text());
    assertEquals(Response.IN_PROGRESS, r.status());
    OutputItem.Message message = assertInstanceOf(OutputItem.Message.class, r.output().get(0));
    assertEquals("msg_x", message.id());
    assertEquals("assistant", message.role());
    OutputItem.FunctionCall call = assertInstanceOf(OutputItem.FunctionCall.class, r.output().get(1));
    assertEquals("fc_x", call.id());
    assertEquals("f", call.name());
    assertEquals("{\"a\":1}", call.arguments());
    assertEquals("thinking", assertInstanceOf(OutputItem.Reasoning.class, r.output().get(2)).summaryText());
  }

  @Test
  void terminalResponseWithoutOutputGetsTheAssembledOutput() {
    ResponseAccumulator acc = new ResponseAccumulator();
    acc.accept(StreamEvent.outputItemAdded(0, 0, new OutputItem.Message("m", "assistant", List.of(), "in_progress", null, null)));
    acc.accept(StreamEvent.contentPartAdded(1, "m", 0, 0, OutputContent.outputText("")));
    acc.accept(StreamEvent.outputTextDelta(2, "m", 0, 0, "partial answer"));
    acc.accept(StreamEvent.incomplete(3, Response.builder().id("r").status(Response.INCOMPLETE)
        .incompleteDetails(Response.IncompleteDetails.of("max_output_tokens")).build()));
    Response r = acc.response();
    assertEquals(Response.INCOMPLETE, r.status());
    assertEquals("max_output_tokens", r.incompleteDetails().reason());
    assertEquals("partial answer", r.text());
  }
}
