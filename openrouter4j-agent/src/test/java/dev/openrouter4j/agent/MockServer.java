package dev.openrouter4j.agent;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted HTTP/1.1 server on loopback: enqueue replies, run the agent, then check the recorded
 * requests. A trimmed copy of the SDK's test server (test classes do not cross modules).
 */
final class MockServer implements AutoCloseable {
  record Recorded(String method, String path, Map<String, String> headers, String body) {}

  /** One scripted answer; {@code parts} go out as chunks when there is more than one. */
  record Reply(int status, String contentType, List<byte[]> parts) {
    static Reply json(int status, String body) {
      return new Reply(status, "application/json", List.of(body.getBytes(StandardCharsets.UTF_8)));
    }

    static Reply sse(List<String> events) {
      List<byte[]> parts = new ArrayList<>();
      for (String e : events) parts.add(e.getBytes(StandardCharsets.UTF_8));
      return new Reply(200, "text/event-stream", parts);
    }
  }

  private final ServerSocket server;
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  MockServer() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread acceptor = new Thread(this::acceptLoop, "mock-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
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

  int requestCount() {
    return requests.size();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
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
        write(reply, out);
      }
    } catch (IOException | InterruptedException e) {
      // the client went away
    }
  }

  private static void write(Reply reply, OutputStream out) throws IOException {
    boolean chunked = reply.parts().size() > 1;
    StringBuilder head = new StringBuilder("HTTP/1.1 " + reply.status() + " X\r\n");
    head.append("Content-Type: ").append(reply.contentType()).append("\r\n");
    if (chunked) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else {
      head.append("Content-Length: ").append(reply.parts().isEmpty() ? 0 : reply.parts().get(0).length).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    for (byte[] part : reply.parts()) {
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
    if (chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
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
