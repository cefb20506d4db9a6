package dev.openrouter4j.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests whose response has not ended yet, so a graceful shutdown can wait for them
 * (streams included) instead of trusting the server's own idea of "idle".
 */
public final class InFlight {
  private final AtomicInteger count = new AtomicInteger();

  /** Wraps a handler so each request counts until its response is disposed. */
  public Handler<HttpServerRequest> track(Handler<HttpServerRequest> handler) {
    return request -> {
      count.incrementAndGet();
      AtomicBoolean done = new AtomicBoolean();
      Handler<Void> finished = v -> {
        if (done.compareAndSet(false, true)) count.decrementAndGet();
      };
      // Vert.x calls the end handler when the response is disposed: ended, or its connection closed.
      // (The close handler is the generation pipeline's, to cancel the upstream.)
      request.response().endHandler(finished);
      handler.handle(request);
    };
  }

  public int count() {
    return count.get();
  }

  /** Completes when nothing is in flight, or when {@code grace} has passed. */
  public Future<Void> drained(Vertx vertx, Duration grace) {
    Promise<Void> promise = Promise.promise();
    long deadline = System.nanoTime() + grace.toNanos();
    if (count.get() == 0 || grace.isZero()) return Future.succeededFuture();
    vertx.setPeriodic(20, id -> {
      if (count.get() == 0 || System.nanoTime() >= deadline) {
        vertx.cancelTimer(id);
        promise.tryComplete();
      }
    });
    return promise.future();
  }
}
