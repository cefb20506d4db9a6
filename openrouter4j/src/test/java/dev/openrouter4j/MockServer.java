package dev.openrouter4j;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP/1.1 server on loopback for the SDK's tests, written on raw sockets so a test can do
 * what a well-behaved server never does: cut the connection mid-body, stall, or send garbage.
 * Enqueue responses, make calls, then check the recorded requests.
 */
final class MockServer implements AutoCloseable {
  record Recorded(String method, String path, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** One scripted answer. {@code parts} are written in order, {@code delay} before each. */
  record Reply(
      int status,
      Map<String, String> headers,
      List<byte[]> parts,
      Duration delay,
      boolean cutAfterParts,
      Duration stallBeforeHeaders,
      Duration holdOpen) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), List.of(bytes(body)), Duration.ZERO, false, Duration.ZERO, Duration.ZERO);
    }

    static Reply sse(String... events) {
      List<byte[]> parts = new ArrayList<>();
      for (String e : events) parts.add(bytes(e));
      return new Reply(200, Map.of("Content-Type", "text/event-stream"), parts, Duration.ZERO, false, Duration.ZERO, Duration.ZERO);
    }

    static Reply raw(int status, String contentType, String body) {
      return new Reply(status, Map.of("Content-Type", contentType), List.of(bytes(body)), Duration.ZERO, false, Duration.ZERO, Duration.ZERO);
    }

    Reply header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, parts, delay, cutAfterParts, stallBeforeHeaders, holdOpen);
    }

    /** Waits this long before each part: the client sees the stream arrive piece by piece. */
    Reply delayEachPart(Duration d) {
      return new Reply(status, headers, parts, d, cutAfterParts, stallBeforeHeaders, holdOpen);
    }

    /** Closes the socket after the parts, without ending the chunked body. */
    Reply thenCut() {
      return new Reply(status, headers, parts, delay, true, stallBeforeHeaders, holdOpen);
    }

    Reply stall(Duration d) {
      return new Reply(status, headers, parts, delay, cutAfterParts, d, holdOpen);
    }

    /** Keeps the body open this long after the parts, as a server that lingers after [DONE]. */
    Reply holdOpen(Duration d) {
      return new Reply(status, headers, parts, delay, cutAfterParts, stallBeforeHeaders, d);
    }

    private static byte[] bytes(String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }

  private final ServerSocket server;
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean closed;

  MockServer() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(this::acceptLoop, "mock-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  int port() {
    return server.getLocalPort();
  }

  MockServer enqueue(Reply reply) {
    replies.add(reply);
    return this;
  }

  Recorded takeRequest() throws InterruptedException {
    Recorded r = requests.poll(5, TimeUnit.SECONDS);
    if (r == null) throw new AssertionError("no request arrived");
    return r;
  }

  /** Connections the server has accepted so far: a client that reuses its connection opens one. */
  int connectionCount() {
    return accepted.get();
  }

  int requestCount() {
    return requests.size();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        accepted.incrementAndGet();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "mock-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (!closed) {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) return;
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
          int c = line.indexOf(':');
          headers.put(line.substring(0, c).trim().toLowerCase(Locale.ROOT), line.substring(c + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        requests.add(new Recorded(parts[0], parts[1], headers, body));
        Reply reply = replies.poll(5, TimeUnit.SECONDS);
        if (reply == null) reply = Reply.json(500, "{\"error\":{\"code\":500,\"message\":\"no reply enqueued\"}}");
        if (!write(reply, out)) return;
      }
    } catch (IOException | InterruptedException e) {
      // the client went away; that is what some tests do
    }
  }

  /** False when the connection must not be reused. */
  private boolean write(Reply reply, OutputStream out) throws IOException, InterruptedException {
    if (!reply.stallBeforeHeaders().isZero()) Thread.sleep(reply.stallBeforeHeaders().toMillis());
    boolean chunked =
        reply.parts().size() > 1 || reply.cutAfterParts() || !reply.delay().isZero() || !reply.holdOpen().isZero();
    StringBuilder head = new StringBuilder("HTTP/1.1 " + reply.status() + " X\r\n");
    reply.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (chunked) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else {
      head.append("Content-Length: ").append(reply.parts().isEmpty() ? 0 : reply.parts().get(0).length).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    for (byte[] part : reply.parts()) {
      if (!reply.delay().isZero()) Thread.sleep(reply.delay().toMillis());
      if (chunked) {
        if (part.length == 0) continue;
        out.write((Integer.toHexString(part.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(part);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        out.write(part);
      }
      out.flush();
    }
    if (!reply.holdOpen().isZero()) Thread.sleep(reply.holdOpen().toMillis());
    if (reply.cutAfterParts()) return false;
    if (chunked) {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    return true;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') break;
      if (b != '\r') buf.write(b);
    }
    if (b == -1 && buf.size() == 0) return null;
    return buf.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Socket s : open) s.close();
  }
}
