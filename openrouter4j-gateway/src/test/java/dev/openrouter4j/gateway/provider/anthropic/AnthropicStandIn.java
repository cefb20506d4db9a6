package dev.openrouter4j.gateway.provider.anthropic;

import static java.util.concurrent.TimeUnit.SECONDS;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A loopback server standing in for api.anthropic.com: it records the last request and answers with
 * the queued status and body, written byte for byte in small chunks so the client's parser sees
 * events split at arbitrary points.
 */
final class AnthropicStandIn {
  private static final int CHUNK = 61;

  private final HttpServer server;
  private volatile int status = 200;
  private volatile String contentType = "application/json";
  private volatile byte[] body = new byte[0];
  volatile String method;
  volatile String path;
  volatile MultiMap headers;
  volatile String requestBody;

  AnthropicStandIn(Vertx vertx) throws Exception {
    server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
      method = req.method().name();
      path = req.path();
      headers = req.headers();
      requestBody = b.toString();
      HttpServerResponse res = req.response().setStatusCode(status).putHeader("content-type", contentType).setChunked(true);
      for (int i = 0; i < body.length; i += CHUNK) {
        res.write(Buffer.buffer(Arrays.copyOfRange(body, i, Math.min(body.length, i + CHUNK))));
      }
      res.end();
    }));
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, SECONDS);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Answers the next requests with {@code status} and {@code body}. */
  AnthropicStandIn answer(int status, String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    return this;
  }

  AnthropicStandIn answerJson(int status, String json) {
    return answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers with a recorded fixture: {@code .sse} as an event stream, {@code .json} as JSON. */
  AnthropicStandIn replay(String fixture) {
    String type = fixture.endsWith(".sse") ? "text/event-stream" : "application/json";
    return answer(200, type, fixture(fixture));
  }

  /** A recorded Anthropic body from the shared fixtures, as bytes. */
  static byte[] fixture(String name) {
    Path dir = Path.of(System.getProperty("openrouter4j.shared", "../../shared"), "fixtures", "anthropic");
    try {
      return Files.readAllBytes(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(5, SECONDS);
  }
}
