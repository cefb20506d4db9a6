package dev.openrouter4j.gateway.provider;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upstream connections, pooled per event loop. A connection stays on the event loop that opened it,
 * so a stream read on one loop and answered on another would cost a queued task and a wake-up per
 * chunk: each loop keeps its own connections and only that loop uses them.
 *
 * <p>The pool is ours, not Vert.x's: Vert.x's connection selector scans every connection of the pool
 * (busy and idle) on each request. After a burst left thousands of idle connections (they live for
 * the keep-alive time), that scan took a quarter of the gateway's CPU at 1,000 requests/s (a JFR
 * profile; docs/BENCHMARKS.md). Here an idle connection is taken from the head of a deque (the most
 * recently used, still warm) and given back there when its response has ended, so a request costs
 * the same however many connections are open; a sweep closes those idle longer than {@link
 * #KEEP_ALIVE_MILLIS}, and more than {@link #MAX_IDLE} idle ones per upstream are not kept.
 */
public final class EventLoopClients {
  /** How long an idle connection is kept: the JDK and Vert.x default to about a minute as well. */
  static final long KEEP_ALIVE_MILLIS = 30_000;

  /** Idle connections kept per upstream and event loop; a burst's extra ones are closed as they free up. */
  static final int MAX_IDLE = 1024;

  private final Vertx vertx;
  private final HttpClientOptions options;
  private final ConcurrentHashMap<Thread, LoopPool> byLoop = new ConcurrentHashMap<>();
  /** For callers that are not on an event loop (workers, tests calling from their own thread). */
  private final HttpClient shared;

  private volatile boolean closed;

  /**
   * Connections the shared client may open to one upstream: one per open stream, so the pool must
   * not cap how many streams run at once (Vert.x's default is 5).
   */
  static final int SHARED_MAX_CONNECTIONS = 16_384;

  /** With the shared client's pool at {@link #SHARED_MAX_CONNECTIONS}, as the providers use it. */
  public EventLoopClients(Vertx vertx, HttpClientOptions options) {
    this(vertx, options, new PoolOptions().setHttp1MaxSize(SHARED_MAX_CONNECTIONS));
  }

  public EventLoopClients(Vertx vertx, HttpClientOptions options, PoolOptions pool) {
    this.vertx = vertx;
    this.options = options;
    this.shared = vertx.createHttpClient(options, pool);
  }

  /**
   * A request to the upstream {@code options} names, on an idle connection of the calling event loop
   * or a new one. The connection goes back to the pool when the response has been read to its end;
   * a request reset or failed closes it.
   */
  public Future<HttpClientRequest> request(RequestOptions options) {
    if (closed) return Future.failedFuture(new IllegalStateException("the upstream client is closed"));
    if (!Context.isOnEventLoopThread()) return shared.request(options);
    Thread loop = Thread.currentThread();
    LoopPool pool = byLoop.get(loop);
    if (pool == null) pool = byLoop.computeIfAbsent(loop, t -> new LoopPool(vertx.getOrCreateContext()));
    return pool.request(options);
  }

  /** Idle connections of the calling event loop to the upstream {@code options} names (for tests). */
  int idleConnections(RequestOptions options) {
    LoopPool pool = byLoop.get(Thread.currentThread());
    if (pool == null) return 0;
    ArrayDeque<Pooled> idle = pool.idle.get(key(options));
    return idle == null ? 0 : (int) idle.stream().filter(p -> !p.closed).count();
  }

  /** Runs the calling event loop's sweep as if it were {@code now} (for tests). */
  void sweepIdle(long now) {
    LoopPool pool = byLoop.get(Thread.currentThread());
    if (pool != null) pool.sweep(now);
  }

  public Future<Void> close() {
    closed = true;
    List<Future<Void>> closing = new ArrayList<>();
    closing.add(shared.close());
    for (LoopPool pool : byLoop.values()) {
      Promise<Void> done = Promise.promise();
      pool.context.runOnContext(v -> pool.close().onComplete(done));
      closing.add(done.future());
    }
    return Future.join(closing).mapEmpty();
  }

  private static String key(RequestOptions o) {
    return (Boolean.TRUE.equals(o.isSsl()) ? "https://" : "http://") + o.getHost() + ":" + port(o);
  }

  private static int port(RequestOptions o) {
    Integer port = o.getPort();
    return port != null && port > 0 ? port : Boolean.TRUE.equals(o.isSsl()) ? 443 : 80;
  }

  /** A connection and, while it waits in the pool, since when. */
  private static final class Pooled {
    final HttpClientConnection connection;
    long idleSince;
    boolean closed;

    Pooled(HttpClientConnection connection) {
      this.connection = connection;
    }
  }

  /** One event loop's connections. Used from that loop's thread only, so nothing here is locked. */
  private final class LoopPool {
    final Context context;
    final HttpClientAgent agent;
    final Map<String, ArrayDeque<Pooled>> idle = new HashMap<>();
    final Set<Pooled> open = new HashSet<>();
    final long sweeper;

    LoopPool(Context context) {
      this.context = context;
      // un-pooled connections only (connect()); keep-alive and timeouts come from the options
      this.agent = vertx.createHttpClient(options);
      this.sweeper = vertx.setPeriodic(KEEP_ALIVE_MILLIS / 3, id -> sweep(System.currentTimeMillis()));
    }

    Future<HttpClientRequest> request(RequestOptions o) {
      String key = key(o);
      Pooled reused = takeIdle(key);
      if (reused != null) return send(key, reused, o);
      HttpConnectOptions connect = new HttpConnectOptions()
          .setHost(o.getHost())
          .setPort(port(o))
          .setSsl(Boolean.TRUE.equals(o.isSsl()))
          .setConnectTimeout(options.getConnectTimeout());
      return agent.connect(connect).compose(c -> {
        Pooled p = new Pooled(c);
        open.add(p);
        c.closeHandler(v -> {
          p.closed = true;
          open.remove(p);
        });
        return send(key, p, o);
      });
    }

    private Future<HttpClientRequest> send(String key, Pooled p, RequestOptions o) {
      return p.connection.request(o).andThen(ar -> {
        if (ar.failed()) {
          p.connection.close();
          return;
        }
        HttpClientRequest req = ar.result();
        // back to the pool once the whole response has arrived, unless the server said it closes
        // the connection (its close may not have reached us yet); a reset or a failure closes it
        req.response().compose(r -> r.end().map(v -> reusable(r))).onComplete(done -> {
          if (done.succeeded() && done.result() && !p.closed && !closed) giveBack(key, p);
          else if (!p.closed) p.connection.close();
        });
      });
    }

    /** HTTP/1.1 keeps the connection unless told {@code close}; HTTP/1.0 only when told {@code keep-alive}. */
    private static boolean reusable(HttpClientResponse r) {
      String connection = r.getHeader("connection");
      if (r.version() == HttpVersion.HTTP_1_0) return "keep-alive".equalsIgnoreCase(connection);
      return connection == null || !connection.toLowerCase(java.util.Locale.ROOT).contains("close");
    }

    private Pooled takeIdle(String key) {
      ArrayDeque<Pooled> q = idle.get(key);
      if (q == null) return null;
      Pooled p;
      while ((p = q.pollFirst()) != null) {
        if (!p.closed) return p;
      }
      return null;
    }

    private void giveBack(String key, Pooled p) {
      ArrayDeque<Pooled> q = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
      if (q.size() >= MAX_IDLE) {
        p.connection.close();
        return;
      }
      p.idleSince = System.currentTimeMillis();
      q.addFirst(p);
    }

    /** Closes connections idle too long: the oldest are at each deque's tail. */
    void sweep(long now) {
      for (ArrayDeque<Pooled> q : idle.values()) {
        Pooled p;
        while ((p = q.peekLast()) != null && (p.closed || now - p.idleSince > KEEP_ALIVE_MILLIS)) {
          q.pollLast();
          if (!p.closed) p.connection.close();
        }
      }
    }

    Future<Void> close() {
      vertx.cancelTimer(sweeper);
      for (Pooled p : List.copyOf(open)) p.connection.close();
      idle.clear();
      return agent.close();
    }
  }
}
