package dev.openrouter4j.api.chat;

import static dev.openrouter4j.api.chat.Fixtures.parse;
import static dev.openrouter4j.api.chat.Fixtures.toTree;
import static dev.openrouter4j.api.chat.Fixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.api.CacheControl;
import dev.openrouter4j.api.DebugOptions;
import dev.openrouter4j.api.Enums.Modality;
import dev.openrouter4j.api.Enums.ReasoningEffort;
import dev.openrouter4j.api.Enums.ServiceTier;
import dev.openrouter4j.api.Plugin;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.Reasoning;
import dev.openrouter4j.api.StopCondition;
import dev.openrouter4j.api.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatRequestJsonTest {

  private static final Map<String, Object> WEATHER_SCHEMA =
      Map.of(
          "type", "object",
          "properties", Map.of("city", Map.of("type", "string")),
          "required", List.of("city"));

  /** Every union in its "rich" shape: parts content, object tool_choice, json_schema, string stop. */
  static ChatRequest representative() {
    return ChatRequest.builder()
        .model("openai/gpt-4o")
        .models("openai/gpt-4o", "anthropic/claude-sonnet-4.5")
        .messages(
            ChatMessage.system("You are terse."),
            ChatMessage.user(
                ContentPart.text("What is in this image?"),
                ContentPart.imageUrl("https://example.com/cat.png", "high")))
        .addMessage(
            ChatMessage.assistantToolCalls(
                List.of(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"))))
        .addMessage(ChatMessage.tool("call_1", "{\"temp\":21}"))
        .stream(true)
        .streamOptions(StreamOptions.withUsage())
        .temperature(0.2)
        .topP(0.9)
        .topK(40)
        .maxCompletionTokens(256)
        .seed(42)
        .stop("END")
        .putLogitBias("50256", -100.0)
        .responseFormat(ResponseFormat.jsonSchema("weather", WEATHER_SCHEMA, true))
        .tools(
            ChatTool.function("get_weather", "Current weather for a city", WEATHER_SCHEMA),
            ChatTool.server("openrouter:web_search", Map.of("max_results", 3)))
        .toolChoice(ToolChoice.function("get_weather"))
        .parallelToolCalls(false)
        .reasoning(Reasoning.effort(ReasoningEffort.HIGH))
        .modalities(Modality.TEXT)
        .plugins(Plugin.responseHealing())
        .provider(ProviderPreferences.builder().order("OpenAI").allowFallbacks(false).build())
        .putMetadata("tenant", "acme")
        .user("user-1")
        .sessionId("sess-1")
        .trace(Trace.of("trace-1", "checkout"))
        .prediction(Prediction.content("It is sunny"))
        .promptCacheKey("k1")
        .cacheControl(CacheControl.ephemeral("5m"))
        .serviceTier(ServiceTier.FLEX)
        .stopServerToolsWhen(new StopCondition.StepCountIs(3))
        .debug(new DebugOptions(true))
        .putExtraBody("transforms", List.of("middle-out"))
        .build();
  }

  static final String REPRESENTATIVE_JSON =
      """
      {
        "model": "openai/gpt-4o",
        "models": ["openai/gpt-4o", "anthropic/claude-sonnet-4.5"],
        "messages": [
          {"role": "system", "content": "You are terse."},
          {"role": "user", "content": [
            {"type": "text", "text": "What is in this image?"},
            {"type": "image_url", "image_url": {"url": "https://example.com/cat.png", "detail": "high"}}
          ]},
          {"role": "assistant", "tool_calls": [
            {"id": "call_1", "type": "function",
             "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}
          ]},
          {"role": "tool", "content": "{\\"temp\\":21}", "tool_call_id": "call_1"}
        ],
        "stream": true,
        "stream_options": {"include_usage": true},
        "temperature": 0.2,
        "top_p": 0.9,
        "top_k": 40,
        "max_completion_tokens": 256,
        "seed": 42,
        "stop": "END",
        "logit_bias": {"50256": -100.0},
        "response_format": {
          "type": "json_schema",
          "json_schema": {
            "name": "weather",
            "schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
            "strict": true
          }
        },
        "tools": [
          {"type": "function", "function": {
            "name": "get_weather",
            "description": "Current weather for a city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
          }},
          {"type": "openrouter:web_search", "parameters": {"max_results": 3}}
        ],
        "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
        "parallel_tool_calls": false,
        "reasoning": {"effort": "high"},
        "modalities": ["text"],
        "plugins": [{"id": "response-healing", "enabled": true}],
        "provider": {"order": ["OpenAI"], "allow_fallbacks": false},
        "metadata": {"tenant": "acme"},
        "user": "user-1",
        "session_id": "sess-1",
        "trace": {"trace_id": "trace-1", "trace_name": "checkout"},
        "prediction": {"type": "content", "content": "It is sunny"},
        "prompt_cache_key": "k1",
        "cache_control": {"type": "ephemeral", "ttl": "5m"},
        "service_tier": "flex",
        "stop_server_tools_when": [{"type": "step_count_is", "step_count": 3}],
        "debug": {"echo_upstream_body": true},
        "transforms": ["middle-out"]
      }
      """;

  @Test
  void representativeRequestEncodesToTheExactJson() {
    assertEquals(tree(REPRESENTATIVE_JSON), toTree(representative()));
  }

  @Test
  void representativeRequestDecodesAndReencodesUnchanged() {
    ChatRequest decoded = parse(REPRESENTATIVE_JSON, ChatRequest.class);
    assertEquals(tree(REPRESENTATIVE_JSON), toTree(decoded));

    assertEquals("openai/gpt-4o", decoded.model());
    assertEquals(4, decoded.messages().size());
    ChatMessage.UserMessage user = assertInstanceOf(ChatMessage.UserMessage.class, decoded.messages().get(1));
    ContentPart.ImagePart image = assertInstanceOf(ContentPart.ImagePart.class, user.content().parts().get(1));
    assertEquals("high", image.imageUrl().detail());
    ChatMessage.AssistantMessage assistant =
        assertInstanceOf(ChatMessage.AssistantMessage.class, decoded.messages().get(2));
    assertEquals("{\"city\":\"Paris\"}", assistant.toolCalls().get(0).function().arguments());
    assertEquals(Stop.of("END"), decoded.stop());
    assertEquals(ToolChoice.function("get_weather"), decoded.toolChoice());
    assertInstanceOf(ChatTool.FunctionTool.class, decoded.tools().get(0));
    ChatTool.ServerTool web = assertInstanceOf(ChatTool.ServerTool.class, decoded.tools().get(1));
    assertEquals("openrouter:web_search", web.type());
    assertEquals(3, web.parameters().get("max_results"));
    ResponseFormat.JsonSchema format = assertInstanceOf(ResponseFormat.JsonSchema.class, decoded.responseFormat());
    assertEquals("weather", format.jsonSchema().name());
    assertEquals(true, format.jsonSchema().strict());
    assertEquals(ServiceTier.FLEX, decoded.serviceTier());
    assertEquals(List.of(new StopCondition.StepCountIs(3)), decoded.stopServerToolsWhen());
    assertEquals(Map.of("transforms", List.of("middle-out")), decoded.extraBody());
  }

  @Test
  void simpleShapesOfTheUnions() {
    ChatRequest request =
        ChatRequest.builder()
            .messages(ChatMessage.user("Hi"))
            .stop("a", "b")
            .toolChoice(ToolChoice.auto())
            .responseFormat(ResponseFormat.jsonObject())
            .build();
    assertEquals(
        tree(
            """
            {"messages": [{"role": "user", "content": "Hi"}],
             "stop": ["a", "b"],
             "tool_choice": "auto",
             "response_format": {"type": "json_object"}}
            """),
        toTree(request));
  }

  @Test
  void stopKeepsTheShapeItWasBuiltOrReadWith() {
    assertEquals(tree("\"END\""), toTree(Stop.of("END")));
    assertEquals(tree("[\"END\"]"), toTree(Stop.list("END")));
    assertEquals(tree("[\"END\"]"), toTree(ChatRequest.builder().stop(List.of("END")).build().stop()));

    Stop single = parse("\"x\"", Stop.class);
    Stop array = parse("[\"x\"]", Stop.class);
    assertNotEquals(single, array);
    assertEquals(List.of("x"), single.asList());
    assertEquals(List.of("x"), array.asList());
    assertEquals(tree("\"x\""), toTree(single));
    assertEquals(tree("[\"x\"]"), toTree(array));
    assertThrows(Exception.class, () -> Fixtures.parse("{\"stop\": 5, \"messages\": []}", ChatRequest.class));
  }

  @Test
  void minimalRequestWritesOnlyMessages() {
    ChatRequest request = ChatRequest.builder().addMessage(ChatMessage.user("Hello")).build();
    assertEquals(tree("{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"), toTree(request));
  }

  @Test
  void extraBodyIsMergedAtTopLevelAndCollectsUnknownPropertiesOnRead() {
    ChatRequest request =
        ChatRequest.builder()
            .messages(ChatMessage.user("Hi"))
            .putExtraBody("verbosity", "low")
            .putExtraBody("explicit_null", null)
            .build();
    assertEquals(
        tree("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"verbosity\":\"low\",\"explicit_null\":null}"),
        toTree(request));

    ChatRequest read =
        parse("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"x_future\":{\"a\":1}}", ChatRequest.class);
    assertEquals(Map.of("x_future", Map.of("a", 1)), read.extraBody());
    assertNull(read.model());
  }

  @Test
  void toBuilderCopiesEverythingAndBuiltCollectionsAreUnmodifiable() {
    ChatRequest original = representative();
    assertEquals(original, original.toBuilder().build());

    ChatRequest changed = original.toBuilder().addMessage(ChatMessage.user("more")).temperature(null).build();
    assertEquals(4, original.messages().size());
    assertEquals(5, changed.messages().size());
    assertNull(changed.temperature());
    assertEquals(0.2, original.temperature());

    assertThrows(UnsupportedOperationException.class, () -> original.messages().add(ChatMessage.user("x")));
    assertThrows(UnsupportedOperationException.class, () -> original.extraBody().put("k", "v"));
    assertThrows(UnsupportedOperationException.class, () -> original.metadata().put("k", "v"));
  }

  @Test
  void reasoningEffortShorthandAndDeprecatedRoute() {
    @SuppressWarnings("deprecation")
    ChatRequest request =
        ChatRequest.builder()
            .messages(ChatMessage.developer("Be brief."))
            .reasoningEffort(ReasoningEffort.MINIMAL)
            .maxTokens(16)
            .route("fallback")
            .build();
    assertEquals(
        tree(
            """
            {"messages": [{"role": "developer", "content": "Be brief."}],
             "reasoning_effort": "minimal", "max_tokens": 16, "route": "fallback"}
            """),
        toTree(request));
    assertTrue(parse(Fixtures.toTree(request).toString(), ChatRequest.class).equals(request));
  }
}
