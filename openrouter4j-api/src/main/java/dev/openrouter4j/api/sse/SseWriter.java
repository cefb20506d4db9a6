package dev.openrouter4j.api.sse;

import java.nio.charset.StandardCharsets;

/** Encodes events in the framing OpenRouter uses: {@code event:} when typed, {@code data:}, blank line. */
public final class SseWriter {
  private static final byte[] DONE_BYTES = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

  private SseWriter() {}

  /** {@code data: <json>\n\n}; a payload with line breaks becomes several data lines. */
  public static String data(String data) {
    return event(null, data);
  }

  public static String event(String type, String data) {
    StringBuilder sb = new StringBuilder(data.length() + 32);
    if (type != null) sb.append("event: ").append(type).append('\n');
    int start = 0;
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c == '\n' || c == '\r') {
        sb.append("data: ").append(data, start, i).append('\n');
        if (c == '\r' && i + 1 < data.length() && data.charAt(i + 1) == '\n') i++;
        start = i + 1;
      }
    }
    sb.append("data: ").append(data, start, data.length()).append("\n\n");
    return sb.toString();
  }

  public static String comment(String text) {
    return ":" + (text.isEmpty() || text.charAt(0) == ' ' ? text : " " + text) + "\n\n";
  }

  public static byte[] done() {
    return DONE_BYTES.clone();
  }
}
