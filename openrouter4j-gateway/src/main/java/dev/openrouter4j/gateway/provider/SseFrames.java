package dev.openrouter4j.gateway.provider;

import dev.openrouter4j.api.sse.SseException;
import java.util.Arrays;

/**
 * Splits {@code text/event-stream} bytes into the data of each event, left as bytes: the relay
 * fast path parses them without decoding them into a string first. Same line rules as the api's
 * {@code SseParser} (LF, CRLF or CR; a leading BOM; ':' comments; several {@code data} lines joined
 * with LF; a blank line dispatches), but the event name and id are not kept: the chat chunk
 * formats carry everything in the data.
 */
public final class SseFrames {
  /** Receives each event's data; the bytes are only valid during the call. */
  public interface Listener {
    void data(byte[] bytes, int offset, int length);
  }

  private static final byte[] LF = {'\n'};

  private final Listener listener;
  private final int maxEventBytes;
  private byte[] line = new byte[512];
  private int lineLength;
  private boolean lastWasCr;
  private boolean firstLine = true;
  private byte[] data = new byte[512];
  private int dataLength;
  private boolean hasData;

  public SseFrames(Listener listener, int maxEventBytes) {
    this.listener = listener;
    this.maxEventBytes = maxEventBytes;
  }

  public void feed(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int start = offset;
    for (int i = offset; i < end; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        if (lastWasCr) {
          lastWasCr = false;
          start = i + 1;
          continue;
        }
        endLine(bytes, start, i - start);
        start = i + 1;
      } else if (b == '\r') {
        endLine(bytes, start, i - start);
        lastWasCr = true;
        start = i + 1;
      } else {
        lastWasCr = false;
      }
    }
    if (end > start) {
      line = append(line, lineLength, bytes, start, end - start);
      lineLength += end - start;
    }
  }

  /** A line ends: taken from the bytes fed just now when nothing of it was held back, else joined first. */
  private void endLine(byte[] bytes, int start, int count) {
    byte[] source = bytes;
    int from = start;
    int length = count;
    if (lineLength > 0) {
      line = append(line, lineLength, bytes, start, count);
      source = line;
      from = 0;
      length = lineLength + count;
      lineLength = 0;
    }
    if (firstLine) {
      firstLine = false;
      if (length >= 3 && (source[from] & 0xFF) == 0xEF && (source[from + 1] & 0xFF) == 0xBB && (source[from + 2] & 0xFF) == 0xBF) {
        from += 3;
        length -= 3;
      }
    }
    if (length == 0) {
      dispatch();
      return;
    }
    if (source[from] == ':') return; // a comment
    if (length >= 5 && source[from] == 'd' && source[from + 1] == 'a' && source[from + 2] == 't' && source[from + 3] == 'a'
        && (length == 4 || source[from + 4] == ':')) {
      int value = from + 5;
      if (value < from + length && source[value] == ' ') value++;
      int valueLength = from + length - value;
      if (hasData) data = append(data, dataLength++, LF, 0, 1);
      data = append(data, dataLength, source, value, valueLength);
      dataLength += valueLength;
      hasData = true;
    } else if (length == 4 && source[from] == 'd' && source[from + 1] == 'a' && source[from + 2] == 't' && source[from + 3] == 'a') {
      if (hasData) data = append(data, dataLength++, LF, 0, 1);
      hasData = true;
    }
    // event, id, retry and unknown fields: the chunk formats do not use them
  }

  private void dispatch() {
    if (!hasData) return;
    int n = dataLength;
    hasData = false;
    dataLength = 0;
    listener.data(data, 0, n);
  }

  /** The stream ended: an event without its blank line is discarded, as the HTML standard says. */
  public void end() {
    lineLength = 0;
    dataLength = 0;
    hasData = false;
  }

  private byte[] append(byte[] target, int used, byte[] source, int from, int count) {
    int needed = used + count;
    if (needed > maxEventBytes) throw new SseException("SSE event longer than " + maxEventBytes + " bytes");
    if (needed > target.length) target = Arrays.copyOf(target, Math.max(needed, target.length * 2));
    System.arraycopy(source, from, target, used, count);
    return target;
  }
}
