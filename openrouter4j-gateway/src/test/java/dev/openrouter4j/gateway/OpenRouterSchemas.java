package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.api.sse.SseParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenRouter's own schemas ({@code shared/spec/openrouter-openapi.yaml}, OpenAPI 3.1) as a
 * validator, for what the gateway writes where the {@code /responses} and {@code /chat/completions}
 * operations document their 200 answers: a Responses body against {@code OpenResponsesResult}, a
 * Responses stream event against the schema {@code StreamEvents}' discriminator maps its {@code
 * type} to, a chat body against {@code ChatResult} and a chat stream chunk against {@code
 * ChatStreamChunk} (the {@code data} of {@code ResponsesStreamingResponse} and {@code
 * ChatStreamingResponse}), and an embeddings body against the schema {@code /embeddings} writes inline. {@code $ref}s resolve within the document.
 *
 * <p>One departure from the document, a slip in it: {@code ContentPartAddedEvent} and {@code
 * ContentPartDoneEvent} are {@code allOf} a base whose {@code part} is output_text or refusal and
 * an extension whose {@code part} adds reasoning_text. Read as JSON Schema, the intersection forbids
 * a reasoning_text part, which OpenRouter itself sends (fixtures/openrouter/responses-stream-reasoning.sse),
 * as do OpenAI and Open Responses; the extension's {@code part} is taken as replacing the base's.
 *
 * <p>Events are checked against their mapped schema rather than the {@code oneOf} itself, so a
 * violation names the fields of that one event instead of every branch of a 60-way union.
 */
public final class OpenRouterSchemas {
  private static final ObjectNode COMPONENTS = load();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
  private static final Map<String, String> RESPONSES_EVENTS = eventSchemas();

  /** The name the {@code POST /embeddings} 200 answer's inline schema is filed under. */
  static final String EMBEDDINGS_RESULT = "openrouter4j.EmbeddingsResult";

  private OpenRouterSchemas() {}

  static Path spec() {
    String shared = System.getProperty("openrouter4j.shared", "../../shared");
    return Path.of(shared, "spec", "openrouter-openapi.yaml");
  }

  private static ObjectNode load() {
    try {
      JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(spec().toFile());
      // the schemas named by the operations' 200 answers: if the document moves them, say so here
      JsonNode ok = spec.at("/paths/~1responses/post/responses/200/content");
      require(ok.at("/application~1json/schema/$ref").asText().equals("#/components/schemas/OpenResponsesResult"), "responses json");
      require(ok.at("/text~1event-stream/schema/$ref").asText().equals("#/components/schemas/ResponsesStreamingResponse"), "responses sse");
      JsonNode chat = spec.at("/paths/~1chat~1completions/post/responses/200/content");
      require(chat.at("/application~1json/schema/$ref").asText().equals("#/components/schemas/ChatResult"), "chat json");
      require(chat.at("/text~1event-stream/schema/$ref").asText().equals("#/components/schemas/ChatStreamingResponse"), "chat sse");
      ObjectNode components = (ObjectNode) spec.get("components");
      // the embeddings answer's schema is written inline in its operation: filed here under a name of our own
      JsonNode embeddings = spec.at("/paths/~1embeddings/post/responses/200/content/application~1json/schema");
      require(embeddings.path("properties").has("data") && embeddings.has("example"), "embeddings json");
      ((ObjectNode) components.get("schemas")).set(EMBEDDINGS_RESULT, embeddings.deepCopy());
      // allOf is an intersection, so the base's narrower part wins; read the extension as the override it is
      for (String event : List.of("ContentPartAddedEvent", "ContentPartDoneEvent")) {
        JsonNode part = components.at("/schemas/" + event + "/allOf/1/properties/part");
        require(part.isObject(), event + ".part");
        ((ObjectNode) components.at("/schemas/Base" + event + "/properties")).set("part", part.deepCopy());
      }
      require(components.at("/schemas/ResponsesStreamingResponse/properties/data/$ref").asText().equals("#/components/schemas/StreamEvents"), "StreamEvents");
      require(components.at("/schemas/ChatStreamingResponse/properties/data/$ref").asText().equals("#/components/schemas/ChatStreamChunk"), "ChatStreamChunk");
      return components;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) throw new IllegalStateException("openrouter-openapi.yaml no longer names the schema expected for " + what);
  }

