package dev.openrouter4j.gateway.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.responses.OutputContent;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.ReasoningPart;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Canonical events to Responses events: every stream here passes {@link ResponsesStreamChecker} and
 * the Open Responses schemas, and its final response equals the non-streaming body for the same
 * events.
 */
class ResponsesEncoderTest {
  static final Generation GENERATION = new Generation("gen-1700000000-abcdefghijklmnopqrst", 1_700_000_000, "acme/model", "primary", new Pricing(1, 2, 0, null, null));
  static final ResponsesRequest HELLO = ResponsesRequest.builder().model("acme/model").input("Hello").build();

  /** A stream and what the non-streaming reply makes of the same events. */
  record Run(List<StreamEvent> events, Response response, JsonNode body) {
    List<String> types() {
      return events.stream().map(StreamEvent::type).toList();
    }

    OutputItem item(int i) {
      return response.output().get(i);
    }
  }

  static Run run(ResponsesRequest request, LlmEvent... events) {
    ResponsesEncoder stream = new ResponsesEncoder(GENERATION, request);
    ResponsesEncoder body = new ResponsesEncoder(GENERATION, request);
    List<StreamEvent> out = new ArrayList<>(stream.start());
    for (LlmEvent e : events) {
      out.addAll(stream.encode(e));
      body.encode(e);
    }
    out.addAll(stream.finish());
    body.finish();
    for (StreamEvent e : out) ResponsesSchemas.assertValidEvent(ResponseJson.event(e));
    Response terminal = ResponsesStreamChecker.check(out);
    ObjectNode json = ResponseJson.response(body.response());
    ResponsesSchemas.assertValidResponse(json);
    ObjectNode streamed = ResponseJson.response(terminal);
    json.remove("completed_at");
    streamed.remove("completed_at");
    assertEquals(streamed, json, "the non-streaming body differs from the stream's final response");
    return new Run(out, terminal, json);
  }

  static LlmEvent usage(long in, long out) {
    return new LlmEvent.Usage(new TokenUsage(in, out, 0, 0, 0));
  }

  @Test
  void textIsOneMessageWithOneOutputTextPartInTheOrderOpenAiStreamsIt() {
    Run r = run(HELLO, new LlmEvent.Start("up-1", "up-model"), new LlmEvent.TextDelta(0, "Hel"), new LlmEvent.TextDelta(0, "lo"),
        new LlmEvent.Finish(0, "stop", "stop"), usage(1_000_000, 500_000));
    assertEquals(List.of(
        "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
        "response.output_text.delta", "response.output_text.delta", "response.output_text.done", "response.content_part.done",
        "response.output_item.done", "response.completed"), r.types());
    Response done = r.response();
    assertEquals("completed", done.status());
    assertEquals("Hello", done.outputText());
    assertEquals("gen-1700000000-abcdefghijklmnopqrst", done.id());
    assertEquals("acme/model", done.model());
    OutputItem.Message m = assertInstanceOf(OutputItem.Message.class, r.item(0));
    assertTrue(m.id().startsWith("msg_"), m.id());
    assertEquals("completed", m.status());
    assertEquals(1_000_000, done.usage().inputTokens());
    assertEquals(1_500_000, done.usage().totalTokens());
    assertEquals(2.0, done.usage().cost(), 1e-9, "1M prompt tokens at $1/M and 0.5M completion tokens at $2/M");
    assertNotNull(done.completedAt());
    assertNull(done.error());
  }

