package dev.openrouter4j.api.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.CacheControl;
import dev.openrouter4j.api.DebugOptions;
import dev.openrouter4j.api.Enums.DataCollection;
import dev.openrouter4j.api.Enums.Modality;
import dev.openrouter4j.api.Enums.Quantization;
import dev.openrouter4j.api.Enums.ReasoningEffort;
import dev.openrouter4j.api.Enums.ReasoningSummary;
import dev.openrouter4j.api.Enums.ServiceTier;
import dev.openrouter4j.api.Enums.SortBy;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.Plugin;
import dev.openrouter4j.api.PromptCacheOptions;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.Reasoning;
import dev.openrouter4j.api.StopCondition;
import dev.openrouter4j.api.Trace;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponsesRequestTest {

  private static JsonNode json(Object value) {
    return Json.mapper().valueToTree(value);
  }

  private static Map<String, Object> weatherSchema() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", Map.of("city", Map.of("type", "string")));
    schema.put("required", List.of("city"));
    return schema;
  }

  @Test
  void fullRequestEncodesEveryFieldInItsWireShape() {
    ResponsesRequest request =
        ResponsesRequest.builder()
            .model("openai/gpt-5")
            .models("anthropic/claude-sonnet-4.5", "google/gemini-2.5-pro")
            .instructions("Be terse.")
            .input(
                InputItem.developer("Use metric units."),
                InputItem.user(
                    InputContent.text("What is in this image?"),
                    InputContent.imageUrl("https://example.com/a.png", "high")),
                InputItem.assistant("A cat."),
                new InputItem.FunctionCall("call_1", "get_weather", "{\"city\":\"Paris\"}", "fc_1", "completed", null),
                InputItem.functionCallOutput("call_1", "{\"temp_c\":21}"),
                InputItem.reference("msg_0"))
            .stream(true)
            .store(false)
            .background(false)
            .maxOutputTokens(1024)
            .maxToolCalls(5)
            .temperature(0.7)
            .topP(0.9)
            .topK(40)
            .topLogprobs(2)
            .frequencyPenalty(0.1)
            .presencePenalty(0.2)
            .parallelToolCalls(false)
            .tools(
                ResponsesTool.function("get_weather", "Weather for a city", weatherSchema()),
                ResponsesTool.webSearch(),
                ResponsesTool.openrouter("datetime", Map.of("timezone", "UTC")))
            .toolChoice(ResponsesToolChoice.function("get_weather"))
            .text(TextConfig.of(TextFormat.strictJsonSchema("weather", weatherSchema()), "low"))
            .reasoning(Reasoning.of(ReasoningEffort.HIGH, ReasoningSummary.AUTO))
            .include("reasoning.encrypted_content")
            .putMetadata("user_id", "123")
            .user("user-1")
            .safetyIdentifier("hash-1")
            .sessionId("session-1")
            .truncation(ResponsesRequest.Truncation.AUTO)
            .serviceTier(ServiceTier.FLEX)
            .prompt(Prompt.of("prompt-abc123", Map.of("name", "John")))
            .modalities(Modality.TEXT, Modality.IMAGE)
            .imageConfig(Map.of("aspect_ratio", "16:9"))
            .plugins(Plugin.web(), Plugin.responseHealing())
            .provider(ProviderPreferences.builder().order("openai", "azure").allowFallbacks(false).sort(SortBy.PRICE).build())
            .trace(Trace.of("trace-1", "checkout"))
            .debug(new DebugOptions(true))
            .cacheControl(CacheControl.ephemeral("1h"))
            .promptCacheKey("key-1")
            .promptCacheOptions(PromptCacheOptions.explicit("24h"))
            .stopServerToolsWhen(new StopCondition.StepCountIs(3))
            .putExtraBody("transforms", List.of("middle-out"))
            .build();

    String expected =
        """
        {
          "model": "openai/gpt-5",
          "models": ["anthropic/claude-sonnet-4.5", "google/gemini-2.5-pro"],
          "instructions": "Be terse.",
          "input": [
            {"type": "message", "role": "developer", "content": "Use metric units."},
            {"type": "message", "role": "user", "content": [
              {"type": "input_text", "text": "What is in this image?"},
              {"type": "input_image", "detail": "high", "image_url": "https://example.com/a.png"}
            ]},
            {"type": "message", "role": "assistant", "content": "A cat."},
            {"type": "function_call", "call_id": "call_1", "name": "get_weather",
             "arguments": "{\\"city\\":\\"Paris\\"}", "id": "fc_1", "status": "completed"},
            {"type": "function_call_output", "call_id": "call_1", "output": "{\\"temp_c\\":21}"},
            {"type": "item_reference", "id": "msg_0"}
          ],
          "stream": true,
          "store": false,
          "background": false,
          "max_output_tokens": 1024,
          "max_tool_calls": 5,
          "temperature": 0.7,
          "top_p": 0.9,
          "top_k": 40,
          "top_logprobs": 2,
          "frequency_penalty": 0.1,
          "presence_penalty": 0.2,
          "parallel_tool_calls": false,
          "tools": [
            {"type": "function", "name": "get_weather", "description": "Weather for a city",
             "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}},
            {"type": "web_search"},
            {"type": "openrouter:datetime", "parameters": {"timezone": "UTC"}}
          ],
          "tool_choice": {"type": "function", "name": "get_weather"},
          "text": {
            "format": {"type": "json_schema", "name": "weather", "strict": true,
                       "schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}},
            "verbosity": "low"
          },
          "reasoning": {"effort": "high", "summary": "auto"},
          "include": ["reasoning.encrypted_content"],
          "metadata": {"user_id": "123"},
          "user": "user-1",
          "safety_identifier": "hash-1",
          "session_id": "session-1",
          "truncation": "auto",
          "service_tier": "flex",
          "prompt": {"id": "prompt-abc123", "variables": {"name": "John"}},
          "modalities": ["text", "image"],
          "image_config": {"aspect_ratio": "16:9"},
          "plugins": [{"id": "web", "enabled": true}, {"id": "response-healing", "enabled": true}],
          "provider": {"order": ["openai", "azure"], "allow_fallbacks": false, "sort": "price"},
          "trace": {"trace_id": "trace-1", "trace_name": "checkout"},
          "debug": {"echo_upstream_body": true},
          "cache_control": {"type": "ephemeral", "ttl": "1h"},
          "prompt_cache_key": "key-1",
          "prompt_cache_options": {"mode": "explicit", "ttl": "24h"},
          "stop_server_tools_when": [{"type": "step_count_is", "step_count": 3}],
          "transforms": ["middle-out"]
        }
        """;
    assertEquals(Fixtures.tree(expected), json(request));
  }

  @Test
  void inputIsWrittenInTheShapeItWasBuiltWith() {
    ResponsesRequest text = ResponsesRequest.builder().model("m").input("Hello").build();
    assertEquals(Fixtures.tree("{\"model\":\"m\",\"input\":\"Hello\"}"), json(text));

    ResponsesRequest items = ResponsesRequest.builder().model("m").input(InputItem.user("Hello")).build();
    assertEquals(
        Fixtures.tree("{\"model\":\"m\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":\"Hello\"}]}"),
        json(items));

    // Appending to a string input turns the string into the user message it stands for.
    ResponsesRequest appended = text.toBuilder().addInputItem(InputItem.functionCallOutput("c1", "42")).build();
    assertEquals(
        Fixtures.tree(
            """
            {"model":"m","input":[
              {"type":"message","role":"user","content":"Hello"},
              {"type":"function_call_output","call_id":"c1","output":"42"}]}
            """),
        json(appended));
  }

  @Test
  void functionToolIsFlatAndAlwaysHasParameters() {
    assertEquals(
        Fixtures.tree(
            """
            {"type":"function","name":"now","description":"Current time","parameters":null}
            """),
        json(ResponsesTool.function("now", "Current time", (Map<String, Object>) null)));
    JsonNode strict = json(ResponsesTool.strictFunction("f", null, Map.of("type", "object")));
    assertEquals(Fixtures.tree("{\"type\":\"function\",\"name\":\"f\",\"parameters\":{\"type\":\"object\"},\"strict\":true}"), strict);
    assertTrue(strict.path("function").isMissingNode(), "no chat-style function wrapper");
  }

  @Test
  void toolChoiceFormsEncodeAndDecode() throws Exception {
    Map<ResponsesToolChoice, String> forms = new LinkedHashMap<>();
    forms.put(ResponsesToolChoice.auto(), "\"auto\"");
    forms.put(ResponsesToolChoice.none(), "\"none\"");
    forms.put(ResponsesToolChoice.required(), "\"required\"");
    forms.put(ResponsesToolChoice.function("get_weather"), "{\"type\":\"function\",\"name\":\"get_weather\"}");
    forms.put(
        ResponsesToolChoice.allowedTools("required", List.of(Map.of("type", "function", "name", "get_weather"))),
        "{\"type\":\"allowed_tools\",\"mode\":\"required\",\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\"}]}");
    forms.put(ResponsesToolChoice.of("web_search_preview"), "{\"type\":\"web_search_preview\"}");
    for (Map.Entry<ResponsesToolChoice, String> form : forms.entrySet()) {
      assertEquals(Fixtures.tree(form.getValue()), json(form.getKey()), form.getValue());
      ResponsesToolChoice decoded = Json.mapper().readValue(form.getValue(), ResponsesToolChoice.class);
      assertEquals(form.getKey().getClass(), decoded.getClass(), form.getValue());
      assertEquals(Fixtures.tree(form.getValue()), json(decoded), form.getValue());
    }
    ResponsesToolChoice.Function f =
        (ResponsesToolChoice.Function) Json.mapper().readValue("{\"type\":\"function\",\"name\":\"x\"}", ResponsesToolChoice.class);
    assertEquals("x", f.name());
    ResponsesToolChoice.AllowedTools allowed =
        (ResponsesToolChoice.AllowedTools)
            Json.mapper().readValue("{\"type\":\"allowed_tools\",\"mode\":\"auto\",\"tools\":[{\"type\":\"web_search\"}]}", ResponsesToolChoice.class);
    assertEquals("auto", allowed.mode());
    assertEquals("web_search", allowed.tools().get(0).get("type"));
  }

  @Test
  void textFormatsAreFlat() throws Exception {
    assertEquals(Fixtures.tree("{\"format\":{\"type\":\"text\"}}"), json(TextConfig.of(TextFormat.text())));
    assertEquals(Fixtures.tree("{\"format\":{\"type\":\"json_object\"}}"), json(TextConfig.of(TextFormat.jsonObject())));
    TextFormat.JsonSchema schema =
        new TextFormat.JsonSchema("answer", Map.of("type", "object"), "The answer", false, null);
    assertEquals(
        Fixtures.tree(
            "{\"type\":\"json_schema\",\"name\":\"answer\",\"schema\":{\"type\":\"object\"},\"description\":\"The answer\",\"strict\":false}"),
        json(schema));
    TextFormat decoded =
        Json.mapper().readValue("{\"type\":\"json_schema\",\"name\":\"n\",\"schema\":{\"type\":\"object\"},\"strict\":true}", TextFormat.class);
    TextFormat.JsonSchema s = assertInstanceOf(TextFormat.JsonSchema.class, decoded);
    assertEquals("n", s.name());
    assertEquals(true, s.strict());
    assertEquals("object", s.schema().get("type"));
    TextFormat grammar = Json.mapper().readValue("{\"type\":\"grammar\",\"syntax\":\"lark\"}", TextFormat.class);
    assertEquals("grammar", assertInstanceOf(TextFormat.Unknown.class, grammar).type());
    assertEquals(Fixtures.tree("{\"type\":\"grammar\",\"syntax\":\"lark\"}"), json(grammar));
  }

  @Test
  void decodeThenEncodeKeepsEveryField() throws Exception {
    String body =
        """
        {
          "model": "openai/gpt-5",
          "input": [
            {"role": "user", "content": "typeless easy message"},
            {"type": "message", "role": "user", "id": "msg_1", "content": [
              {"type": "input_text", "text": "look", "prompt_cache_breakpoint": {"mode": "explicit"}},
              {"type": "input_file", "filename": "a.pdf", "file_data": "data:application/pdf;base64,AAAA"},
              {"type": "input_audio", "input_audio": {"data": "UklGR", "format": "wav"}},
              {"type": "input_video", "video_url": "https://example.com/v.mp4"},
              {"type": "input_hologram", "depth": 3}
            ]},
            {"type": "message", "role": "assistant", "id": "msg_2", "status": "completed", "phase": "final_answer",
             "content": [{"type": "output_text", "text": "hi", "annotations": []}, {"type": "refusal", "refusal": "no"}]},
            {"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": "thought"}],
             "encrypted_content": "gAAA", "format": "openai-responses-v1"},
            {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}", "namespace": "ns"},
            {"type": "function_call_output", "call_id": "c1", "output": [{"type": "input_text", "text": "ok"}]},
            {"type": "custom_tool_call_output", "call_id": "c2", "output": "patched"},
            {"type": "openrouter:datetime", "status": "completed", "datetime": "2026-03-12T14:30:00.000Z", "timezone": "UTC"}
          ],
          "tools": [
            {"type": "function", "name": "f", "parameters": {"type": "object"}, "defer_loading": true},
            {"type": "web_search_preview", "search_context_size": "high", "user_location": {"type": "approximate", "city": "Paris"}},
            {"type": "file_search", "vector_store_ids": ["vs_1"], "max_num_results": 4},
            {"type": "mcp", "server_label": "docs", "server_url": "https://mcp.example.com", "require_approval": "never", "allowed_tools": ["search"]},
            {"type": "image_generation", "quality": "high", "partial_images": 2},
            {"type": "code_interpreter", "container": {"type": "auto", "file_ids": ["f1"]}},
            {"type": "custom", "name": "apply_patch", "format": {"type": "grammar", "syntax": "lark", "definition": "start: x"}},
            {"type": "openrouter:web_search", "parameters": {"max_results": 5}},
            {"type": "computer_use_preview", "display_width": 1024, "display_height": 768, "environment": "browser"}
          ],
          "tool_choice": {"type": "allowed_tools", "mode": "auto", "tools": [{"type": "function", "name": "f"}]},
          "text": {"format": {"type": "json_object"}, "verbosity": "high"},
          "reasoning": {"effort": "xhigh", "max_tokens": 2000, "enabled": true, "mode": "pro", "context": "all_turns"},
          "plugins": [{"id": "file-parser", "pdf": {"engine": "mistral-ocr"}}, {"id": "switchyard-router", "algorithm": "x"}],
          "provider": {"only": ["openai"], "data_collection": "deny", "quantizations": ["fp8"]},
          "service_tier": "priority",
          "truncation": "disabled",
          "some_future_flag": true
        }
        """;
    ResponsesRequest request = Json.mapper().readValue(body, ResponsesRequest.class);

    List<InputItem> items = request.input().items();
    assertEquals("typeless easy message", assertInstanceOf(InputMessage.class, items.get(0)).text());
    InputMessage withParts = assertInstanceOf(InputMessage.class, items.get(1));
    List<InputContent> parts = withParts.content().parts();
    assertInstanceOf(InputContent.InputText.class, parts.get(0));
    assertEquals(Map.of("mode", "explicit"), ((InputContent.InputText) parts.get(0)).extra().get("prompt_cache_breakpoint"));
    assertEquals("a.pdf", assertInstanceOf(InputContent.InputFile.class, parts.get(1)).filename());
    assertEquals("wav", assertInstanceOf(InputContent.InputAudio.class, parts.get(2)).inputAudio().format());
    assertEquals("https://example.com/v.mp4", assertInstanceOf(InputContent.InputVideo.class, parts.get(3)).videoUrl());
    assertEquals("input_hologram", assertInstanceOf(InputContent.Unknown.class, parts.get(4)).type());
    InputMessage echo = assertInstanceOf(InputMessage.class, items.get(2));
    assertEquals("final_answer", echo.phase());
    assertInstanceOf(InputContent.Refusal.class, echo.content().parts().get(1));
    assertEquals("gAAA", assertInstanceOf(InputItem.Reasoning.class, items.get(3)).encryptedContent());
    assertEquals("ns", assertInstanceOf(InputItem.FunctionCall.class, items.get(4)).extra().get("namespace"));
    assertEquals("ok", assertInstanceOf(InputItem.FunctionCallOutput.class, items.get(5)).output().asText());
    assertEquals("custom_tool_call_output", assertInstanceOf(InputItem.Unknown.class, items.get(6)).type());
    assertEquals("UTC", assertInstanceOf(InputItem.Unknown.class, items.get(7)).fields().get("timezone"));

    List<ResponsesTool> tools = request.tools();
    assertEquals(true, assertInstanceOf(ResponsesTool.Function.class, tools.get(0)).deferLoading());
    ResponsesTool.WebSearch webSearch = assertInstanceOf(ResponsesTool.WebSearch.class, tools.get(1));
    assertEquals("web_search_preview", webSearch.type());
    assertEquals("Paris", webSearch.userLocation().city());
    assertEquals(List.of("vs_1"), assertInstanceOf(ResponsesTool.FileSearch.class, tools.get(2)).vectorStoreIds());
    assertEquals("never", assertInstanceOf(ResponsesTool.Mcp.class, tools.get(3)).requireApproval());
    assertEquals(2, assertInstanceOf(ResponsesTool.ImageGeneration.class, tools.get(4)).partialImages());
    assertInstanceOf(Map.class, assertInstanceOf(ResponsesTool.CodeInterpreter.class, tools.get(5)).container());
    assertEquals("lark", assertInstanceOf(ResponsesTool.Custom.class, tools.get(6)).format().get("syntax"));
    ResponsesTool.Generic serverTool = assertInstanceOf(ResponsesTool.Generic.class, tools.get(7));
    assertEquals("openrouter:web_search", serverTool.type());
    assertEquals(Map.of("max_results", 5), serverTool.fields().get("parameters"));
    assertEquals("computer_use_preview", assertInstanceOf(ResponsesTool.Generic.class, tools.get(8)).type());

    assertEquals(ReasoningEffort.XHIGH, request.reasoning().effort());
    assertEquals(ServiceTier.PRIORITY, request.serviceTier());
    assertEquals(ResponsesRequest.Truncation.DISABLED, request.truncation());
    assertInstanceOf(Plugin.FileParser.class, request.plugins().get(0));
    assertInstanceOf(Plugin.Unknown.class, request.plugins().get(1));
    assertEquals(Map.of("some_future_flag", true), request.extraBody());

    // Re-encoded, the only change is the "type" the typeless message gains.
    JsonNode expected = Fixtures.tree(body);
    ((com.fasterxml.jackson.databind.node.ObjectNode) expected.get("input").get(0)).put("type", "message");
    assertEquals(expected, json(request));
  }

  /** The TypeScript example of reference/002 (beta.responses.send), as a Java builder call. */
  @Test
  void typescriptReferenceExample() {
    Map<String, Object> parameters = Map.of("type", "object", "properties", Map.of("location", Map.of("type", "string")));
    ResponsesRequest request =
        ResponsesRequest.builder()
            .input(InputItem.user("Hello, how are you?"))
            .instructions("<value>")
            .putMetadata("user_id", "123")
            .putMetadata("session_id", "abc-def-ghi")
            .tools(
                new ResponsesTool.Function(
                    "get_current_weather", "Get the current weather in a given location", parameters, true, null, null))
            .toolChoice(ResponsesToolChoice.auto())
            .parallelToolCalls(false)
            .model("anthropic/claude-4.5-sonnet-20250929")
            .models("<value 1>")
            .text(TextConfig.of(TextFormat.text(), "medium"))
            // The example's numbers are generated noise; the integer fields take their integer part.
            .reasoning(new Reasoning(ReasoningEffort.MEDIUM, ReasoningSummary.AUTO, 6415, true, null, null))
            .maxOutputTokens(5270)
            .temperature(0.7)
            .topP(0.9)
            .topK(5913)
            .promptCacheKey("<value>")
            .previousResponseId("<id>")
            .prompt(Prompt.of("prompt-abc123", Map.of("name", InputContent.text("John"))))
            .include("message.input_image.image_url")
            .background(false)
            .safetyIdentifier("<value>")
            .store(false)
            .serviceTier(ServiceTier.AUTO)
            .truncation(ResponsesRequest.Truncation.AUTO)
            .stream(false)
            .provider(
                ProviderPreferences.builder()
                    .allowFallbacks(false)
                    .requireParameters(true)
                    .dataCollection(DataCollection.DENY)
                    .zdr(true)
                    .order("Moonshot AI")
                    .only("<value>")
                    .ignore("<value>")
                    .quantizations(Quantization.BF16)
                    .sort(SortBy.PRICE)
                    // max_price values are decimal strings on the wire; the example's placeholders are not numbers.
                    .maxPrice(
                        new ProviderPreferences.MaxPrice(
                            new BigDecimal("1"), new BigDecimal("4351.98"), new BigDecimal("2"), new BigDecimal("3"),
                            new BigDecimal("4")))
                    .build())
            // The example's file-parser "maxFiles" and provider "experimental" are not in the schema.
            .plugins(new Plugin.FileParser(null, new Plugin.FileParser.Pdf("pdf-text")))
            .user("Parker.OKeefe")
            .build();

    String expected =
        """
        {
          "input": [{"type": "message", "role": "user", "content": "Hello, how are you?"}],
          "instructions": "<value>",
          "metadata": {"user_id": "123", "session_id": "abc-def-ghi"},
          "tools": [{
            "type": "function",
            "name": "get_current_weather",
            "description": "Get the current weather in a given location",
            "strict": true,
            "parameters": {"type": "object", "properties": {"location": {"type": "string"}}}
          }],
          "tool_choice": "auto",
          "parallel_tool_calls": false,
          "model": "anthropic/claude-4.5-sonnet-20250929",
          "models": ["<value 1>"],
          "text": {"format": {"type": "text"}, "verbosity": "medium"},
          "reasoning": {"effort": "medium", "summary": "auto", "max_tokens": 6415, "enabled": true},
          "max_output_tokens": 5270,
          "temperature": 0.7,
          "top_p": 0.9,
          "top_k": 5913,
          "prompt_cache_key": "<value>",
          "previous_response_id": "<id>",
          "prompt": {"id": "prompt-abc123", "variables": {"name": {"type": "input_text", "text": "John"}}},
          "include": ["message.input_image.image_url"],
          "background": false,
          "safety_identifier": "<value>",
          "store": false,
          "service_tier": "auto",
          "truncation": "auto",
          "stream": false,
          "provider": {
            "allow_fallbacks": false,
            "require_parameters": true,
            "data_collection": "deny",
            "zdr": true,
            "order": ["Moonshot AI"],
            "only": ["<value>"],
            "ignore": ["<value>"],
            "quantizations": ["bf16"],
            "sort": "price",
            "max_price": {"prompt": "1", "completion": "4351.98", "image": "2", "audio": "3", "request": "4"}
          },
          "plugins": [{"id": "file-parser", "pdf": {"engine": "pdf-text"}}],
          "user": "Parker.OKeefe"
        }
        """;
    assertEquals(Fixtures.tree(expected), json(request));
  }

  @Test
  void toBuilderCopiesEverythingAndExtraBodyMergesAtTopLevel() {
    ResponsesRequest request =
        ResponsesRequest.builder()
            .model("m")
            .input("hi")
            .textFormat(TextFormat.jsonObject())
            .putExtraBody("usage", Map.of("include", true))
            .build();
    assertEquals(request, request.toBuilder().build());
    ResponsesRequest changed = request.toBuilder().text(TextConfig.verbosity("low")).textFormat(TextFormat.text()).build();
    assertEquals(
        Fixtures.tree(
            "{\"model\":\"m\",\"input\":\"hi\",\"text\":{\"format\":{\"type\":\"text\"},\"verbosity\":\"low\"},\"usage\":{\"include\":true}}"),
        json(changed));
    assertNull(ResponsesRequest.builder().build().input());
  }
}
