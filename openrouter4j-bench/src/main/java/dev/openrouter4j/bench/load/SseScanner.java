package dev.openrouter4j.bench.load;

import java.util.Arrays;

/**
 * Watches a {@code text/event-stream} body go by without decoding it: notes when the first {@code
 * data:} event carrying non-empty {@code content} arrived (time to first token; a first chunk with
 * only the role and {@code content: ""} does not count, so every path is timed to the same token),
 * when {@code data: [DONE]} arrived (time to last token: the stream's final event), and whether an
 * event reported an error. Lines may be split anywhere across reads.
 */
final class SseScanner implements ResponseReader.BodySink {
  private static final byte[] DATA = "data:".getBytes();
  private static final byte[] DONE = "[DONE]".getBytes();
  private static final byte[] CONTENT = "\"content\"".getBytes();
  private static final byte[] FINISH_ERROR = "\"finish_reason\":\"error\"".getBytes();
  private static final byte[] ERROR_FIRST = "{\"error\"".getBytes();

  private byte[] line = new byte[1024];
  private int lineLength;
  private long firstContentNanos = -1;
  private long doneNanos = -1;
  private int dataEvents;
  private boolean error;
  private long bytes;

  @Override
  public void bytes(byte[] buffer, int offset, int length, long arrivedNanos) {
    bytes += length;
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (buffer[i] == '\n') {
        append(buffer, start, i - start);
        endLine(arrivedNanos);
        start = i + 1;
      }
    }
    append(buffer, start, end - start);
  }

  long firstContentNanos() {
    return firstContentNanos;
  }

  long doneNanos() {
    return doneNanos;
  }

  int dataEvents() {
    return dataEvents;
  }

  boolean sawError() {
    return error;
  }

  boolean sawDone() {
    return doneNanos >= 0;
  }

  long bytesRead() {
    return bytes;
  }

  private void append(byte[] b, int from, int n) {
    if (n <= 0) return;
    if (lineLength + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
    System.arraycopy(b, from, line, lineLength, n);
    lineLength += n;
  }

  private void endLine(long nanos) {
    int n = lineLength;
    if (n > 0 && line[n - 1] == '\r') n--;
    lineLength = 0;
    if (!startsWith(line, 0, n, DATA)) return;
    int v = DATA.length;
    if (v < n && line[v] == ' ') v++;
    dataEvents++;
    if (startsWith(line, v, n, DONE)) {
      if (doneNanos < 0) doneNanos = nanos;
      return;
    }
    if (startsWith(line, v, n, ERROR_FIRST) || indexOf(line, v, n, FINISH_ERROR) >= 0) error = true;
    if (firstContentNanos < 0 && hasContent(line, v, n)) firstContentNanos = nanos;
  }

  /** True when the JSON has {@code "content": "<at least one character>"}. */
  static boolean hasContent(byte[] b, int from, int to) {
    int at = from;
    while ((at = indexOf(b, at, to, CONTENT)) >= 0) {
      int i = at + CONTENT.length;
      while (i < to && (b[i] == ' ' || b[i] == ':')) i++;
      if (i + 1 < to && b[i] == '"' && b[i + 1] != '"') return true;
      at = at + CONTENT.length;
    }
    return false;
  }

  private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if (b[from + i] != prefix[i]) return false;
    }
    return true;
  }

  static int indexOf(byte[] b, int from, int to, byte[] needle) {
    outer:
    for (int i = from; i <= to - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}
