package dev.openrouter4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns the recorded fixture formats back into the SSE bytes the server sent. */
final class RecordedStreams {
  private RecordedStreams() {}

  /** A .sse file as is; a .chunks.jsonl as one data event per line plus [DONE]; a .recording.jsonl replayed. */
  static String sse(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".sse")) return Files.readString(file);
    StringBuilder out = new StringBuilder();
    List<String> lines = Files.readAllLines(file);
    if (name.endsWith(".chunks.jsonl")) {
      for (String line : lines) {
        if (!line.isBlank()) out.append("data: ").append(line.strip()).append("\n\n");
      }
      return out.append("data: [DONE]\n\n").toString();
    }
    StringBuilder pending = new StringBuilder();
    for (String line : lines) {
      if (line.isBlank()) continue;
      JsonNode record = Json.mapper().readTree(line);
      if (record.has("comment")) {
        out.append(record.get("comment").asText());
      } else if (record.has("json")) {
        out.append("data: ").append(Json.mapper().writeValueAsString(record.get("json"))).append("\n\n");
      } else if (record.has("text")) {
        String text = record.get("text").asText();
        if (text.equals("[DONE]")) {
          out.append("data: [DONE]\n\n");
          continue;
        }
        pending.append(text);
        try {
          Json.mapper().readTree(pending.toString());
          out.append("data: ").append(pending).append("\n\n");
          pending.setLength(0);
        } catch (IOException incomplete) {
          // a long payload continues in the next text record
        }
      }
    }
    return out.toString();
  }
}
