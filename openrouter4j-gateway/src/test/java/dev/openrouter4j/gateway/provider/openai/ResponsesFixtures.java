package dev.openrouter4j.gateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.api.sse.SseParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded Responses API answers in {@code shared/fixtures} as the bytes an upstream would send:
 * {@code .sse} as recorded, {@code .chunks.jsonl} (data payloads only) and {@code .recording.jsonl}
 * (OpenRouter's recorder: comments, whole payloads and payload fragments) framed back into SSE
 * (see PROVENANCE.md there).
 */
public final class ResponsesFixtures {
  private ResponsesFixtures() {}

  public static Path path(String name) {
    return Path.of(System.getProperty("openrouter4j.shared", "../../shared"), "fixtures", name);
  }

  public static String read(String name) {
    try {
      return Files.readString(path(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture as the {@code text/event-stream} body the upstream sent. */
  public static String sse(String name) {
    String body = read(name);
    if (name.endsWith(".sse")) return body;
    StringBuilder out = new StringBuilder();
    if (name.endsWith(".chunks.jsonl")) {
      for (String line : body.split("\r?\n")) {
        if (line.isBlank()) continue;
        JsonNode json = tree(line);
        out.append("event: ").append(json.path("type").asText()).append("\ndata: ").append(line).append("\n\n");
      }
      return out.toString();
    }
    if (name.endsWith(".recording.jsonl")) {
      boolean eventStart = true;
      for (String line : body.split("\r?\n")) {
        if (line.isBlank()) continue;
        JsonNode record = tree(line);
        if (record.has("comment")) {
          out.append(record.get("comment").asText());
        } else if (record.has("json")) {
          out.append("data: ").append(record.get("json")).append("\n\n");
        } else if (record.has("text")) {
          String text = record.get("text").asText();
          if (text.strip().equals("[DONE]")) {
            out.append("data: [DONE]\n\n");
            continue;
          }
          if (eventStart) out.append("data: ");
          out.append(text);
          eventStart = text.endsWith("\n\n");
        }
      }
      return out.toString();
    }
    throw new IllegalArgumentException("not a stream fixture: " + name);
  }

  /** The fixture's SSE events, as the gateway's upstream reader splits them. */
  public static List<SseEvent> events(String name) {
    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add, 64 << 20, 64 << 20);
    parser.feed(sse(name).getBytes(StandardCharsets.UTF_8));
    parser.end();
    return events;
  }

  /**
   * The response a stream fixture ends with (its {@code response.completed}, {@code .incomplete} or
   * {@code .failed}), as JSON: what the upstream answers when not asked to stream.
   */
  public static String finalResponse(String name) {
    JsonNode last = null;
    for (SseEvent e : events(name)) {
      if (e.isDone()) continue;
      JsonNode json = tree(e.data());
      String type = json.path("type").asText();
      if (type.equals("response.completed") || type.equals("response.incomplete") || type.equals("response.failed")) last = json.get("response");
    }
    if (last == null) throw new IllegalArgumentException(name + " has no terminal event");
    return last.toString();
  }

  private static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
