package dev.openrouter4j.gateway.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.RequestLimits;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.gateway.chat.RequestReader;
import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The upstream request body, written by one token copy of the canonical request, is the same JSON
 * as the tree-editing it replaced (kept here as {@link #reference}), for the {@code openai} and the
 * {@code openrouter} kinds, streamed or not, over requests that use every key either kind treats
 * specially.
 */
class OpenAiRequestBodyTest {
  static Vertx vertx;
  static final RequestReader<ChatRequest> READER = new RequestReader<>(ChatRequest.class, RequestLimits.Api.CHAT);

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  static final List<String> REQUESTS =
      List.of(
          "{\"model\":\"a/b\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
          "{\"model\":\"a/b\",\"stream\":true,\"stream_options\":{\"include_usage\":false},\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}],\"temperature\":0.7,\"top_p\":0.9,\"max_tokens\":150,\"seed\":7,\"stop\":[\"x\"]}",
          "{\"model\":\"a/b\",\"models\":[\"c/d\"],\"route\":\"fallback\",\"provider\":{\"order\":[\"p\"],\"allow_fallbacks\":false},\"plugins\":[{\"id\":\"web\"}],\"session_id\":\"s1\",\"usage\":{\"include\":true},\"transforms\":[\"middle-out\"],\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
          "{\"model\":\"a/b\",\"reasoning\":{\"effort\":\"high\"},\"messages\":[{\"role\":\"user\",\"content\":\"Think\"}]}",
          "{\"model\":\"a/b\",\"reasoning\":{\"effort\":\"high\"},\"reasoning_effort\":\"low\",\"messages\":[{\"role\":\"user\",\"content\":\"Think\"}]}",
          "{\"model\":\"a/b\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"}}}}}],\"tool_choice\":\"auto\",\"response_format\":{\"type\":\"json_object\"},\"unknown_vendor_key\":{\"deep\":[1,2.5,\"three\",null,true]},\"messages\":[{\"role\":\"user\",\"content\":\"Hi \\u00e9 \\\"q\\\"\"}]}");

  @Test
  void theTokenCopyWritesWhatTheTreeEditWrote() throws Exception {
    for (boolean forwardRouting : new boolean[] {false, true}) {
      OpenAiProvider provider = new OpenAiProvider(vertx, new ProviderConfig("p", forwardRouting ? "openrouter" : "openai", "http://127.0.0.1:1/v1", null, 1000, null, false, null), forwardRouting);
      for (String json : REQUESTS) {
        ChatRequest request = READER.read(Buffer.buffer(json));
        for (boolean stream : new boolean[] {false, true}) {
          UpstreamRequest up = new UpstreamRequest(request, "served", null, stream, Map.of());
          JsonNode actual = Json.mapper().readTree(provider.body(up));
          JsonNode expected = reference(up, forwardRouting);
          assertEquals(expected, actual, json + " forwardRouting=" + forwardRouting + " stream=" + stream);
          assertEquals("served", actual.path("model").asText());
          if (!forwardRouting) assertFalse(actual.has("provider") || actual.has("models") || actual.has("plugins") || actual.has("reasoning"));
        }
      }
      provider.close();
    }
  }

  static final String RESPONSES_REQUEST = """
      {"model":"a/b","models":["c/d"],"input":[{"type":"message","role":"user","content":"Hi"}],"instructions":"Be brief.","stream":true,
       "store":true,"previous_response_id":"resp_1","background":false,"reasoning":{"effort":"high","summary":"detailed"},
       "include":["reasoning.encrypted_content"],"truncation":"auto","text":{"verbosity":"low"},"max_output_tokens":99,
       "provider":{"order":["p"]},"plugins":[{"id":"web"}],"session_id":"s1","trace":{"trace_id":"t"},
       "tools":[{"type":"function","name":"f","parameters":{"type":"object"}}],"unknown_vendor_key":{"deep":[1,"two"]}}
      """;

  @Test
  void aResponsesRequestPassesThroughWithTheEndpointsModelAndNoStateOfTheGateways() throws Exception {
    var reader = new RequestReader<>(dev.openrouter4j.api.responses.ResponsesRequest.class, RequestLimits.Api.RESPONSES);
    var responses = reader.read(Buffer.buffer(RESPONSES_REQUEST));
    for (boolean forwardRouting : new boolean[] {false, true}) {
      ProviderConfig config = new ProviderConfig("p", forwardRouting ? "openrouter" : "openai", "http://127.0.0.1:1/v1", null, 1000, null, false, null, true);
      OpenAiProvider provider = new OpenAiProvider(vertx, config, forwardRouting);
      for (boolean stream : new boolean[] {false, true}) {
        UpstreamRequest up = new UpstreamRequest(null, "served", null, stream, Map.of(), null, null, responses);
        assertTrue(provider.passesResponsesThrough(up));
        JsonNode sent = Json.mapper().readTree(provider.responsesBody(up));
        String what = "forwardRouting=" + forwardRouting + " stream=" + stream;
        assertEquals("served", sent.path("model").asText(), what);
        assertEquals(stream, sent.path("stream").asBoolean(), what);
        assertFalse(sent.path("store").asBoolean(true), what);
        for (String gone : List.of("previous_response_id", "background", "models")) assertFalse(sent.has(gone), gone + " " + what);
        JsonNode client = Json.mapper().readTree(RESPONSES_REQUEST);
        for (String kept : List.of("input", "instructions", "reasoning", "include", "truncation", "text", "max_output_tokens", "tools", "unknown_vendor_key")) {
          assertEquals(client.get(kept), sent.get(kept), kept + " " + what);
        }
        for (String routing : List.of("provider", "plugins", "session_id", "trace")) {
          assertEquals(forwardRouting, sent.has(routing), routing + " goes to OpenRouter only; " + what);
        }
      }
      // the client speaks chat: the chat path, whatever the upstream serves
      assertFalse(provider.passesResponsesThrough(new UpstreamRequest(READER.read(Buffer.buffer(REQUESTS.get(0))), "served", null, true, Map.of())));
      provider.close();
    }
    OpenAiProvider chatOnly = new OpenAiProvider(vertx, new ProviderConfig("p", "openai", "http://127.0.0.1:1/v1", null, 1000, null, false, null, false), false);
    assertFalse(chatOnly.passesResponsesThrough(new UpstreamRequest(null, "served", null, true, Map.of(), null, null, responses)));
    chatOnly.close();
  }

  /** The body as the gateway wrote it before: the canonical request as a tree, edited. */
  static JsonNode reference(UpstreamRequest request, boolean forwardRouting) {
    ChatRequest r = request.request();
    ObjectNode json = Json.mapper().valueToTree(r);
    json.put("model", request.upstreamModel());
    json.put("stream", request.stream());
    if (request.stream()) {
      json.putObject("stream_options").put("include_usage", true);
    } else {
      json.remove("stream_options");
    }
    if (forwardRouting) {
      OpenAiProvider.NOT_FORWARDED_TO_OPENROUTER.forEach(json::remove);
    } else {
      if (r.reasoning() != null && r.reasoning().effort() != null && r.reasoningEffort() == null) {
        json.set("reasoning_effort", Json.mapper().valueToTree(r.reasoning().effort()));
      }
      OpenAiProvider.OPENROUTER_ONLY.forEach(json::remove);
    }
    return json;
  }
}
