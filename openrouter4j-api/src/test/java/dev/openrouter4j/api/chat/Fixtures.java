package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only access to the recorded fixtures under {@code shared/fixtures}. The SSE reading here is
 * deliberately tiny (the real codec lives elsewhere): {@code data:} lines of each blank-line
 * separated event, {@code :} comments skipped, stop at {@code [DONE]}.
 */
final class Fixtures {
  private Fixtures() {}

  static Path shared() {
    String prop = System.getProperty("openrouter4j.shared");
    Path dir = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
    if (!Files.isDirectory(dir.resolve("fixtures"))) {
      throw new IllegalStateException("fixtures not found under " + dir.toAbsolutePath());
    }
    return dir;
  }

  static String read(String relative) {
    try {
      return Files.readString(shared().resolve("fixtures").resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code data:} payloads of an SSE body, in order, up to (not including) {@code [DONE]}. */
  static List<String> ssePayloads(String body) {
    List<String> out = new ArrayList<>();
    String normalized = body.replace("\r\n", "\n").replace('\r', '\n');
    for (String event : normalized.split("\n\n")) {
      StringBuilder data = null;
      for (String line : event.split("\n")) {
        if (line.startsWith(":") || !line.startsWith("data:")) {
          continue;
        }
        String value = line.substring(5);
        if (value.startsWith(" ")) value = value.substring(1);
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
      if (data == null) {
        continue;
      }
      if (data.toString().equals("[DONE]")) {
        break;
      }
      out.add(data.toString());
    }
    return out;
  }

  /**
   * The payloads of an ai-sdk-provider recording: {@code {"json":...}} records are whole payloads,
   * {@code {"text":...}} fragments concatenate until they form a complete payload; {@code [DONE]} ends.
   */
  static List<String> recordingPayloads(String jsonl) {
    List<String> out = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : jsonl.split("\n")) {
      if (line.isBlank()) continue;
      JsonNode record = tree(line);
      if (record.has("json")) {
        out.add(record.get("json").toString());
      } else if (record.has("text")) {
        pending.append(record.get("text").textValue());
        String text = pending.toString();
        if (text.equals("[DONE]")) {
          break;
        }
        if (isCompleteJson(text)) {
          out.add(text);
          pending.setLength(0);
        }
      }
    }
    return out;
  }

  static List<ChatStreamChunk> chunks(String relative) {
    String body = read(relative);
    List<String> payloads =
        relative.endsWith(".recording.jsonl") ? recordingPayloads(body) : ssePayloads(body);
    List<ChatStreamChunk> out = new ArrayList<>();
    for (String p : payloads) {
      out.add(parse(p, ChatStreamChunk.class));
    }
    return out;
  }

  static <T> T parse(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
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

  static JsonNode toTree(Object value) {
    return Json.mapper().valueToTree(value);
  }

  /**
   * {@code value} written as JSON text and read back as a tree. Unlike {@link #toTree}, numbers get
   * the node type a parser picks (a {@code Long} field holding 1700000000 becomes an IntNode), so
   * the result compares equal to {@code tree(text)} of the same JSON.
   */
  static JsonNode written(Object value) {
    try {
      return Json.mapper().readTree(Json.mapper().writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code value} and reads it back as {@code type}. */
  static <T> T roundTrip(T value, Class<T> type) {
    try {
      return Json.mapper().readValue(Json.mapper().writeValueAsString(value), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isCompleteJson(String text) {
    try {
      Json.mapper().readTree(text);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
