package dev.openrouter4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {
  /** Returns at most {@code step} bytes per read and advances a fake clock by 1000 ns per read. */
  static final class Trickle extends InputStream {
    private final byte[] data;
    private final int step;
    private int pos;
    long reads;

    Trickle(String text, int step) {
      this.data = text.getBytes(StandardCharsets.UTF_8);
      this.step = step;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == data.length) return -1;
      int n = Math.min(Math.min(step, len), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      reads++;
      return n;
    }
  }

  static String chunked(String... pieces) {
    StringBuilder sb = new StringBuilder();
    for (String p : pieces) {
      sb.append(Integer.toHexString(p.getBytes(StandardCharsets.UTF_8).length)).append("\r\n").append(p).append("\r\n");
    }
    return sb.append("0\r\n\r\n").toString();
  }

  static final String HEAD_SSE = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n";
  static final String ROLE = "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";
  static final String TOKEN = "data: {\"choices\":[{\"delta\":{\"content\":\"Lorem\"}}]}\n\n";
  static final String DONE = "data: [DONE]\n\n";

  @Test
  void aChunkedStreamSplitAnywhereGivesFirstContentAndDoneTimes() throws IOException {
    for (int step = 1; step <= 64; step++) {
      Trickle in = new Trickle(HEAD_SSE + chunked(": OPENROUTER PROCESSING\n\n", ROLE, TOKEN + TOKEN, DONE), step);
      long[] clock = {0};
      ResponseReader r = new ResponseReader(in, 16, () -> clock[0] += 1000);
      r.readHead();
      assertEquals(200, r.status());
      SseScanner s = new SseScanner();
      r.readBody(s);
      assertTrue(r.reusable());
      assertTrue(s.sawDone(), "step " + step);
      assertFalse(s.sawError());
      assertEquals(4, s.dataEvents());
      assertTrue(s.firstContentNanos() > 0 && s.firstContentNanos() < s.doneNanos(), "step " + step);
    }
  }

  @Test
  void theRoleChunkWithEmptyContentIsNotTheFirstToken() {
    byte[] role = ROLE.getBytes(StandardCharsets.UTF_8);
    byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
    assertFalse(SseScanner.hasContent(role, 0, role.length));
    assertTrue(SseScanner.hasContent(token, 0, token.length));
    byte[] spaced = "{\"content\" : \"x\"}".getBytes(StandardCharsets.UTF_8);
    assertTrue(SseScanner.hasContent(spaced, 0, spaced.length));
  }

  @Test
  void aMidStreamErrorIsNoticed() throws IOException {
    String error = "data: {\"error\":{\"code\":502,\"message\":\"boom\"},\"choices\":[{\"finish_reason\":\"error\"}]}\n\n";
    ResponseReader r = new ResponseReader(new Trickle(HEAD_SSE + chunked(TOKEN, error, DONE), 7), 32, System::nanoTime);
    r.readHead();
    SseScanner s = new SseScanner();
    r.readBody(s);
    assertTrue(s.sawError());
  }

  @Test
  void aContentLengthBodyIsReadExactlyAndTheConnectionStaysUsable() throws IOException {
    String body = "{\"id\":\"x\",\"choices\":[]}";
    String two = "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body + "HTTP/1.1 429 Too Many\r\ncontent-length: 2\r\n\r\n{}";
    Trickle in = new Trickle(two, 5);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[8];
    ResponseReader r = new ResponseReader(in, buffer, System::nanoTime);
    r.readHead();
    r.readBody((b, o, l, t) -> got.write(b, o, l));
    assertEquals(body, got.toString(StandardCharsets.UTF_8));
    assertTrue(r.reusable());
  }

  @Test
  void connectionCloseAndHttp10AreNotReusable() throws IOException {
    ResponseReader r = new ResponseReader(new Trickle("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 100), 64, System::nanoTime);
    r.readHead();
    assertFalse(r.reusable());
    ResponseReader old = new ResponseReader(new Trickle("HTTP/1.0 200 OK\r\n\r\nbody until the end", 100), 64, System::nanoTime);
    old.readHead();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    old.readBody((b, o, l, t) -> got.write(b, o, l));
    assertEquals("body until the end", got.toString(StandardCharsets.UTF_8));
    assertFalse(old.reusable());
  }

  @Test
  void interimResponsesAreSkipped() throws IOException {
    ResponseReader r = new ResponseReader(new Trickle("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", 3), 64, System::nanoTime);
    r.readHead();
    assertEquals(204, r.status());
  }
}
