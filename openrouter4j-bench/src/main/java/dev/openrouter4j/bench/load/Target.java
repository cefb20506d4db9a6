package dev.openrouter4j.bench.load;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP endpoint under load and the chat request sent to it. The request is encoded once, so
 * sending it costs the load generator a single write. Loopback only: the benchmark never sends
 * traffic anywhere else.
 */
public record Target(String name, String host, int port, String path, String model, Map<String, String> headers) {
  public static final String PROMPT = "Write fifty words about the sea.";

  public Target {
    headers = Map.copyOf(headers);
    if (!isLoopback(host)) throw new IllegalArgumentException("benchmark traffic stays on loopback, not " + host);
  }

  /** {@code http://127.0.0.1:PORT/some/path/chat/completions} with its model and extra headers. */
  public static Target of(String name, String url, String model, Map<String, String> headers) {
    URI uri = URI.create(url);
    if (!"http".equals(uri.getScheme())) throw new IllegalArgumentException("plain http only: " + url);
    return new Target(name, uri.getHost(), uri.getPort(), uri.getRawPath(), model, headers);
  }

  public Target withName(String newName) {
    return new Target(newName, host, port, path, model, headers);
  }

  /** The full request, head and body; {@code extraBody} is raw JSON members appended to the body (or empty). */
  public byte[] request(boolean stream, String extraBody) {
    String body =
        "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}],\"stream\":" + stream
            + (extraBody == null || extraBody.isEmpty() ? "" : "," + extraBody)
            + "}";
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Host", host + ":" + port);
    h.put("Content-Type", "application/json");
    h.put("Accept", stream ? "text/event-stream" : "application/json");
    h.put("Content-Length", Integer.toString(bodyBytes.length));
    h.putAll(headers);
    StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n");
    h.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + bodyBytes.length);
    out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(bodyBytes);
    return out.toByteArray();
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
  }
}
