package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.gateway.responses.ResponsesSchemas;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The OpenRouter schema checks accept what OpenRouter documents and reject what breaks it. */
class OpenRouterSchemasTest {
  static final JsonNode SPEC = read();

  static JsonNode read() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(OpenRouterSchemas.spec().toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static JsonNode example(String path, String contentType) {
    return SPEC.at("/paths/" + path + "/post/responses/200/content/" + contentType + "/example");
  }

  static ObjectNode json(String s) throws Exception {
    return (ObjectNode) Json.mapper().readTree(s);
  }

  static final String CHUNK =
      "{\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":null}]}";

  @Test
  void theDocumentsOwnExamplesAreValid() {
    OpenRouterSchemas.assertValidChatResult(example("~1chat~1completions", "application~1json"));
    OpenRouterSchemas.assertValidChatChunk(example("~1chat~1completions", "text~1event-stream").path("data"));
    OpenRouterSchemas.assertValidResponsesResult(example("~1responses", "application~1json"));
    OpenRouterSchemas.assertValidResponsesEvent(example("~1responses", "text~1event-stream").path("data"));
  }

  @Test
  void brokenChatAnswersAreRejected() throws Exception {
    OpenRouterSchemas.assertValidChatChunk(json(CHUNK));
    ObjectNode stringCode = json(CHUNK);
    stringCode.putObject("error").put("code", "502").put("message", "cut");
    assertFalse(OpenRouterSchemas.violations("ChatStreamChunk", stringCode).isEmpty(), "error.code is an integer");
    ObjectNode noFinish = json(CHUNK);
    ((ObjectNode) noFinish.path("choices").path(0)).remove("finish_reason");
    assertFalse(OpenRouterSchemas.violations("ChatStreamChunk", noFinish).isEmpty(), "finish_reason is required, null or not");

    ObjectNode unknownFinish = json(CHUNK);
    ((ObjectNode) unknownFinish.path("choices").path(0)).put("finish_reason", "end_turn");
    assertFalse(OpenRouterSchemas.violations("ChatStreamChunk", unknownFinish).isEmpty(), "finish_reason is one of OpenRouter's five");
    ObjectNode reasoning = json(CHUNK);
    ((ObjectNode) reasoning.path("choices").path(0).path("delta")).putArray("reasoning_details")
        .addObject().put("type", "reasoning.text").put("text", "thinking").put("signature", "sig").put("index", 0);
    assertTrue(OpenRouterSchemas.violations("ChatStreamChunk", reasoning).isEmpty(), OpenRouterSchemas.violations("ChatStreamChunk", reasoning).toString());
    ((ObjectNode) reasoning.path("choices").path(0).path("delta").path("reasoning_details").path(0)).put("type", "reasoning.made_up");
    assertFalse(OpenRouterSchemas.violations("ChatStreamChunk", reasoning).isEmpty(), "a reasoning detail of no known type");

    ObjectNode result = (ObjectNode) example("~1chat~1completions", "application~1json").deepCopy();
    result.remove("system_fingerprint");
    assertFalse(OpenRouterSchemas.violations("ChatResult", result).isEmpty(), "system_fingerprint is required, null or not");
    result.putNull("system_fingerprint");
    assertTrue(OpenRouterSchemas.violations("ChatResult", result).isEmpty());
    result.put("object", "chat.completion.chunk");
    assertThrows(AssertionFailedError.class, () -> OpenRouterSchemas.assertValidChatResult(result));
  }

  @Test
  void aChatStreamIsCheckedChunkByChunkAndMustEndWithDone() {
    String ok = ": OPENROUTER PROCESSING\n\ndata: " + CHUNK + "\n\ndata: [DONE]\n\n";
    assertEquals(1, OpenRouterSchemas.checkChatSse(ok).size());
    String broken = "data: " + CHUNK + "\n\ndata: " + CHUNK.replace("\"created\":1", "\"created\":\"1\"") + "\n\ndata: [DONE]\n\n";
    assertThrows(AssertionFailedError.class, () -> OpenRouterSchemas.checkChatSse(broken));
    assertThrows(AssertionFailedError.class, () -> OpenRouterSchemas.checkChatSse("data: " + CHUNK + "\n\n"));
  }

  @Test
  void responsesEventsOpenResponsesAcceptsButOpenRouterDoesNotAreRejected() throws Exception {
    ObjectNode created = json("""
        {"type":"response.created","sequence_number":0,"response":{"id":"gen-1","object":"response","created_at":1,
         "completed_at":null,"status":"in_progress","incomplete_details":null,"model":"m","previous_response_id":null,
         "instructions":null,"output":[],"error":null,"tools":[],"tool_choice":"auto","truncation":"disabled",
         "parallel_tool_calls":true,"text":{"format":{"type":"text"}},"top_p":1.0,"presence_penalty":0.0,
         "frequency_penalty":0.0,"top_logprobs":0,"temperature":1.0,"reasoning":null,
         "usage":{"input_tokens":0,"output_tokens":0,"total_tokens":0,"input_tokens_details":{"cached_tokens":0},"output_tokens_details":{"reasoning_tokens":0}},
         "max_output_tokens":null,"max_tool_calls":null,"store":false,"background":false,"service_tier":"auto",
         "metadata":{},"safety_identifier":null,"prompt_cache_key":null}}""");
    ResponsesSchemas.assertValidEvent(created);

    ObjectNode nullUsage = created.deepCopy();
    ((ObjectNode) nullUsage.path("response")).putNull("usage");
    assertTrue(ResponsesSchemas.violations("ResponseCreatedStreamingEvent", nullUsage).isEmpty(), "Open Responses allows a null usage");
    assertThrows(AssertionFailedError.class, () -> ResponsesSchemas.assertValidEvent(nullUsage), "OpenRouter's does not");

    // the bug that slipped through with Open Responses alone: a json_schema format's description null
    ObjectNode nullDescription = created.deepCopy();
    ((ObjectNode) nullDescription.path("response").path("text")).putObject("format")
        .put("type", "json_schema").put("name", "answer").putNull("description").put("strict", true).putObject("schema");
    assertTrue(ResponsesSchemas.violations("ResponseCreatedStreamingEvent", nullDescription).isEmpty(), "Open Responses allows it");
    assertFalse(OpenRouterSchemas.responsesEventViolations(nullDescription).isEmpty(), "OpenRouter types description a string");

    ObjectNode unknown = created.deepCopy().put("type", "response.made_up");
    assertFalse(OpenRouterSchemas.responsesEventViolations(unknown).isEmpty());
  }

  @Test
  void aReasoningTextPartIsAContentPartAsOpenRouterSendsIt() throws Exception {
    ObjectNode added = json("""
        {"type":"response.content_part.added","sequence_number":3,"item_id":"rs_1","output_index":0,"content_index":0,
         "part":{"type":"reasoning_text","text":""}}""");
    assertTrue(OpenRouterSchemas.responsesEventViolations(added).isEmpty(), OpenRouterSchemas.responsesEventViolations(added).toString());
    ((ObjectNode) added.path("part")).put("type", "summary_text");
    assertFalse(OpenRouterSchemas.responsesEventViolations(added).isEmpty());
  }
}
