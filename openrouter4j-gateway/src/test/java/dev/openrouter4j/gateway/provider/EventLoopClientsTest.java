package dev.openrouter4j.gateway.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The per-event-loop upstream pool over a real loopback server that counts the connections it
 * accepts: sequential requests share one connection, concurrent ones open one each and are all
 * reused afterwards, a reset or a {@code Connection: close} answer takes its connection out, and
 * idle connections beyond the keep-alive time are closed.
 */
class EventLoopClientsTest {
  private Vertx vertx;
  private HttpServer server;
  private EventLoopClients clients;
  private Context loop;
  private final AtomicInteger accepted = new AtomicInteger();
  private final Set<Object> live = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer()
        .connectionHandler(c -> {
          accepted.incrementAndGet();
          live.add(c);
          c.closeHandler(v -> live.remove(c));
        })
        .requestHandler(req -> {
          switch (req.path()) {
            case "/slow" -> vertx.setTimer(200, id -> req.response().end("slow"));
            case "/close" -> req.response().putHeader("connection", "close").end("bye");
            case "/hang" -> req.response().setChunked(true).write("part"); // never ends
            default -> req.response().end("ok");
          }
        })
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    clients = new EventLoopClients(vertx, new HttpClientOptions().setKeepAlive(true), new PoolOptions());
    loop = vertx.getOrCreateContext();
  }

  @AfterEach
  void stop() throws Exception {
    clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private RequestOptions to(String path) {
    return new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(server.actualPort()).setURI(path);
  }

  /** One whole exchange: the body as text. */
  private Future<String> fetch(String path) {
    return clients.request(to(path)).compose(req -> req.send()).compose(HttpClientResponse::body).map(Buffer::toString);
  }

  /** Runs on the event loop and waits for the future it returns. */
  private <T> T onLoop(Callable<Future<T>> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    loop.runOnContext(v -> {
      try {
        work.call().onComplete((r, e) -> {
          if (e != null) result.completeExceptionally(e);
          else result.complete(r);
        });
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(10, TimeUnit.SECONDS);
  }

  private int idle() throws Exception {
    return onLoop(() -> Future.succeededFuture(clients.idleConnections(to("/"))));
  }

  @Test
  void sequentialRequestsShareOneConnection() throws Exception {
    for (int i = 0; i < 5; i++) assertEquals("ok", onLoop(() -> fetch("/")));
    assertEquals(1, accepted.get());
    assertEquals(1, idle());
  }

  @Test
  void concurrentRequestsOpenOneEachAndAllAreReusedAfterwards() throws Exception {
    List<String> bodies = onLoop(() -> {
      List<Future<String>> all = new ArrayList<>();
      for (int i = 0; i < 4; i++) all.add(fetch("/slow"));
      return Future.all(all).map(cf -> cf.<String>list());
    });
    assertEquals(List.of("slow", "slow", "slow", "slow"), bodies);
    assertEquals(4, accepted.get());
    assertEquals(4, idle());
    onLoop(() -> {
      List<Future<String>> all = new ArrayList<>();
      for (int i = 0; i < 4; i++) all.add(fetch("/slow"));
      return Future.all(all).map(cf -> cf.<String>list());
    });
    assertEquals(4, accepted.get(), "the second round runs on the pooled connections");
  }

  /** Repeated: the server's close can reach the client after the response's end (a race it once lost). */
  @RepeatedTest(25)
  void aConnectionTheServerClosesIsNotReused() throws Exception {
    assertEquals("bye", onLoop(() -> fetch("/close")));
    assertEquals("ok", onLoop(() -> fetch("/")));
    assertEquals(2, accepted.get());
  }

  @Test
  void aResetRequestClosesItsConnectionInsteadOfPoolingIt() throws Exception {
    onLoop(() -> clients.request(to("/hang")).compose(req -> req.send()).compose(r -> {
      r.request().reset();
      return Future.succeededFuture(r.statusCode());
    }));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!live.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
    assertTrue(live.isEmpty(), "the reset connection is closed");
    assertEquals(0, idle());
    assertEquals("ok", onLoop(() -> fetch("/")));
    assertEquals(2, accepted.get());
  }

  @Test
  void idleConnectionsOlderThanTheKeepAliveTimeAreClosed() throws Exception {
    onLoop(() -> fetch("/"));
    assertEquals(1, idle());
    onLoop(() -> {
      clients.sweepIdle(System.currentTimeMillis() + EventLoopClients.KEEP_ALIVE_MILLIS + 1);
      return Future.succeededFuture(null);
    });
    assertEquals(0, idle());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!live.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
    assertTrue(live.isEmpty(), "the swept connection is closed");
  }

  @Test
  void closingReleasesEveryConnection() throws Exception {
    onLoop(() -> fetch("/"));
    clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!live.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
    assertTrue(live.isEmpty());
  }
}
