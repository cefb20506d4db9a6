package dev.openrouter4j.gateway.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.CacheControl;
import dev.openrouter4j.api.Enums.ReasoningEffort;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.Reasoning;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatTool;
import dev.openrouter4j.api.chat.ContentPart;
import dev.openrouter4j.api.chat.MessageContent;
import dev.openrouter4j.api.chat.ReasoningDetail;
import dev.openrouter4j.api.chat.ResponseFormat;
import dev.openrouter4j.api.chat.ToolCall;
import dev.openrouter4j.api.chat.ToolChoice;
import dev.openrouter4j.gateway.config.EndpointConfig;
import dev.openrouter4j.gateway.provider.UpstreamException;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicRequestTranslatorTest {
  static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
  static final String SIGNATURE = "EqQBCkYIBxgCKkBsig";

  /** A conversation with every feature the translation has to carry: the wire tests send this too. */
  static ChatRequest representative() {
    return ChatRequest.builder()
        .messages(
            ChatMessage.system("You are a weather bot."),
            new ChatMessage.DeveloperMessage(
                MessageContent.of(ContentPart.text("Answer in Celsius.").withCacheControl(CacheControl.ephemeral())), null),
            ChatMessage.user(ContentPart.text("What is the weather here?"), ContentPart.imageUrl("data:image/png;base64," + PNG)),
            ChatMessage.AssistantMessage.builder()
                .content("Let me look that up.")
                .reasoningDetails(List.of(new ReasoningDetail.Text(null, "anthropic-claude-v1", 0, "The photo shows Paris.", SIGNATURE)))
                .toolCalls(List.of(ToolCall.function("toolu_01", "get_weather", "{\"location\":\"Paris\"}")))
                .build(),
            ChatMessage.tool("toolu_01", "18°C, sunny"),
            ChatMessage.user("And tomorrow?"))
        .tools(
            ChatTool.function("get_weather", "Current weather for a place",
                    Map.of("type", "object", "properties", Map.of("location", Map.of("type", "string")), "required", List.of("location")))
                .withCacheControl(CacheControl.ephemeral("1h")))
        .toolChoice(ToolChoice.auto())
        .parallelToolCalls(false)
        .stop("END", "STOP")
        .maxTokens(1000)
        .reasoning(Reasoning.effort(ReasoningEffort.LOW))
        .user("user-42")
        .build();
  }

  /** The Messages API body {@link #representative()} must become, streaming. */
  static final String REPRESENTATIVE_JSON = """
      {
        "model": "claude-sonnet-4-5",
        "max_tokens": 3048,
        "thinking": {"type": "enabled", "budget_tokens": 2048},
        "system": [
          {"type": "text", "text": "You are a weather bot."},
          {"type": "text", "text": "Answer in Celsius.", "cache_control": {"type": "ephemeral"}}
        ],
        "messages": [
          {"role": "user", "content": [
            {"type": "text", "text": "What is the weather here?"},
            {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "%s"}}
          ]},
          {"role": "assistant", "content": [
            {"type": "thinking", "thinking": "The photo shows Paris.", "signature": "%s"},
            {"type": "text", "text": "Let me look that up."},
            {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {"location": "Paris"}}
          ]},
          {"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": "toolu_01", "content": "18°C, sunny"},
            {"type": "text", "text": "And tomorrow?"}
          ]}
        ],
        "tools": [{
          "name": "get_weather",
          "description": "Current weather for a place",
          "input_schema": {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]},
          "cache_control": {"type": "ephemeral", "ttl": "1h"}
        }],
        "tool_choice": {"type": "auto", "disable_parallel_tool_use": true},
        "stop_sequences": ["END", "STOP"],
        "metadata": {"user_id": "user-42"},
        "stream": true
      }
      """.formatted(PNG, SIGNATURE);

  private static JsonNode translate(ChatRequest request) {
    return translate(request, null, false);
  }

  private static JsonNode translate(ChatRequest request, EndpointConfig endpoint, boolean stream) {
    return AnthropicRequestTranslator.translate(new UpstreamRequest(request, "claude-sonnet-4-5", endpoint, stream, Map.of()));
  }

  private static ChatRequest.Builder hi() {
    return ChatRequest.builder().messages(ChatMessage.user("hi"));
  }

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  @Test
  void aConversationWithSystemToolsImagesAndThinkingBecomesTheMessagesBody() throws Exception {
    assertEquals(json(REPRESENTATIVE_JSON), translate(representative(), null, true));
  }

  @Test
  void aPlainRequestIsTheModelMaxTokensAndOneStringMessage() throws Exception {
    assertEquals(
        json("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":4096,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
        translate(hi().build()));
  }

  @Test
  void maxTokensComesFromTheRequestThenTheEndpointThenTheDefault() {
    EndpointConfig endpoint = new EndpointConfig("anthropic", null, null, null, null, 8000);
    assertEquals(100, translate(hi().maxCompletionTokens(100).maxTokens(200).build(), endpoint, false).get("max_tokens").asInt());
    assertEquals(200, translate(hi().maxTokens(200).build(), endpoint, false).get("max_tokens").asInt());
    assertEquals(8000, translate(hi().build(), endpoint, false).get("max_tokens").asInt());
    assertEquals(4096, translate(hi().build()).get("max_tokens").asInt());
  }

  @Test
  void aLoneSystemMessageIsAStringAndSamplingOptionsPassThrough() throws Exception {
    JsonNode body = translate(
        ChatRequest.builder().messages(ChatMessage.system("Be brief."), ChatMessage.user("hi"))
            .temperature(0.5).topP(0.9).topK(40).stop("END").cacheControl(CacheControl.ephemeral()).build());
    assertEquals(json("\"Be brief.\""), body.get("system"));
    assertEquals(0.5, body.get("temperature").asDouble());
    assertEquals(0.9, body.get("top_p").asDouble());
    assertEquals(40, body.get("top_k").asInt());
    assertEquals(json("[\"END\"]"), body.get("stop_sequences"));
    assertEquals(json("{\"type\":\"ephemeral\"}"), body.get("cache_control"));
  }

  @Test
  void optionsAnthropicLacksAreLeftOut() {
    JsonNode body = translate(
        hi().seed(7).frequencyPenalty(0.1).presencePenalty(0.2).logprobs(true)
            .responseFormat(ResponseFormat.jsonSchema("x", Map.of("type", "object"))).build());
    for (String field : List.of("seed", "frequency_penalty", "presence_penalty", "logprobs", "response_format", "output_format")) {
      assertFalse(body.has(field), field);
    }
  }

  @Test
  void aJsonSchemaBecomesOneForcedToolWithTheSchemaAsItsInput() throws Exception {
    Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city"));
    JsonNode body = translate(hi().responseFormat(new ResponseFormat.JsonSchema(
        new ResponseFormat.JsonSchemaConfig("weather", "The weather report", schema, true))).build());
    assertEquals(1, body.path("tools").size(), body.toString());
    JsonNode tool = body.path("tools").path(0);
    assertEquals(AnthropicRequestTranslator.STRUCTURED_OUTPUT_TOOL, tool.path("name").asText());
    assertEquals("The weather report", tool.path("description").asText());
    assertEquals(Json.mapper().valueToTree(schema), tool.path("input_schema"));
    assertEquals(json("{\"type\":\"tool\",\"name\":\"" + AnthropicRequestTranslator.STRUCTURED_OUTPUT_TOOL + "\"}"), body.get("tool_choice"));

    JsonNode anyObject = translate(hi().responseFormat(ResponseFormat.jsonObject()).build());
    assertEquals(json("{\"type\":\"object\"}"), anyObject.path("tools").path(0).path("input_schema"));
    assertFalse(translate(hi().responseFormat(ResponseFormat.text()).build()).has("tools"));
  }

  @Test
  void aJsonSchemaCannotShareTheForcedToolWithToolsThinkingOrANonObjectRoot() {
    ResponseFormat format = ResponseFormat.jsonSchema("x", Map.of("type", "object"));
    ChatTool tool = ChatTool.function("f", "f", Map.of("type", "object"));
    for (ChatRequest r : List.of(
        hi().responseFormat(format).tools(tool).build(),
        hi().responseFormat(format).reasoning(Reasoning.effort(ReasoningEffort.LOW)).build(),
        hi().responseFormat(ResponseFormat.jsonSchema("list", Map.of("type", "array"))).build())) {
      UpstreamException e = assertThrows(UpstreamException.class, () -> translate(r));
      assertEquals(400, e.status());
      assertTrue(e.getMessage().contains("response_format"), e.getMessage());
    }
  }

  @Test
  void consecutiveMessagesOfOneRoleAreMergedAndEmptyOnesDropped() throws Exception {
    JsonNode body = translate(ChatRequest.builder().messages(
        ChatMessage.user("a"), ChatMessage.user("b"), ChatMessage.assistant(""), ChatMessage.user("c"),
        ChatMessage.assistant("d"), ChatMessage.assistant("e")).build());
    assertEquals(json("""
        [{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"},{"type":"text","text":"c"}]},
         {"role":"assistant","content":[{"type":"text","text":"d"},{"type":"text","text":"e"}]}]
        """), body.get("messages"));
  }

  @Test
  void severalToolResultsBecomeOneUserTurnAndArgumentsThatAreNotAnObjectBecomeEmptyInput() throws Exception {
    JsonNode body = translate(ChatRequest.builder().messages(
        ChatMessage.user("go"),
        ChatMessage.assistantToolCalls(List.of(
            ToolCall.function("t1", "a", "{not json"), ToolCall.function("t2", "b", ""), ToolCall.function("t3", "c", "[1]"))),
        ChatMessage.tool("t1", "one"),
        ChatMessage.tool("t2", ""),
        new ChatMessage.ToolMessage(MessageContent.of(ContentPart.text("three")), "t3")).build());
    assertEquals(json("""
        [{"role":"user","content":"go"},
         {"role":"assistant","content":[
           {"type":"tool_use","id":"t1","name":"a","input":{}},
           {"type":"tool_use","id":"t2","name":"b","input":{}},
           {"type":"tool_use","id":"t3","name":"c","input":{}}]},
         {"role":"user","content":[
           {"type":"tool_result","tool_use_id":"t1","content":"one"},
           {"type":"tool_result","tool_use_id":"t2"},
           {"type":"tool_result","tool_use_id":"t3","content":"three"}]}]
        """), body.get("messages"));
  }

  @Test
  void onlyAnthropicSignedReasoningGoesBackAsThinkingAndEncryptedAsRedactedThinking() throws Exception {
    ChatMessage.AssistantMessage assistant = ChatMessage.AssistantMessage.builder()
        .content("done")
        .reasoningDetails(List.of(
            new ReasoningDetail.Text(null, "anthropic-claude-v1", 0, "unsigned", null),
            new ReasoningDetail.Text(null, "openai-responses-v1", 1, "other provider", "sig"),
            new ReasoningDetail.Encrypted(null, "anthropic-claude-v1", 2, "REDACTED"),
            new ReasoningDetail.Encrypted(null, "openai-responses-v1", 3, "gAAAA"),
            new ReasoningDetail.Text(null, null, 4, "signed", "sig-4")))
        .build();
    JsonNode body = translate(ChatRequest.builder().messages(ChatMessage.user("q"), assistant).build());
    assertEquals(json("""
        [{"type":"redacted_thinking","data":"REDACTED"},
         {"type":"thinking","thinking":"signed","signature":"sig-4"},
         {"type":"text","text":"done"}]
        """), body.at("/messages/1/content"));
  }

  @Test
  void imagesByUrlAndPdfOrTextFilesBecomeImageAndDocumentBlocks() throws Exception {
    JsonNode body = translate(ChatRequest.builder().messages(ChatMessage.user(
        ContentPart.imageUrl("https://example.com/cat.jpg"),
        ContentPart.file("report.pdf", "data:application/pdf;base64,JVBERi0x"),
        ContentPart.file(null, "https://example.com/paper.pdf"),
        ContentPart.file("notes.txt", "data:text/plain;base64,aGVsbG8="))).build());
    assertEquals(json("""
        [{"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}},
         {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0x"},"title":"report.pdf"},
         {"type":"document","source":{"type":"url","url":"https://example.com/paper.pdf"}},
         {"type":"document","source":{"type":"text","media_type":"text/plain","data":"hello"},"title":"notes.txt"}]
        """), body.at("/messages/0/content"));
  }

  @Test
  void contentAnthropicCannotTakeIsARetryable400() {
    for (ContentPart part : List.of(
        ContentPart.inputAudio("AAAA", "wav"), ContentPart.fileId("file-1"), ContentPart.imageUrl("ftp://x/y.png"))) {
      UpstreamException e = assertThrows(UpstreamException.class, () -> translate(ChatRequest.builder().messages(ChatMessage.user(part)).build()));
      assertEquals(400, e.status());
      assertTrue(e.retryable(), "another endpoint may take it");
    }
    ChatRequest serverTool = hi().tools(ChatTool.server("openrouter:web_search", null)).build();
    assertEquals(400, assertThrows(UpstreamException.class, () -> translate(serverTool)).status());
  }

  @Test
  void toolChoicesMapToAnthropicsAndAToolWithoutParametersGetsAnEmptySchema() throws Exception {
    ChatRequest.Builder withTool = hi().tools(ChatTool.function("now", "The time"));
    assertEquals(json("{\"name\":\"now\",\"description\":\"The time\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}"),
        translate(withTool.build()).at("/tools/0"));
    assertFalse(translate(withTool.build()).has("tool_choice"));
    assertEquals(json("{\"type\":\"any\"}"), translate(withTool.toolChoice(ToolChoice.required()).build()).get("tool_choice"));
    assertEquals(json("{\"type\":\"none\"}"), translate(withTool.toolChoice(ToolChoice.none()).build()).get("tool_choice"));
    assertEquals(json("{\"type\":\"none\"}"),
        translate(withTool.toolChoice(ToolChoice.none()).parallelToolCalls(false).build()).get("tool_choice"));
    assertEquals(json("{\"type\":\"tool\",\"name\":\"now\",\"disable_parallel_tool_use\":true}"),
        translate(withTool.toolChoice(ToolChoice.function("now")).build()).get("tool_choice"));
    assertEquals(json("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"),
        translate(withTool.toolChoice(null).build()).get("tool_choice"));
    assertFalse(translate(hi().toolChoice(ToolChoice.required()).build()).has("tool_choice"), "no tools, no choice");
  }

  @Test
  void reasoningBecomesAThinkingBudgetBelowMaxTokens() {
    JsonNode explicit = translate(hi().maxTokens(10000).reasoning(Reasoning.maxTokens(3000)).build());
    assertEquals(3000, explicit.at("/thinking/budget_tokens").asInt());
    assertEquals(10000, explicit.get("max_tokens").asInt());

    JsonNode raised = translate(hi().reasoningEffort(ReasoningEffort.HIGH).build());
    assertEquals(16384, raised.at("/thinking/budget_tokens").asInt());
    assertEquals(16384 + 4096, raised.get("max_tokens").asInt(), "the requested 4096 stay for the answer");

    assertEquals(1024, translate(hi().reasoning(Reasoning.maxTokens(10)).build()).at("/thinking/budget_tokens").asInt());
    assertEquals(8192, translate(hi().reasoning(new Reasoning(null, null, null, true, null, null)).build()).at("/thinking/budget_tokens").asInt());
    assertFalse(translate(hi().reasoning(Reasoning.effort(ReasoningEffort.NONE)).build()).has("thinking"));
    assertFalse(translate(hi().reasoning(new Reasoning(ReasoningEffort.HIGH, null, null, false, null, null)).build()).has("thinking"));
    assertEquals(4096, translate(hi().reasoning(Reasoning.effort(ReasoningEffort.NONE)).build()).get("max_tokens").asInt());
  }
}
