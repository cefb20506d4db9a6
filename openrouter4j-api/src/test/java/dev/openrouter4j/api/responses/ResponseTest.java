package dev.openrouter4j.api.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Enums.ReasoningEffort;
import dev.openrouter4j.api.Enums.ReasoningSummary;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.Reasoning;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseTest {
  private static final String NONSTREAM = "openai-responses/responses-nonstream-reasoning.json";

  private static Response read(String json) throws Exception {
    return Json.mapper().readValue(json, Response.class);
  }

  @Test
  void nonStreamingFixtureReadsIntoTheModel() throws Exception {
    Response r = read(Fixtures.read(NONSTREAM));

    assertEquals("resp_0f35ed53160b395301693cc957829881909359e7f80cdd20b5", r.id());
    assertEquals("response", r.object());
    assertEquals(1765591383L, r.createdAt());
    assertNull(r.completedAt());
    assertEquals("gpt-5-mini-2025-08-07", r.model());
    assertEquals(Response.COMPLETED, r.status());
    assertNull(r.error());
    assertNull(r.incompleteDetails());
    assertNull(r.instructions());
    assertEquals(Map.of(), r.metadata());
    assertEquals(1.0, r.temperature());
    assertEquals(1.0, r.topP());
    assertEquals(true, r.parallelToolCalls());
    assertEquals(false, r.background());
    assertEquals(false, r.store());
    assertEquals("default", r.serviceTier());
    assertEquals("disabled", r.truncation());
    assertEquals(0, r.topLogprobs());
    assertEquals("high", r.reasoning().effort());
    assertEquals("detailed", r.reasoning().summary());
    assertInstanceOf(TextFormat.Text.class, r.textConfig().format());
    assertEquals("medium", r.textConfig().verbosity());
    assertEquals("auto", assertInstanceOf(ResponsesToolChoice.Mode.class, r.toolChoice()).value());

    ResponsesTool.Function calculator = assertInstanceOf(ResponsesTool.Function.class, r.tools().get(0));
    assertEquals("calculator", calculator.name());
    assertEquals(true, calculator.strict());
    assertEquals(List.of("a", "b", "op"), calculator.parameters().get("required"));

    assertEquals(2, r.output().size());
    OutputItem.Reasoning reasoning = assertInstanceOf(OutputItem.Reasoning.class, r.output().get(0));
    assertEquals("rs_0f35ed53160b395301693cc95817ac8190b978637daea4987e", reasoning.id());
    assertTrue(reasoning.encryptedContent().startsWith("gAAAAABpPMlcH0HHEv5_"));
    assertEquals(ReasoningPart.SUMMARY_TEXT, reasoning.summary().get(0).type());
    assertTrue(reasoning.summaryText().startsWith("**Reporting final result**\n\nThe tool returned 570"));
    OutputItem.Message message = assertInstanceOf(OutputItem.Message.class, r.output().get(1));
    assertEquals("assistant", message.role());
    assertEquals("completed", message.status());
    OutputContent.OutputText text = assertInstanceOf(OutputContent.OutputText.class, message.content().get(0));
    assertEquals(List.of(), text.annotations());
    assertEquals(List.of(), text.logprobs());
    assertEquals("12 + 7 = 19\n19 × 3 = 57\n57 × 10 = 570\n\nFinal result: 570", r.text());

    ResponsesUsage usage = r.usage();
    assertEquals(865, usage.inputTokens());
    assertEquals(163, usage.outputTokens());
    assertEquals(1028, usage.totalTokens());
    assertEquals(0, usage.inputTokensDetails().cachedTokens());
    assertEquals(128, usage.outputTokensDetails().reasoningTokens());
    assertNull(usage.cost());

    // Keys this version does not model are kept.
    assertEquals(Map.of("payer", "developer"), r.extra().get("billing"));
    assertTrue(r.extra().containsKey("prompt_cache_retention"));
  }

  @Test
  void nonStreamingFixtureRoundTripsAndGainsTheRequiredNullKeys() throws Exception {
    JsonNode original = Fixtures.tree(Fixtures.read(NONSTREAM));
    JsonNode written = Json.mapper().valueToTree(read(original.toString()));
    Fixtures.assertSameJson(original, written);
    // The fixture leaves out keys the schema requires; the model writes them as null.
    for (String key : List.of("completed_at", "presence_penalty", "frequency_penalty")) {
      assertFalse(original.has(key), key);
      assertTrue(written.has(key) && written.get(key).isNull(), key);
    }
    assertTrue(written.get("error").isNull());
    assertTrue(written.get("prompt_cache_retention").isNull(), "unknown null-valued keys survive too");
  }

  @Test
  void builtResponseHasEveryRequiredKey() {
    Response r =
        Response.builder()
            .id("resp_1")
            .createdAt(1700000000L)
            .model("openai/gpt-4o")
            .status(Response.COMPLETED)
            .output(OutputItem.message("msg_1", "completed", "Hi!"))
            .usage(ResponsesUsage.of(10, 3))
            .build();
    String expected =
        """
        {
          "id": "resp_1", "object": "response", "created_at": 1700000000, "completed_at": null,
          "model": "openai/gpt-4o", "status": "completed",
          "output": [{"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
                      "content": [{"type": "output_text", "text": "Hi!", "annotations": []}]}],
          "error": null, "incomplete_details": null, "instructions": null, "metadata": null,
          "temperature": null, "top_p": null, "presence_penalty": null, "frequency_penalty": null,
          "tools": [], "tool_choice": "auto", "parallel_tool_calls": true,
          "usage": {"input_tokens": 10, "output_tokens": 3, "total_tokens": 13,
                    "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}}
        }
        """;
    Fixtures.assertJsonEquals(Fixtures.tree(expected), Json.mapper().valueToTree(r));
    assertEquals("Hi!", r.text());
    assertEquals(r, r.toBuilder().build());
  }

  @Test
  void textPrefersOutputTextAndFallsBackWhenAbsentOrEmpty() {
    Response base = Response.builder().output(OutputItem.message("m", "completed", "from items")).build();
    assertEquals("from items", base.text());
    assertEquals("from items", base.toBuilder().outputText("").build().text(), "OpenRouter sends \"\"");
    assertEquals("summary", base.toBuilder().outputText("summary").build().text());
    assertEquals("", Response.builder().build().text());
  }

  @Test
  void outputGoesBackAsInput() throws Exception {
    Response r = read(Fixtures.read(NONSTREAM));
    List<InputItem> input = r.outputAsInput();
    InputItem.Reasoning reasoning = assertInstanceOf(InputItem.Reasoning.class, input.get(0));
    assertEquals(((OutputItem.Reasoning) r.output().get(0)).encryptedContent(), reasoning.encryptedContent());
    InputMessage message = assertInstanceOf(InputMessage.class, input.get(1));
    assertEquals("assistant", message.role());
    assertEquals("msg_0f35ed53160b395301693cc95c1d288190997018450969162b", message.id());
    assertEquals(r.text(), message.text());
    // The input items carry the same fields as the output items they came from.
    assertEquals(Json.mapper().valueToTree(r.output()), Json.mapper().valueToTree(input));

    OutputItem.FunctionCall call = OutputItem.functionCall("fc_1", "call_1", "f", "{\"x\":1}", "completed");
    assertEquals(
        Fixtures.tree(
            "{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"f\",\"arguments\":\"{\\\"x\\\":1}\",\"id\":\"fc_1\",\"status\":\"completed\"}"),
        Json.mapper().valueToTree(InputItem.from(call)));
  }

  @Test
  void unknownItemsAndFieldsSurviveAReadAndAWrite() throws Exception {
    String json =
        """
        {
          "id": "gen-1", "object": "response", "created_at": 1, "completed_at": 2, "model": "m", "status": "completed",
          "output": [
            {"type": "openrouter:web_search", "id": "ws_1", "status": "completed", "action": {"type": "search", "query": "java"}},
            {"type": "computer_call", "call_id": "c", "status": "completed", "pending_safety_checks": []},
            {"type": "web_search_call", "id": "ws_2", "status": "completed", "action": {"type": "open_page", "url": "https://x"}},
            {"type": "message", "id": "msg", "role": "assistant", "status": "completed", "phase": "commentary",
             "content": [
               {"type": "output_text", "text": "see [1]", "annotations": [
                 {"type": "url_citation", "url": "https://x", "title": "X", "start_index": 4, "end_index": 7},
                 {"type": "container_file_citation", "file_id": "cf"}]},
               {"type": "audio_transcript", "transcript": "..."}]}
          ],
          "error": {"code": "server_error", "message": "boom", "retryable": true},
          "incomplete_details": {"reason": "max_output_tokens"},
          "instructions": [{"type": "message", "role": "system", "content": "Be kind."}],
          "metadata": {"k": "v"},
          "temperature": 0.5, "top_p": null, "presence_penalty": 0, "frequency_penalty": 0,
          "tools": [{"type": "openrouter:datetime", "parameters": {"timezone": "UTC"}}],
          "tool_choice": {"type": "shell"},
          "parallel_tool_calls": false,
          "usage": {"input_tokens": 1, "output_tokens": 2, "total_tokens": 3,
                    "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 5},
                    "output_tokens_details": {"reasoning_tokens": 0},
                    "cost": 0.5, "is_byok": true,
                    "cost_details": {"upstream_inference_cost": 0.4, "upstream_inference_input_cost": 0.1, "upstream_inference_output_cost": 0.3},
                    "server_tool_use_details": {"web_search_requests": 1}},
          "reasoning": {"effort": "ultra", "summary": "auto"},
          "error_type": "server_error",
          "openrouter_metadata": {"requested": "m", "strategy": "direct", "attempt": 1},
          "brand_new_key": [1, 2]
        }
        """;
    Response r = read(json);
    OutputItem.Unknown serverTool = assertInstanceOf(OutputItem.Unknown.class, r.output().get(0));
    assertEquals("openrouter:web_search", serverTool.type());
    assertEquals(Map.of("type", "search", "query", "java"), serverTool.fields().get("action"));
    assertEquals("computer_call", assertInstanceOf(OutputItem.Unknown.class, r.output().get(1)).type());
    assertEquals("open_page", assertInstanceOf(OutputItem.WebSearchCall.class, r.output().get(2)).action().get("type"));
    OutputItem.Message message = assertInstanceOf(OutputItem.Message.class, r.output().get(3));
    OutputContent.OutputText text = (OutputContent.OutputText) message.content().get(0);
    assertEquals(4, assertInstanceOf(Annotation.UrlCitation.class, text.annotations().get(0)).startIndex());
    assertEquals("container_file_citation", assertInstanceOf(Annotation.Unknown.class, text.annotations().get(1)).type());
    assertEquals("audio_transcript", assertInstanceOf(OutputContent.Unknown.class, message.content().get(1)).type());
    assertEquals("server_error", r.error().code());
    assertEquals(true, r.error().extra().get("retryable"));
    assertEquals("max_output_tokens", r.incompleteDetails().reason());
    assertEquals("Be kind.", ((InputMessage) r.instructions().items().get(0)).text());
    assertEquals("shell", assertInstanceOf(ResponsesToolChoice.Other.class, r.toolChoice()).type());
    assertEquals("ultra", r.reasoning().effort(), "an unknown effort is just a String here");
    assertEquals(0.5, r.usage().cost());
    assertEquals(true, r.usage().isByok());
    assertEquals(5, r.usage().inputTokensDetails().cacheWriteTokens());
    assertEquals(0.4, r.usage().costDetails().upstreamInferenceCost());
    assertEquals(1, r.usage().serverToolUseDetails().get("web_search_requests"));
    assertEquals("direct", r.openrouterMetadata().get("strategy").asText());
    assertEquals(List.of(1, 2), r.extra().get("brand_new_key"));
    assertEquals("see [1]", r.text());
    Fixtures.assertSameJson(Fixtures.tree(json), Json.mapper().valueToTree(r));
  }

  @Test
  void reasoningConfigEchoesARequestsReasoning() {
    Response.ReasoningConfig echo =
        Response.ReasoningConfig.from(Reasoning.of(ReasoningEffort.XHIGH, ReasoningSummary.CONCISE));
    assertEquals("xhigh", echo.effort());
    assertEquals("concise", echo.summary());
    assertNull(Response.ReasoningConfig.from(null));
  }
}
