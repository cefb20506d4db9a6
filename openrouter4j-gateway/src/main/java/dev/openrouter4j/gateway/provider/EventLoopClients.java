package dev.openrouter4j.gateway.provider;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One upstream {@link HttpClient} per event loop. Vert.x's pool leases any idle connection to any
 * caller, and a connection stays on the event loop that opened it: with one shared client, a stream
 * read on one loop was handed to the request's loop for every chunk (a queued task and a wake-up
 * each). A client used from one event loop only opens and reuses connections on that loop.
 */
public final class EventLoopClients {
  private final Vertx vertx;
  private final HttpClientOptions options;
  private final PoolOptions pool;
  private final ConcurrentHashMap<Thread, HttpClient> byLoop = new ConcurrentHashMap<>();
  /** For callers that are not on an event loop (workers, tests calling from their own thread). */
  private final HttpClient shared;

  public EventLoopClients(Vertx vertx, HttpClientOptions options, PoolOptions pool) {
    this.vertx = vertx;
    this.options = options;
    this.pool = pool;
    this.shared = vertx.createHttpClient(options, pool);
  }

  /** The client of the calling event loop. */
  public HttpClient current() {
    if (!Context.isOnEventLoopThread()) return shared;
    Thread loop = Thread.currentThread();
    HttpClient client = byLoop.get(loop);
    return client != null ? client : byLoop.computeIfAbsent(loop, t -> vertx.createHttpClient(options, pool));
  }

  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    closing.add(shared.close());
    for (HttpClient c : byLoop.values()) closing.add(c.close());
    return Future.join(closing).mapEmpty();
  }
}