  @Test
  void visibleReasoningIsAReasoningItemWithAReasoningTextPartClosedBeforeTheMessage() {
    Run r = run(HELLO,
        new LlmEvent.ReasoningDelta(0, "Think", null, "anthropic-claude-v1"), new LlmEvent.ReasoningDelta(0, "ing.", null, null),
        new LlmEvent.ReasoningDelta(0, null, "sig==", "anthropic-claude-v1"), new LlmEvent.TextDelta(0, "4"),
        new LlmEvent.Finish(0, "stop", "end_turn"));
    assertEquals(List.of(
        "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
        "response.reasoning_text.delta", "response.reasoning_text.delta", "response.reasoning_text.done", "response.content_part.done",
        "response.output_item.done", "response.output_item.added", "response.content_part.added", "response.output_text.delta",
        "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed"), r.types());
    OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, r.item(0));
    assertTrue(reasoning.id().startsWith("rs_"), reasoning.id());
    assertEquals("Thinking.", reasoning.reasoningText());
    assertEquals("sig==", reasoning.signature());
    assertEquals("anthropic-claude-v1", reasoning.format());
    assertEquals(List.of(), reasoning.summary());
    assertEquals("4", r.response().outputText());
  }

  static final LlmEvent[] SUMMARIES = {
      new LlmEvent.ReasoningSummaryDelta(0, 0, "**Plan**\n\nAdd ", "openai-responses-v1"),
      new LlmEvent.ReasoningSummaryDelta(0, 0, "them.", null),
      new LlmEvent.ReasoningSummaryDelta(0, 1, "**Check**", null),
      new LlmEvent.ReasoningEncrypted(0, "gAAAAB", "openai-responses-v1"),
      new LlmEvent.TextDelta(0, "4"),
      new LlmEvent.Finish(0, "stop", "completed")};

  @Test
  void summaryPartsAreStreamedInsideTheReasoningItemInOpenAisOrderAndFillItsSummary() {
    Run r = run(HELLO, SUMMARIES);
    assertEquals(List.of(
        "response.created", "response.in_progress", "response.output_item.added",
        "response.reasoning_summary_part.added", "response.reasoning_summary_text.delta", "response.reasoning_summary_text.delta",
        "response.reasoning_summary_text.done", "response.reasoning_summary_part.done",
        "response.reasoning_summary_part.added", "response.reasoning_summary_text.delta",
        "response.reasoning_summary_text.done", "response.reasoning_summary_part.done",
        "response.output_item.done", "response.output_item.added", "response.content_part.added", "response.output_text.delta",
        "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed"), r.types());
    List<StreamEvent.ReasoningSummaryTextDone> dones =
        r.events().stream().filter(StreamEvent.ReasoningSummaryTextDone.class::isInstance).map(StreamEvent.ReasoningSummaryTextDone.class::cast).toList();
    assertEquals(List.of(0, 1), dones.stream().map(StreamEvent.ReasoningSummaryTextDone::summaryIndex).toList());
    assertEquals("**Plan**\n\nAdd them.", dones.get(0).text());
    OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, r.item(0));
    assertEquals(List.of(ReasoningPart.summaryText("**Plan**\n\nAdd them."), ReasoningPart.summaryText("**Check**")), reasoning.summary());
    assertNull(reasoning.content(), "a summary is not reasoning text");
    assertEquals("gAAAAB", reasoning.encryptedContent(), "the encrypted content closes the item it belongs to");
    assertEquals("openai-responses-v1", reasoning.format());
    JsonNode item = r.body().path("output").get(0);
    assertEquals("summary_text", item.path("summary").get(1).path("type").asText(), "the non-streaming body has the summary too");
    StreamEvent.OutputItemAdded added = assertInstanceOf(StreamEvent.OutputItemAdded.class, r.events().get(2));
    assertEquals(List.of(), ((OutputItem.Reasoning) added.item()).summary(), "output_item.added carries the item empty");
  }

  @Test
  void summaryIndexesAreTheItemsOwnAndReasoningAfterEncryptedContentIsANewItem() {
    Run r = run(HELLO,
        new LlmEvent.ReasoningSummaryDelta(0, 3, "first", null), new LlmEvent.ReasoningSummaryDelta(0, 7, "second", null),
        new LlmEvent.ReasoningEncrypted(0, "enc-1", null),
        new LlmEvent.ReasoningSummaryDelta(0, 7, "third", null), new LlmEvent.ReasoningDelta(0, "raw", null, null),
        new LlmEvent.Finish(0, "stop", null));
    OutputItem.Reasoning first = assertInstanceOf(OutputItem.Reasoning.class, r.item(0));
    OutputItem.Reasoning second = assertInstanceOf(OutputItem.Reasoning.class, r.item(1));
    assertEquals(List.of("first", "second"), first.summary().stream().map(ReasoningPart::text).toList());
    assertEquals("enc-1", first.encryptedContent());
    assertEquals(List.of("third"), second.summary().stream().map(ReasoningPart::text).toList(), "numbered from 0 in its own item");
    assertEquals("raw", second.reasoningText(), "text after a summary part closes it and opens a content part");
    assertNull(second.encryptedContent());
  }

  @Test
  void anAnswerCutShortClosesTheOpenSummaryPart() {
    ResponsesEncoder e = new ResponsesEncoder(GENERATION, HELLO);
    List<StreamEvent> out = new ArrayList<>(e.start());
    out.addAll(e.encode(new LlmEvent.ReasoningSummaryDelta(0, 0, "Thinking about", null)));
    out.addAll(e.fail(new LlmEvent.Failure(502, "gone", "provider_unavailable", null)));
    Response failed = ResponsesStreamChecker.check(out);
    OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, failed.output().get(0));
    assertEquals("incomplete", reasoning.status());
    assertEquals(List.of(ReasoningPart.summaryText("Thinking about")), reasoning.summary());
  }

  @Test
  void encryptedReasoningRidesOnTheReasoningItem() {
    Run r = run(HELLO, new LlmEvent.ReasoningEncrypted(0, "gAAAAB", "openai-responses-v1"), new LlmEvent.TextDelta(0, "ok"),
        new LlmEvent.Finish(0, "stop", null));
    OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, r.item(0));
    assertEquals("gAAAAB", reasoning.encryptedContent());
    assertEquals("openai-responses-v1", reasoning.format());
    assertNull(reasoning.content());
    assertInstanceOf(OutputItem.Message.class, r.item(1));
  }

  @Test
  void aRefusalIsARefusalPartAndTextAfterItANewPart() {
    Run r = run(HELLO, new LlmEvent.RefusalDelta(0, "I can't "), new LlmEvent.RefusalDelta(0, "help."), new LlmEvent.TextDelta(0, "Sorry."),
        new LlmEvent.Finish(0, "stop", null));
    assertTrue(r.types().containsAll(List.of("response.refusal.delta", "response.refusal.done")), r.types().toString());
    OutputItem.Message m = assertInstanceOf(OutputItem.Message.class, r.item(0));
    assertEquals(List.of(OutputContent.refusal("I can't help."), OutputContent.outputText("Sorry.")), m.content());
  }

  @Test
  void parallelToolCallsAreItemsOfTheirOwnEvenWhenTheirArgumentsInterleave() {
    Run r = run(HELLO, new LlmEvent.TextDelta(0, "Let me check."),
        new LlmEvent.ToolCallStart(0, 0, "call_a", "weather"), new LlmEvent.ToolCallDelta(0, 0, "{\"city\":"),
        new LlmEvent.ToolCallStart(0, 1, "call_b", "stock"), new LlmEvent.ToolCallDelta(0, 1, "{\"sym\":\"X\"}"),
        new LlmEvent.ToolCallDelta(0, 0, "\"Oslo\"}"), new LlmEvent.ToolCallEnd(0, 0), new LlmEvent.ToolCallEnd(0, 1),
        new LlmEvent.Finish(0, "tool_calls", "tool_calls"), usage(10, 20));
    assertEquals(3, r.response().output().size());
    OutputItem.FunctionCall a = assertInstanceOf(OutputItem.FunctionCall.class, r.item(1));
    OutputItem.FunctionCall b = assertInstanceOf(OutputItem.FunctionCall.class, r.item(2));
    assertEquals(List.of("call_a", "weather", "{\"city\":\"Oslo\"}", "completed"), List.of(a.callId(), a.name(), a.arguments(), a.status()));
    assertEquals(List.of("call_b", "stock", "{\"sym\":\"X\"}"), List.of(b.callId(), b.name(), b.arguments()));
    assertTrue(a.id().startsWith("fc_") && !a.id().equals(b.id()), a.id() + " " + b.id());
    assertEquals("completed", r.response().status());
  }

  @Test
  void aToolCallWithoutArgumentsGetsTheEmptyObject() {
    Run r = run(HELLO, new LlmEvent.ToolCallStart(0, 0, "call_a", "now"), new LlmEvent.ToolCallEnd(0, 0), new LlmEvent.Finish(0, "tool_calls", null));
    assertEquals("{}", ((OutputItem.FunctionCall) r.item(0)).arguments());
  }

  @Test
  void theTokenLimitMakesTheResponseIncompleteWithItsReason() {
    Run r = run(HELLO, new LlmEvent.TextDelta(0, "cut sh"), new LlmEvent.Finish(0, "length", "max_tokens"), usage(5, 2));
    assertEquals(StreamEvent.Incomplete.TYPE, r.types().get(r.types().size() - 1));
    assertEquals("incomplete", r.response().status());
    assertEquals("max_output_tokens", r.response().incompleteDetails().reason());
    assertEquals("incomplete", ((OutputItem.Message) r.item(0)).status());
    assertNull(r.response().completedAt());
  }

  @Test
  void aContentFilterMakesTheResponseIncompleteToo() {
    Run r = run(HELLO, new LlmEvent.TextDelta(0, "x"), new LlmEvent.Finish(0, "content_filter", null));
    assertEquals("content_filter", r.response().incompleteDetails().reason());
  }

  @Test
  void aFailureAfterContentClosesTheItemsAsIncompleteAndEndsInResponseFailed() {
    ResponsesEncoder encoder = new ResponsesEncoder(GENERATION, HELLO);
    List<StreamEvent> out = new ArrayList<>(encoder.start());
    out.addAll(encoder.encode(new LlmEvent.TextDelta(0, "partial")));
    out.addAll(encoder.encode(usage(10, 1)));
    out.addAll(encoder.encode(new LlmEvent.Failure(502, "upstream broke", "provider_unavailable", null)));
    assertEquals(List.of(), encoder.finish(), "nothing after the terminal event");
    for (StreamEvent e : out) ResponsesSchemas.assertValidEvent(ResponseJson.event(e));
    Response failed = ResponsesStreamChecker.check(out);
    assertEquals("failed", failed.status());
    assertEquals("server_error", failed.error().code());
    assertEquals("upstream broke", failed.error().message());
    assertEquals("provider_unavailable", failed.errorType());
    assertEquals("incomplete", ((OutputItem.Message) failed.output().get(0)).status());
    assertEquals(0.0, failed.usage().cost(), "an answer that ended in error costs nothing");
    assertTrue(encoder.failed());
  }

  @Test
  void aFailureBeforeAnyContentIsCreatedInProgressFailed() {
    ResponsesEncoder encoder = new ResponsesEncoder(new Generation("gen-1-x", 1, null, null, null), HELLO);
    List<StreamEvent> out = new ArrayList<>(encoder.start());
    out.addAll(encoder.fail(new LlmEvent.Failure(429, "every provider is rate limited", "rate_limit_exceeded", null)));
    for (StreamEvent e : out) ResponsesSchemas.assertValidEvent(ResponseJson.event(e));
    Response failed = ResponsesStreamChecker.check(out);
    assertEquals("rate_limit_exceeded", failed.error().code());
    assertEquals("acme/model", failed.model(), "before routing the requested model stands in");
  }

  @Test
  void theResponseEchoesTheRequestsSettings() {
    ResponsesRequest request = ResponsesTranslatorTest.read("""
        {"model":"acme/model","input":"x","instructions":"Be brief.","temperature":0.3,"top_p":0.8,"max_output_tokens":64,
         "metadata":{"k":"v"},"parallel_tool_calls":false,"tool_choice":"required","user":"u","safety_identifier":"s",
         "prompt_cache_key":"pk","service_tier":"flex","truncation":"auto","reasoning":{"effort":"low"},"store":true,
         "tools":[{"type":"function","name":"f","parameters":{"type":"object"}}],
         "text":{"verbosity":"low","format":{"type":"json_schema","name":"out","schema":{"type":"object"}}}}""");
    Run r = run(request, new LlmEvent.TextDelta(0, "{}"), new LlmEvent.Finish(0, "stop", null));
    JsonNode body = r.body();
    assertEquals("Be brief.", body.path("instructions").asText());
    assertEquals(0.3, body.path("temperature").asDouble());
    assertEquals(0.8, body.path("top_p").asDouble());
    assertEquals(64, body.path("max_output_tokens").asInt());
    assertEquals("v", body.path("metadata").path("k").asText());
    assertEquals(false, body.path("parallel_tool_calls").asBoolean(true));
    assertEquals("required", body.path("tool_choice").asText());
    assertEquals("f", body.path("tools").get(0).path("name").asText());
    assertTrue(body.path("tools").get(0).has("strict"), "the Open Responses schema requires strict, null or not");
    assertEquals("low", body.path("reasoning").path("effort").asText());
    assertTrue(body.path("reasoning").path("summary").isNull());
    assertEquals("json_schema", body.path("text").path("format").path("type").asText());
    assertEquals("low", body.path("text").path("verbosity").asText());
    assertEquals(List.of("u", "s", "pk", "flex", "auto"), List.of(body.path("user").asText(), body.path("safety_identifier").asText(),
        body.path("prompt_cache_key").asText(), body.path("service_tier").asText(), body.path("truncation").asText()));
    // the dialect hands the encoder store as it decided it; the encoder echoes it
    assertEquals(true, body.path("store").asBoolean(false));
    assertEquals(false, body.path("background").asBoolean(true));
    assertTrue(body.path("previous_response_id").isNull());
  }

  @Test
  void aBareRequestIsEchoedWithTheApisDefaults() {
    JsonNode body = run(HELLO, new LlmEvent.TextDelta(0, "hi"), new LlmEvent.Finish(0, "stop", null)).body();
    assertEquals(1.0, body.path("temperature").asDouble());
    assertEquals(1.0, body.path("top_p").asDouble());
    assertEquals("auto", body.path("tool_choice").asText());
    assertEquals(true, body.path("parallel_tool_calls").asBoolean());
    assertEquals("text", body.path("text").path("format").path("type").asText());
    assertEquals("disabled", body.path("truncation").asText());
    for (String key : List.of("instructions", "max_output_tokens", "max_tool_calls", "reasoning", "safety_identifier", "prompt_cache_key")) {
      assertTrue(body.has(key) && body.get(key).isNull(), key + " must be present and null: " + body);
    }
    // no counts from the upstream: zero tokens, not null (OpenRouter's schema types usage non-null)
    assertEquals(0, body.path("usage").path("total_tokens").asInt(-1), body.toString());
    assertEquals(0, body.path("usage").path("input_tokens_details").path("cached_tokens").asInt(-1), body.toString());
  }

  @Test
  void otherChoicesAndUsageAfterTheFinishAreHandled() {
    Run r = run(HELLO, new LlmEvent.TextDelta(1, "ignored"), new LlmEvent.TextDelta(0, "kept"), new LlmEvent.Finish(0, "stop", null),
        new LlmEvent.Finish(1, "stop", null), usage(3, 4));
    assertEquals("kept", r.response().outputText());
    assertEquals(7, r.response().usage().totalTokens());
  }

  @Test
  void anAnswerWithNoOutputStillCompletes() {
    Run r = run(HELLO, new LlmEvent.Finish(0, "stop", null));
    assertEquals(List.of("response.created", "response.in_progress", "response.completed"), r.types());
    assertEquals("", r.response().outputText());
  }

  @Test
  void aJsonSchemaFormatWithoutADescriptionIsEchoedWithAnEmptyOne() {
    ResponsesRequest request = ResponsesTranslatorTest.read("""
        {"model":"acme/model","input":"x","text":{"format":{"type":"json_schema","name":"out","schema":{"type":"object"},"strict":true}}}""");
    JsonNode body = run(request, new LlmEvent.TextDelta(0, "{}"), new LlmEvent.Finish(0, "stop", null)).body();
    JsonNode format = body.path("text").path("format");
    // Open Responses requires the key; OpenRouter's schema (and @openrouter/sdk, which found this) allows only a string
    assertTrue(format.path("description").isTextual(), format.toString());
    assertEquals("", format.path("description").asText());
    assertTrue(format.path("strict").asBoolean()); // run() validated the body against the Open Responses schema

    ResponsesRequest described = ResponsesTranslatorTest.read("""
        {"model":"acme/model","input":"x","text":{"format":{"type":"json_schema","name":"out","description":"The answer","schema":{"type":"object"}}}}""");
    JsonNode echoed = run(described, new LlmEvent.TextDelta(0, "{}"), new LlmEvent.Finish(0, "stop", null)).body();
    assertEquals("The answer", echoed.path("text").path("format").path("description").asText());
    assertEquals(false, echoed.path("text").path("format").path("strict").asBoolean(true));
  }
}