  /** Event type to schema name, from {@code StreamEvents}' discriminator mapping. */
  private static Map<String, String> eventSchemas() {
    Map<String, String> byType = new HashMap<>();
    COMPONENTS.at("/schemas/StreamEvents/discriminator/mapping").fields().forEachRemaining(e ->
        byType.put(e.getKey(), e.getValue().asText().substring("#/components/schemas/".length())));
    return byType;
  }

  private static Schema schema(String name) {
    return SCHEMAS.computeIfAbsent(name, n -> {
      ObjectNode root = COMPONENTS.objectNode();
      root.put("$ref", "#/components/schemas/" + n);
      root.set("components", COMPONENTS);
      return REGISTRY.getSchema(root);
    });
  }

  /** The violations of {@code instance} against {@code components.schemas.<name>}; empty when valid. */
  public static List<Error> violations(String name, JsonNode instance) {
    if (!COMPONENTS.path("schemas").has(name)) throw new IllegalArgumentException("no schema " + name);
    return schema(name).validate(instance);
  }

  /** The violations of a Responses stream event; a type the spec does not define is one. */
  public static List<String> responsesEventViolations(JsonNode event) {
    String name = RESPONSES_EVENTS.get(event.path("type").asText());
    if (name == null) return List.of("OpenRouter's StreamEvents define no event type " + event.path("type"));
    return violations(name, event).stream().map(Error::toString).toList();
  }

  public static void assertValid(String name, JsonNode instance) {
    List<Error> errors = violations(name, instance);
    if (!errors.isEmpty()) fail("OpenRouter's " + name + " violated: " + errors + "\n" + instance.toPrettyString());
  }

  public static void assertValidResponsesResult(JsonNode response) {
    assertValid("OpenResponsesResult", response);
  }

  public static void assertValidResponsesEvent(JsonNode event) {
    List<String> errors = responsesEventViolations(event);
    if (!errors.isEmpty()) fail("OpenRouter's schema for " + event.path("type") + " violated: " + errors + "\n" + event.toPrettyString());
  }

  public static void assertValidChatResult(JsonNode result) {
    assertValid("ChatResult", result);
  }

  /** An embeddings answer against the schema {@code POST /embeddings} documents for its 200. */
  public static void assertValidEmbeddingsResult(JsonNode result) {
    assertValid(EMBEDDINGS_RESULT, result);
  }

  /** The example answer the spec gives for {@code POST /embeddings}: OpenAI's format, as an upstream writes it. */
  public static String embeddingsExample() {
    return COMPONENTS.at("/schemas/" + EMBEDDINGS_RESULT.replace("/", "~1") + "/example").toString();
  }

  public static void assertValidChatChunk(JsonNode chunk) {
    assertValid("ChatStreamChunk", chunk);
  }

  /** A chat body as written: JSON, and valid against {@code ChatResult}. */
  public static JsonNode assertValidChatResult(String body) {
    JsonNode json = parse(body, "the chat body");
    assertValidChatResult(json);
    return json;
  }

  /**
   * A chat stream as written: SSE frames (comments allowed), each {@code data} a JSON chunk valid
   * against {@code ChatStreamChunk}, ended by {@code data: [DONE]}; returns the chunks.
   */
  public static List<JsonNode> checkChatSse(String body) {
    return checkChatSse(body, true);
  }

  /** As {@link #checkChatSse(String)}; without {@code ended}, the beginning of a stream the reader left: no [DONE] due. */
  public static List<JsonNode> checkChatSse(String body, boolean ended) {
    List<SseEvent> frames = new ArrayList<>();
    new SseParser(frames::add, 64 << 20, 64 << 20).feed(body.getBytes(StandardCharsets.UTF_8));
    if (ended && (frames.isEmpty() || !frames.get(frames.size() - 1).isDone())) fail("the chat stream does not end with data: [DONE]: " + body);
    List<JsonNode> chunks = new ArrayList<>();
    for (int i = 0; i < frames.size() - (ended ? 1 : 0); i++) {
      if (frames.get(i).isDone()) fail("[DONE] before the end, at frame " + i + ": " + body);
      JsonNode chunk = parse(frames.get(i).data(), "chat stream frame " + i);
      assertValidChatChunk(chunk);
      chunks.add(chunk);
    }
    return chunks;
  }

  private static JsonNode parse(String json, String what) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new AssertionError(what + " is not JSON: " + json, e);
    }
  }
}
