package dev.openrouter4j.bench.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reads one HTTP/1.1 response from a connection: status line, headers, and a body framed by
 * {@code Content-Length}, chunked encoding, or the end of the connection. Body bytes go to a {@link
 * BodySink} together with the time the read that delivered them returned, which is as close to
 * "arrived" as user space gets. Only what a benchmark needs: no header values are kept but the
 * framing ones.
 */
final class ResponseReader {
  /** Receives the body as it arrives. */
  interface BodySink {
    void bytes(byte[] buffer, int offset, int length, long arrivedNanos);
  }

  private static final int MAX_LINE = 64 * 1024;

  private final InputStream in;
  private final LongSupplier clock;
  private final byte[] buf;
  private int pos;
  private int lim;
  private long lastReadNanos;
  private boolean anyByteRead;

  private int status;
  private long contentLength;
  private boolean chunked;
  private boolean connectionClose;

  ResponseReader(InputStream in, int bufferSize, LongSupplier clock) {
    this(in, new byte[bufferSize], clock);
  }

  /** Reads through {@code buffer}, which a connection may reuse for each of its responses (one at a time). */
  ResponseReader(InputStream in, byte[] buffer, LongSupplier clock) {
    this.in = in;
    this.clock = clock;
    this.buf = buffer;
  }

  int status() {
    return status;
  }

  /** Whether the connection can carry another request after this response's body was read. */
  boolean reusable() {
    return !connectionClose && (chunked || contentLength >= 0);
  }

  /** True once any byte of the response arrived (a reused connection that fails before that was stale). */
  boolean anyByteRead() {
    return anyByteRead;
  }

  /** Reads the status line and headers; skips interim 1xx responses. */
  void readHead() throws IOException {
    while (true) {
      String statusLine = line();
      if (!statusLine.startsWith("HTTP/1.")) throw new IOException("not an HTTP/1.x response: " + abbreviate(statusLine));
      int sp = statusLine.indexOf(' ');
      status = Integer.parseInt(statusLine.substring(sp + 1, Math.min(statusLine.length(), sp + 4)));
      boolean http10 = statusLine.startsWith("HTTP/1.0");
      contentLength = -1;
      chunked = false;
      connectionClose = http10;
      String header;
      while (!(header = line()).isEmpty()) {
        int colon = header.indexOf(':');
        if (colon < 0) continue;
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> contentLength = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> {
            String v = value.toLowerCase(Locale.ROOT);
            if (v.contains("close")) connectionClose = true;
            if (v.contains("keep-alive")) connectionClose = false;
          }
          default -> {}
        }
      }
      if (status >= 100 && status < 200) continue;
      if (status == 204 || status == 304) contentLength = 0;
      return;
    }
  }

  /** Reads the whole body into {@code sink}. */
  void readBody(BodySink sink) throws IOException {
    if (chunked) {
      while (true) {
        String sizeLine = line();
        int semi = sizeLine.indexOf(';');
        long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
        if (size == 0) {
          while (!line().isEmpty()) {
            // trailers
          }
          return;
        }
        copy(size, sink);
        if (!line().isEmpty()) throw new IOException("chunk not followed by CRLF");
      }
    } else if (contentLength >= 0) {
      copy(contentLength, sink);
    } else {
      while (true) {
        if (pos == lim && !fill()) return;
        sink.bytes(buf, pos, lim - pos, lastReadNanos);
        pos = lim;
      }
    }
  }

  private void copy(long n, BodySink sink) throws IOException {
    while (n > 0) {
      if (pos == lim && !fill()) throw new EOFException("connection closed inside the body");
      int take = (int) Math.min(n, lim - pos);
      sink.bytes(buf, pos, take, lastReadNanos);
      pos += take;
      n -= take;
    }
  }

  private String line() throws IOException {
    StringBuilder sb = null;
    while (true) {
      if (pos == lim && !fill()) throw new EOFException("connection closed" + (anyByteRead ? " inside the response" : ""));
      for (int i = pos; i < lim; i++) {
        if (buf[i] == '\n') {
          int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
          String part = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
          pos = i + 1;
          if (sb == null) return part;
          sb.append(part);
          int n = sb.length();
          if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
          return sb.toString();
        }
      }
      if (sb == null) sb = new StringBuilder();
      sb.append(new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1));
      pos = lim;
      if (sb.length() > MAX_LINE) throw new IOException("header line longer than " + MAX_LINE);
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n < 0) return false;
    lastReadNanos = clock.getAsLong();
    anyByteRead = true;
    pos = 0;
    lim = n;
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
