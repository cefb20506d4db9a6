package dev.openrouter4j.gateway.responses;

import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.gateway.http.ApiError;
import dev.openrouter4j.gateway.store.ResponseStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's Responses state on the event loop: {@link ResponseStore} calls on worker threads
 * (counted, so a shutdown waits for the writes in flight), and this instance's background runs.
 *
 * <p>A background run registers how to cancel it. Every {@link Options#heartbeat} the instance
 * touches its runs' rows (which tells other instances they are alive) and learns which were
 * cancelled elsewhere, and cancels those here; every {@link Options#sweep} it marks failed the
 * unfinished rows whose heartbeat is older than {@link Options#staleAfter}: their instance died.
 */
public final class ResponseState {
  /** The timings of background runs' liveness. */
  public record Options(Duration heartbeat, Duration staleAfter, Duration sweep) {
    public static Options defaults() {
      return new Options(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(5));
    }
  }

  static final String ABANDONED = "The gateway instance running this background response stopped before it finished.";
  public static final String SHUT_DOWN = "The gateway shut down before this background response finished.";

  private final Vertx vertx;
  private final ResponseStore store;
  private final Options options;
  private final Map<String, Runnable> running = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final long heartbeatTimer;
  private final long sweepTimer;

  public ResponseState(Vertx vertx, ResponseStore store, Options options) {
    this.vertx = vertx;
    this.store = store;
    this.options = options;
    this.heartbeatTimer = vertx.setPeriodic(options.heartbeat().toMillis(), id -> heartbeat());
    this.sweepTimer = vertx.setPeriodic(options.sweep().toMillis(), id -> sweep());
  }

  public ResponseStore store() {
    return store;
  }

  /** {@code work} on a worker thread, counted until it ends. */
  public <T> Future<T> blocking(Callable<T> work) {
    inFlight.incrementAndGet();
    return vertx.executeBlocking(work, false).andThen(ar -> inFlight.decrementAndGet());
  }

  /**
   * The conversation before a request with {@code previous_response_id}: 404 when the response (or
   * one before it) is unknown, another key's or deleted; 400 while it is still running.
   */
  public Future<List<InputItem>> conversation(String previousId, String keyHash) {
    return blocking(() -> store.chain(previousId, keyHash)).transform(ar -> {
      if (ar.succeeded()) return Future.succeededFuture(StoredItems.conversation(ar.result()));
      if (ar.cause() instanceof ResponseStore.ChainException e) {
        if (e.unfinished != null) return Future.failedFuture(ApiError.invalidField("previous_response_id", e.getMessage()));
        return Future.failedFuture(new ApiError(404, e.getMessage(), Map.of("error_type", "not_found", "param", "previous_response_id"), -1));
      }
      return Future.failedFuture(ar.cause());
    });
  }

  /** A background run of this instance: {@code cancel} (callable from any thread) stops its upstream work. */
  public void running(String id, Runnable cancel) {
    running.put(id, cancel);
  }

  public void finished(String id) {
    running.remove(id);
  }

  /**
   * Cancels the run here, if it runs here (another instance learns it at its next heartbeat). It
   * stays registered until it has ended ({@link #finished}), its record written.
   */
  public void cancelLocally(String id) {
    Runnable cancel = running.get(id);
    if (cancel != null) cancel.run();
  }

  public int runningCount() {
    return running.size();
  }

  private void heartbeat() {
    Set<String> ids = Set.copyOf(running.keySet());
    if (ids.isEmpty()) return;
    blocking(() -> store.heartbeat(ids))
        .onSuccess(gone -> gone.forEach(this::cancelLocally))
        .onFailure(t -> log("background heartbeat failed", t));
  }

  /** Marks failed what a dead instance left unfinished. */
  public Future<Integer> sweep() {
    return blocking(() -> store.failStale(options.staleAfter(), ABANDONED)).onFailure(t -> log("background sweep failed", t));
  }

  /**
   * The shutdown of this instance: waits up to {@code grace} for its background runs to finish,
   * then marks the rest failed ({@link #SHUT_DOWN}) and cancels their upstream work. Blocking.
   */
  public void drain(Duration grace) throws InterruptedException {
    vertx.cancelTimer(heartbeatTimer);
    vertx.cancelTimer(sweepTimer);
    long deadline = System.nanoTime() + grace.toNanos();
    while (!running.isEmpty() && System.nanoTime() - deadline < 0) Thread.sleep(10);
    for (String id : Set.copyOf(running.keySet())) {
      try {
        store.fail(id, SHUT_DOWN);
      } catch (RuntimeException e) {
        log("cannot mark " + id + " failed", e);
      }
      cancelLocally(id);
    }
    // the cancelled runs end (their generation records queued) before the accounts close
    long ended = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!running.isEmpty() && System.nanoTime() - ended < 0) Thread.sleep(10);
  }

  /** Waits (blocking) until no store call started here is running. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() - deadline > 0) return false;
      Thread.sleep(5);
    }
    return true;
  }

  private static void log(String what, Throwable t) {
    System.getLogger(ResponseState.class.getName()).log(System.Logger.Level.WARNING, what, t);
  }
}
