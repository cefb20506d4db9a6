package dev.openrouter4j.gateway.account;

import dev.openrouter4j.gateway.store.Database;
import dev.openrouter4j.gateway.store.StorageException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each key's requests per minute, as a Bucket4j token bucket: {@code rpm} tokens that refill
 * evenly over a minute, one per request. On PostgreSQL the buckets live in {@code
 * rate_limit_buckets} (Bucket4j's select-for-update proxy manager), so every gateway instance that
 * shares the database draws from the same bucket; on H2, which one process owns, they live in
 * memory. A key's bucket is per rate: changing a key's rate starts it on a fresh, full bucket.
 *
 * <p>{@link #acquire} blocks on the database in the shared case (one short transaction: select the
 * key's row for update, write it back): call it off the event loop.
 */
public final class RateLimiter {
  /** Allowed, or refused with the seconds until a request would be allowed (HTTP 429 Retry-After). */
  public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final ProxyManager<String> shared;
  private final Map<String, Bucket> local;
  private final TimeMeter time;

  private RateLimiter(ProxyManager<String> shared, TimeMeter time) {
    this.shared = shared;
    this.local = shared == null ? new ConcurrentHashMap<>() : null;
    this.time = time;
  }

  /** Shared buckets on a PostgreSQL database, in-memory ones on H2. */
  public static RateLimiter forDatabase(Database db) {
    return forDatabase(db, TimeMeter.SYSTEM_MILLISECONDS);
  }

  /**
   * As {@link #forDatabase(Database)} on a given clock. Instances sharing a database must use a
   * wall clock ({@link TimeMeter#SYSTEM_MILLISECONDS}), since they compare each other's timestamps.
   */
  public static RateLimiter forDatabase(Database db, TimeMeter time) {
    return db.kind() == Database.Kind.POSTGRESQL ? shared(db, time) : local(time);
  }

  /** Buckets in this process's memory only. */
  public static RateLimiter local(TimeMeter time) {
    return new RateLimiter(null, Objects.requireNonNull(time, "time == null"));
  }

  private static RateLimiter shared(Database db, TimeMeter time) {
    PostgreSQLSelectForUpdateBasedProxyManager<String> manager =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(db.dataSource())
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            // a bucket that has refilled to full is the same as no bucket: its row may go a second later
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
            .clientClock(time)
            .build();
    return new RateLimiter(manager, time);
  }

  public boolean isShared() {
    return shared != null;
  }

  /** Takes one request from the key's bucket at {@code requestsPerMinute}. */
  public Decision acquire(String keyHash, int requestsPerMinute) {
    if (requestsPerMinute <= 0) throw new IllegalArgumentException("requestsPerMinute must be > 0, not " + requestsPerMinute);
    String id = keyHash + ":" + requestsPerMinute;
    ConsumptionProbe probe;
    if (shared == null) {
      probe = local.computeIfAbsent(id, k -> Bucket.builder().addLimit(limit(requestsPerMinute)).withCustomTimePrecision(time).build()).tryConsumeAndReturnRemaining(1);
    } else {
      BucketConfiguration config = BucketConfiguration.builder().addLimit(limit(requestsPerMinute)).build();
      try {
        probe = shared.getProxy(id, () -> config).tryConsumeAndReturnRemaining(1);
      } catch (RuntimeException e) {
        throw e instanceof StorageException s ? s : new StorageException("rate limit of key " + keyHash, e);
      }
    }
    if (probe.isConsumed()) return new Decision(true, probe.getRemainingTokens(), 0);
    long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
    return new Decision(false, 0, Math.max(1, seconds));
  }

  /**
   * Forgets buckets that have refilled to full (they would start full anyway); returns how many.
   * Call it now and then: the in-memory map, and the shared table, otherwise keep one row per key
   * and rate. (The shared table's expiry is Bucket4j's, against this machine's wall clock.)
   */
  public int removeExpired() {
    if (shared == null) {
      int[] removed = {0};
      local.entrySet().removeIf(e -> {
        long rpm = Long.parseLong(e.getKey().substring(e.getKey().lastIndexOf(':') + 1));
        boolean full = e.getValue().getAvailableTokens() >= rpm;
        if (full) removed[0]++;
        return full;
      });
      return removed[0];
    }
    int total = 0;
    for (int n; (n = ((PostgreSQLSelectForUpdateBasedProxyManager<String>) shared).removeExpired(1000)) > 0; ) total += n;
    return total;
  }

  private static Bandwidth limit(int rpm) {
    return Bandwidth.builder().capacity(rpm).refillGreedy(rpm, MINUTE).build();
  }
}
