package dev.openrouter4j.api.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An incremental parser for {@code text/event-stream}, following the HTML standard's rules: lines
 * end in LF, CRLF or CR; a line starting with ':' is a comment; {@code data} lines of one event are
 * joined with LF; a blank line dispatches the event; a blank event (no data) is not dispatched.
 *
 * <p>Feed it bytes as they arrive, split anywhere (even inside a UTF-8 sequence or between CR and
 * LF). Not thread-safe: one parser per stream. Lines longer than {@code maxLineBytes} and events
 * longer than {@code maxEventChars} fail with {@link SseException} rather than growing without bound.
 */
public final class SseParser {
  /** Receives what the parser finds. */
  public interface Listener {
    void onEvent(SseEvent event);

    /** A comment line, without its leading ':' (OpenRouter sends {@code " OPENROUTER PROCESSING"}). */
    default void onComment(String comment) {}
  }

  public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

  private final Listener listener;
  private final int maxLineBytes;
  private final int maxEventChars;

  private byte[] line = new byte[256];
  private int lineLength;
  private boolean lastWasCr;
  private boolean firstLine = true;

  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String eventType;
  private String lastEventId;

  public SseParser(Listener listener) {
    this(listener, DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_LINE_BYTES);
  }

  public SseParser(Listener listener, int maxLineBytes, int maxEventChars) {
    this.listener = Objects.requireNonNull(listener, "listener == null");
    this.maxLineBytes = maxLineBytes;
    this.maxEventChars = maxEventChars;
  }

  public void feed(byte[] bytes) {
    feed(bytes, 0, bytes.length);
  }

  public void feed(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int start = offset;
    for (int i = offset; i < end; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        if (lastWasCr) {
          // second half of a CRLF whose CR ended the line already
          lastWasCr = false;
          start = i + 1;
          continue;
        }
        append(bytes, start, i - start);
        endLine();
        start = i + 1;
      } else if (b == '\r') {
        append(bytes, start, i - start);
        endLine();
        lastWasCr = true;
        start = i + 1;
      } else {
        lastWasCr = false;
      }
    }
    append(bytes, start, end - start);
  }

  /**
   * The stream ended. Per the HTML standard an event not terminated by a blank line is discarded;
   * OpenRouter's and OpenAI's streams always terminate theirs, so nothing is lost in practice.
   */
  public void end() {
    lineLength = 0;
    resetEvent();
  }

  private void append(byte[] bytes, int from, int count) {
    if (count <= 0) return;
    int needed = lineLength + count;
    if (needed > maxLineBytes) {
      throw new SseException("SSE line longer than " + maxLineBytes + " bytes");
    }
    if (needed > line.length) {
      line = Arrays.copyOf(line, Math.max(needed, Math.min(maxLineBytes, line.length * 2)));
    }
    System.arraycopy(bytes, from, line, lineLength, count);
    lineLength = needed;
  }

  private void endLine() {
    int from = 0;
    if (firstLine) {
      firstLine = false;
      // a UTF-8 BOM at the start of the stream is ignored
      if (lineLength >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
        from = 3;
      }
    }
    int length = lineLength - from;
    lineLength = 0;
    if (length == 0) {
      dispatch();
      return;
    }
    if (line[from] == ':') {
      listener.onComment(new String(line, from + 1, length - 1, StandardCharsets.UTF_8));
      return;
    }
    int colon = -1;
    for (int i = from; i < from + length; i++) {
      if (line[i] == ':') {
        colon = i;
        break;
      }
    }
    String field;
    String value;
    if (colon < 0) {
      field = new String(line, from, length, StandardCharsets.UTF_8);
      value = "";
    } else {
      field = new String(line, from, colon - from, StandardCharsets.US_ASCII);
      int valueStart = colon + 1;
      if (valueStart < from + length && line[valueStart] == ' ') valueStart++;
      value = new String(line, valueStart, from + length - valueStart, StandardCharsets.UTF_8);
    }
    switch (field) {
      case "data" -> {
        if (hasData) data.append('\n');
        data.append(value);
        hasData = true;
        if (data.length() > maxEventChars) {
          throw new SseException("SSE event longer than " + maxEventChars + " characters");
        }
      }
      case "event" -> eventType = value;
      case "id" -> {
        if (value.indexOf('\0') < 0) lastEventId = value;
      }
      default -> {
        // "retry" and unknown fields carry nothing a client of these APIs needs
      }
    }
  }

  private void dispatch() {
    if (hasData) {
      SseEvent event = new SseEvent(eventType, data.toString(), lastEventId);
      resetEvent();
      listener.onEvent(event);
    } else {
      resetEvent();
    }
  }

  private void resetEvent() {
    data.setLength(0);
    hasData = false;
    eventType = null;
  }
}
