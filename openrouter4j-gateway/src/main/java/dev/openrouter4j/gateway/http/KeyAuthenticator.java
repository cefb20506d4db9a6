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

/**
 * The authenticate stage with API keys. While there is no management key and no key exists, this is
 * local open mode (any bearer, the server on loopback only); once either exists, every request
 * needs a valid key: the management key ({@code OPENROUTER4J_ADMIN_KEY}, compared in constant time)
 * or a key of the {@link KeyStore}. A missing or unknown key is 401, a disabled one 403.
 *
 * <p>A key that authenticated is remembered for {@code ttl} (by its hash, which is the SHA-256 of
 * the secret), so the database is not asked on every request; {@link #invalidate} forgets it at
 * once when the key is changed or deleted through this gateway. Another instance sharing the
 * database sees such a change within {@code ttl}.
 */
public final class KeyAuthenticator implements Authenticator {
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

  private record Cached(ApiKey key, long expiresNanos) {}

  private final Vertx vertx;
  private final KeyStore keys;
  private final ManagementKey management;
  private final long ttlNanos;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private volatile boolean keysOn;

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
    cache.remove(hash);
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
    return vertx
        .executeBlocking(() -> keys.authenticate(secret), false)
        .compose(found -> {
          if (found.isEmpty()) return Future.failedFuture(unauthorized("User not found."));
          cache.put(hash, new Cached(found.get(), System.nanoTime() + ttlNanos));
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
