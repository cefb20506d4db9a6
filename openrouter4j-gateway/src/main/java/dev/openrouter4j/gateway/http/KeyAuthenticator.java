package dev.openrouter4j.gateway.http;

import dev.openrouter4j.gateway.account.ApiKey;
import dev.openrouter4j.gateway.account.KeyStore;
import dev.openrouter4j.gateway.account.ManagementKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The authenticate stage with API keys. While there is no management key and no key exists, this is
 * local open mode (any bearer, the server on loopback only); once either exists, every request
 * needs a valid key: the management key ({@code OPENROUTER4J_ADMIN_KEY}, compared in constant time)
 * or a key of the {@link KeyStore}. A missing or unknown key is 401, a disabled one 403.
 *
 * <p>A key that authenticated is remembered for {@code ttl} (by its hash, which is the SHA-256 of
 * the secret), so the database is not asked on every request; {@link #invalidate} forgets it at
 * once when the key is changed or deleted through this gateway. Every change also raises the
 * database's key-change counter ({@link KeyStore#changes}), which {@link #watchChanges} reads every
 * {@link #CHANGE_POLL}: when it moved, the whole cache is forgotten, so another instance sharing the
 * database honours a change within about that long ({@code ttl} is the backstop should the
 * database not answer).
 */
public final class KeyAuthenticator implements Authenticator {
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
  public static final Duration CHANGE_POLL = Duration.ofSeconds(1);
  private static final System.Logger LOG = System.getLogger(KeyAuthenticator.class.getName());

  private record Cached(ApiKey key, long expiresNanos) {}

  private final Vertx vertx;
  private final KeyStore keys;
  private final ManagementKey management;
  private final long ttlNanos;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  // raised by every invalidation: a lookup that started before one must not cache what it read
  private final AtomicLong epoch = new AtomicLong();
  private volatile boolean keysOn;
  private long watchTimer = -1;
  private volatile long seenChanges = Long.MIN_VALUE;
  private volatile boolean polling;
  private volatile boolean pollFailing;

  /** {@code management} may be null; {@code keysExist} says whether the store already holds a key. */
  public KeyAuthenticator(Vertx vertx, KeyStore keys, ManagementKey management, boolean keysExist, Duration ttl) {
    this.vertx = vertx;
    this.keys = keys;
    this.management = management;
    this.ttlNanos = ttl.toNanos();
    this.keysOn = management != null || keysExist;
  }

  /** False in local open mode. */
  public boolean keysRequired() {
    return keysOn;
  }

  public boolean hasManagementKey() {
    return management != null;
  }

  /** A key was created: from now on every request needs a key. */
  public void keyCreated() {
    keysOn = true;
  }

  /** Forgets a key's cached record (after it was changed or deleted). */
  public void invalidate(String hash) {
    epoch.incrementAndGet();
    cache.remove(hash);
  }

  /** Forgets every cached key (another instance changed one). */
  void forgetAll() {
    epoch.incrementAndGet();
    cache.clear();
  }

  /** Reads the key-change counter every {@code interval}, on a worker, until {@link #close}. */
  public synchronized void watchChanges(Duration interval) {
    if (watchTimer >= 0) return;
    watchTimer = vertx.setPeriodic(interval.toMillis(), id -> pollChanges());
  }

  private void pollChanges() {
    if (polling) return; // the last read has not come back: the database is slow
    polling = true;
    vertx.executeBlocking(keys::changes, false).onComplete(ar -> {
      polling = false;
      if (ar.failed()) {
        if (!pollFailing) LOG.log(System.Logger.Level.WARNING, "cannot read key changes; cached keys expire after their TTL", ar.cause());
        pollFailing = true;
        return;
      }
      pollFailing = false;
      long changes = ar.result();
      if (changes != seenChanges) {
        seenChanges = changes; // the first read too: a change may have come between a lookup and it
        forgetAll();
      }
    });
  }

  /** Stops watching for changes. */
  public synchronized void close() {
    if (watchTimer >= 0) vertx.cancelTimer(watchTimer);
    watchTimer = -1;
  }

  @Override
  public Future<Caller> authenticate(HttpServerRequest request) {
    String secret = bearer(request);
    if (secret == null) return Future.failedFuture(unauthorized("No auth credentials found"));
    if (!keysOn) return Future.succeededFuture(Caller.local());
    if (management != null && management.matches(secret)) return Future.succeededFuture(Caller.managementKey());
    String hash = KeyStore.hash(secret);
    Cached cached = cache.get(hash);
    if (cached != null && cached.expiresNanos - System.nanoTime() > 0) return check(cached.key);
    long before = epoch.get();
    return vertx
        .executeBlocking(() -> keys.authenticate(secret), false)
        .compose(found -> {
          if (found.isEmpty()) return Future.failedFuture(unauthorized("User not found."));
          Cached entry = new Cached(found.get(), System.nanoTime() + ttlNanos);
          cache.put(hash, entry);
          // invalidated while this was read: what was read may be the old key
          if (epoch.get() != before) cache.remove(hash, entry);
          return check(found.get());
        });
  }

  private static Future<Caller> check(ApiKey key) {
    if (key.disabled()) {
      return Future.failedFuture(new ApiError(403, "This API key is disabled", Map.of("error_type", "forbidden"), -1));
    }
    return Future.succeededFuture(Caller.of(key));
  }

  static String bearer(HttpServerRequest request) {
    String auth = request.getHeader("authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    String secret = auth.substring(7).strip();
    return secret.isEmpty() ? null : secret;
  }

  static ApiError unauthorized(String message) {
    return new ApiError(401, message, Map.of("error_type", "authentication"), -1);
  }
}
