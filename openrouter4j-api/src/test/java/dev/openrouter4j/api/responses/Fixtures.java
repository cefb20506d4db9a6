package dev.openrouter4j.api.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Test-only access to the recorded fixtures in {@code shared/fixtures}, with just enough framing to
 * get at the payloads (the real SSE codec lives elsewhere).
 */
final class Fixtures {
  private Fixtures() {}

  static Path dir() {
    String shared = System.getProperty("openrouter4j.shared");
    Path base = shared != null ? Path.of(shared) : Path.of("/work/shared");
    return base.resolve("fixtures");
  }

  static String read(String relative) {
    try {
      return Files.readString(dir().resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The payloads of a fixture, by its format (.sse, .chunks.jsonl, .recording.jsonl). */
  static List<String> payloads(String relative) {
    String body = read(relative);
    if (relative.endsWith(".sse")) return ssePayloads(body);
    if (relative.endsWith(".chunks.jsonl")) return chunkPayloads(body);
    if (relative.endsWith(".recording.jsonl")) return recordingPayloads(body);
    throw new IllegalArgumentException(relative);
  }

  static List<StreamEvent> events(String relative) {
    List<StreamEvent> events = new ArrayList<>();
    for (String payload : payloads(relative)) {
      try {
        events.add(Json.mapper().readValue(payload, StreamEvent.class));
      } catch (IOException e) {
        throw new UncheckedIOException(relative + ": " + payload, e);
      }
    }
    return events;
  }

  /**
   * The {@code data:} payloads of an SSE body: data lines of one event (up to a blank line) joined
   * with newlines; comments ({@code :}) and other fields ({@code event:}) ignored; stops at {@code [DONE]}.
   */
  static List<String> ssePayloads(String body) {
    List<String> out = new ArrayList<>();
    StringBuilder data = null;
    for (String line : body.split("\r?\n", -1)) {
      if (line.isEmpty()) {
        if (data != null) {
          String payload = data.toString();
          data = null;
          if (payload.equals("[DONE]")) return out;
          out.add(payload);
        }
      } else if (line.startsWith("data:")) {
        String value = line.substring(5);
        if (value.startsWith(" ")) value = value.substring(1);
        if (data == null) data = new StringBuilder(value);
        else data.append('\n').append(value);
      }
    }
    if (data != null && !data.toString().equals("[DONE]")) out.add(data.toString());
    return out;
  }

  /** One payload per non-blank line. */
  static List<String> chunkPayloads(String body) {
    List<String> out = new ArrayList<>();
    for (String line : body.split("\r?\n")) {
      if (!line.isBlank()) out.add(line);
    }
    return out;
  }

  /**
   * The recorder format: {@code {"json":...}} is a payload; {@code {"text":...}} fragments
   * concatenate until one ends the event with a blank line; {@code [DONE]} stops; comments and
   * delays are skipped.
   */
  static List<String> recordingPayloads(String body) {
    List<String> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String line : body.split("\r?\n")) {
      if (line.isBlank()) continue;
      JsonNode record = tree(line);
      if (record.has("json")) {
        out.add(record.get("json").toString());
      } else if (record.has("text")) {
        text.append(record.get("text").asText());
        String pending = text.toString();
        if (pending.strip().equals("[DONE]")) return out;
        if (pending.endsWith("\n\n")) {
          out.add(pending.strip());
          text.setLength(0);
        }
      }
    }
    if (!text.toString().isBlank() && !text.toString().strip().equals("[DONE]")) out.add(text.toString().strip());
    return out;
  }

  /** Numbers equal by value (1 == 1.0, int == long), everything else by equals. */
  static final Comparator<JsonNode> NUMERIC =
      (a, b) -> {
        if (a.equals(b)) return 0;
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        return 1;
      };

  /** A deep copy without null-valued object fields. */
  static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = Json.mapper().createObjectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getValue().isNull()) copy.set(e.getKey(), withoutNulls(e.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.mapper().createArrayNode();
      for (JsonNode element : node) copy.add(withoutNulls(element));
      return copy;
    }
    return node;
  }

  /** The same JSON, numbers compared by value (a Long timestamp equals the int the parser reads). */
  static void assertJsonEquals(JsonNode expected, JsonNode actual) {
    if (!expected.equals(NUMERIC, actual)) {
      assertEquals(expected.toPrettyString(), actual.toPrettyString());
    }
  }

  /**
   * The same JSON, treating a null field as an absent one (the model writes required-nullable keys
   * as null and drops other nulls) and numbers by value.
   */
  static void assertSameJson(JsonNode expected, JsonNode actual) {
    JsonNode e = withoutNulls(expected);
    JsonNode a = withoutNulls(actual);
    if (!e.equals(NUMERIC, a)) {
      assertEquals(e.toPrettyString(), a.toPrettyString());
    }
  }
}
