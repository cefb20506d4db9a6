package dev.openrouter4j.gateway;

import dev.openrouter4j.gateway.provider.openai.ResponsesFixtures;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for an upstream provider on loopback, speaking whatever bytes a test scripts (real
 * recorded bodies, mostly). Scripted replies are served in order, then a script chosen by the
 * request's path ({@link #serving}, e.g. an upstream that serves both {@code /chat/completions} and
 * {@code /responses}), then the fallback; requests are recorded.
 */
final class StandInUpstream implements AutoCloseable {
  record Recorded(String method, String path, Map<String, String> headers, String body) {}

  /** One scripted answer: status, content type, body parts with a delay before each, then maybe a cut. */
  record Reply(int status, String contentType, List<String> parts, Duration delay, boolean cut, Duration stallHeaders, Map<String, String> headers, boolean hang) {
    static Reply json(int status, String body) {
      return new Reply(status, "application/json", List.of(body), Duration.ZERO, false, Duration.ZERO, Map.of(), false);
    }

    static Reply sse(String... parts) {
      return new Reply(200, "text/event-stream", List.of(parts), Duration.ZERO, false, Duration.ZERO, Map.of(), false);
    }

    Reply delayEach(Duration d) {
      return new Reply(status, contentType, parts, d, cut, stallHeaders, headers, hang);
    }

    Reply thenCut() {
      return new Reply(status, contentType, parts, delay, true, stallHeaders, headers, false);
    }

    /** After the last part the answer neither ends nor is cut: it waits until the client goes. */
    Reply thenHang() {
      return new Reply(status, contentType, parts, delay, false, stallHeaders, headers, true);
    }

    Reply stallHeaders(Duration d) {
      return new Reply(status, contentType, parts, delay, cut, d, headers, hang);
    }

    Reply header(String name, String value) {
      Map<String, String> h = new java.util.LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, contentType, parts, delay, cut, stallHeaders, h, hang);
    }
  }

  private final Vertx vertx;
  private final HttpServer server;
  private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
  final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
  final AtomicInteger closedConnections = new AtomicInteger();
  private Function<Recorded, Reply> fallback = r -> Reply.json(500, "{\"error\":{\"message\":\"no reply scripted\"}}");
  /** Scripts by the end of the request path ({@code /responses}, {@code /chat/completions}), asked before {@link #fallback}. */
  private final Map<String, Function<Recorded, Reply>> routes = new java.util.concurrent.ConcurrentHashMap<>();

  StandInUpstream(Vertx vertx) throws Exception {
    this.vertx = vertx;
    this.server =
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(this::handle)
            .connectionHandler(c -> c.closeHandler(v -> closedConnections.incrementAndGet()))
            .listen()
            .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/v1";
  }

  StandInUpstream enqueue(Reply reply) {
    replies.add(reply);
    return this;
  }

  /** Served whenever the queue is empty. */
  StandInUpstream always(Reply reply) {
    fallback = r -> reply;
    return this;
  }

  /** Served whenever the queue is empty: the reply {@code script} chooses for each request. */
  StandInUpstream answering(Function<Recorded, Reply> script) {
    fallback = script;
    return this;
  }

  /** Served whenever the queue is empty and the request's path ends with {@code pathSuffix}: the reply {@code script} chooses. */
  StandInUpstream serving(String pathSuffix, Function<Recorded, Reply> script) {
    routes.put(pathSuffix, script);
    return this;
  }

  /**
   * A Responses API upstream replaying a recorded answer: the stream fixture as it was recorded
   * when the request streams, else {@code whole} (a recorded body) or, without one, the response
   * the stream ends with.
   */
  static Function<Recorded, Reply> responsesReplay(String streamFixture, String whole) {
    return r -> {
      boolean stream;
      try {
        stream = dev.openrouter4j.api.Json.mapper().readTree(r.body()).path("stream").asBoolean();
      } catch (java.io.IOException e) {
        return Reply.json(400, "{\"error\":{\"message\":\"not JSON\"}}");
      }
      if (stream) return Reply.sse(ResponsesFixtures.sse(streamFixture));
      return Reply.json(200, whole != null ? ResponsesFixtures.read(whole) : ResponsesFixtures.finalResponse(streamFixture));
    };
  }

  Recorded take() throws InterruptedException {
    Recorded r = requests.poll(5, TimeUnit.SECONDS);
    if (r == null) throw new AssertionError("the upstream received no request");
    return r;
  }

  private void handle(HttpServerRequest req) {
    req.body().onSuccess(body -> {
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      req.headers().forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue()));
      Recorded recorded = new Recorded(req.method().name(), req.path(), headers, body.toString());
      requests.add(recorded);
      Reply reply = replies.poll();
      if (reply == null) {
        Function<Recorded, Reply> script = fallback;
        for (Map.Entry<String, Function<Recorded, Reply>> route : routes.entrySet()) {
          if (recorded.path().endsWith(route.getKey())) script = route.getValue();
        }
        try {
          reply = script.apply(recorded);
        } catch (RuntimeException e) { // a script that cannot read the request must not leave the caller hanging
          reply = Reply.json(500, "{\"error\":{\"message\":\"the stand-in could not answer: " + e.getClass().getSimpleName() + "\"}}");
        }
      }
      Reply r = reply;
      if (r.stallHeaders().isZero()) respond(req, r);
      else vertx.setTimer(r.stallHeaders().toMillis(), id -> respond(req, r));
    });
  }

  private void respond(HttpServerRequest req, Reply r) {
    var res = req.response();
    if (res.closed()) return;
    res.setStatusCode(r.status()).putHeader("content-type", r.contentType());
    r.headers().forEach(res::putHeader);
    boolean streamed = r.parts().size() > 1 || !r.delay().isZero() || r.cut() || r.hang();
    if (!streamed) {
      res.end(r.parts().isEmpty() ? "" : r.parts().get(0));
      return;
    }
    res.setChunked(true);
    writeParts(req, r, new ArrayList<>(r.parts()), 0);
  }

  private void writeParts(HttpServerRequest req, Reply r, List<String> parts, int i) {
    var res = req.response();
    if (res.closed()) return;
    if (i >= parts.size()) {
      if (r.hang()) return;
      if (r.cut()) req.connection().close();
      else res.end();
      return;
    }
    Runnable write = () -> {
      if (res.closed()) return;
      res.write(Buffer.buffer(parts.get(i)));
      writeParts(req, r, parts, i + 1);
    };
    if (r.delay().isZero()) write.run();
    else vertx.setTimer(r.delay().toMillis(), id -> write.run());
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
