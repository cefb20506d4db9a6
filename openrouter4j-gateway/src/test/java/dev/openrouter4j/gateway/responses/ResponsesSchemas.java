package dev.openrouter4j.gateway.responses;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.gateway.OpenRouterSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Open Responses schemas ({@code shared/spec/openresponses-openapi.json}, JSON Schema 2020-12
 * under OpenAPI 3.1) as a validator: a response body against {@code ResponseResource}, a stream
 * event against the {@code *StreamingEvent} schema its {@code type} names. {@code $ref}s resolve
 * within the file.
 *
 * <p>Two departures from the file, each a slip in it: {@code JsonSchemaResponseFormat.schema} is
 * typed {@code null} (no object would pass; read as any value), and the reasoning text events are
 * named {@code response.reasoning.delta/done} there but {@code response.reasoning_text.delta/done}
 * by OpenAI and OpenRouter (same fields; validated against the file's schema under its name).
 */
public final class ResponsesSchemas {
  private static final ObjectNode COMPONENTS = load();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
  private static final Map<String, String> EVENT_SCHEMAS = eventSchemas();
  private static final Map<String, String> SPEC_NAMES =
      Map.of(
          "response.reasoning_text.delta", "response.reasoning.delta",
          "response.reasoning_text.done", "response.reasoning.done");

  private ResponsesSchemas() {}

  static Path spec() {
    String shared = System.getProperty("openrouter4j.shared", "../../shared");
    return Path.of(shared, "spec", "openresponses-openapi.json");
  }

  private static ObjectNode load() {
    try {
      JsonNode spec = Json.mapper().readTree(spec().toFile());
      ObjectNode components = (ObjectNode) spec.get("components").deepCopy();
      ((ObjectNode) components.path("schemas").path("JsonSchemaResponseFormat").path("properties")).putObject("schema");
      return components;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Event type to schema name, from each streaming event schema's {@code type} enum. */
  private static Map<String, String> eventSchemas() {
    Map<String, String> byType = new HashMap<>();
    COMPONENTS.path("schemas").fields().forEachRemaining(e -> {
      if (!e.getKey().endsWith("StreamingEvent")) return;
      for (JsonNode t : e.getValue().path("properties").path("type").path("enum")) byType.put(t.asText(), e.getKey());
    });
    return byType;
  }

  private static Schema schema(String name) {
    return SCHEMAS.computeIfAbsent(name, n -> {
      ObjectNode root = Json.mapper().createObjectNode();
      root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
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

  public static void assertValid(String name, JsonNode instance) {
    List<Error> errors = violations(name, instance);
    if (!errors.isEmpty()) fail(name + " violated: " + errors + "\n" + instance.toPrettyString());
  }

  /** A response body against Open Responses' {@code ResponseResource} and OpenRouter's {@code OpenResponsesResult}. */
  public static void assertValidResponse(JsonNode response) {
    assertValid("ResponseResource", response);
    OpenRouterSchemas.assertValidResponsesResult(response);
  }

  /**
   * A stream event against the schema of its type in both specs (Open Responses and OpenRouter's);
   * a type either does not define fails.
   */
  public static void assertValidEvent(JsonNode event) {
    String type = event.path("type").asText();
    String specType = SPEC_NAMES.getOrDefault(type, type);
    String name = EVENT_SCHEMAS.get(specType);
    if (name == null) fail("the Open Responses spec defines no event type '" + type + "': " + event);
    JsonNode checked = event;
    if (!specType.equals(type)) {
      ObjectNode copy = event.deepCopy();
      copy.put("type", specType);
      checked = copy;
    }
    assertValid(name, checked);
    OpenRouterSchemas.assertValidResponsesEvent(event);
  }
}
