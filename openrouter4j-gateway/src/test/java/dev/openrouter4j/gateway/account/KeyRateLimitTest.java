package dev.openrouter4j.gateway.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.gateway.store.Database;
import io.github.bucket4j.TimeMeter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Per-key requests per minute: the token bucket, in memory on H2 and shared on PostgreSQL. */
class KeyRateLimitTest {
  static final String KEY = "k".repeat(64);
  @TempDir Path dir;
  final ManualTime time = new ManualTime();

  /** A wall clock that only moves when told, so refills are exact. */
  static final class ManualTime implements TimeMeter {
    private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

    void advance(Duration d) {
      nanos.addAndGet(d.toNanos());
    }

    @Override
    public long currentTimeNanos() {
      return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aKeyGetsItsRateThenWaitsForTheNextToken(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      RateLimiter limiter = RateLimiter.forDatabase(t.connect(), time);
      assertEquals(backend == Backend.POSTGRESQL, limiter.isShared());
      for (int i = 0; i < 5; i++) {
        RateLimiter.Decision d = limiter.acquire(KEY, 5);
        assertTrue(d.allowed(), "request " + i);
        assertEquals(4 - i, d.remaining());
      }
      RateLimiter.Decision refused = limiter.acquire(KEY, 5);
      assertFalse(refused.allowed());
      assertEquals(12, refused.retryAfterSeconds(), "5 a minute: one every 12 seconds");

      time.advance(Duration.ofSeconds(11));
      assertEquals(1, limiter.acquire(KEY, 5).retryAfterSeconds(), "rounded up, never 0");
      time.advance(Duration.ofSeconds(1));
      assertTrue(limiter.acquire(KEY, 5).allowed());
      assertFalse(limiter.acquire(KEY, 5).allowed());

      assertTrue(limiter.acquire("o".repeat(64), 5).allowed(), "another key has its own bucket");
      assertTrue(limiter.acquire(KEY, 6).allowed(), "a new rate starts a new, full bucket");
    }
  }

  /** Two pools on one PostgreSQL database, as two instances: 10 a minute between them, not 10 each. */
  @Test
  void instancesSharingPostgreSqlShareTheLimit() throws Exception {
    try (TestDatabase t = TestDatabase.open(Backend.POSTGRESQL, dir)) {
      List<RateLimiter> limiters = List.of(RateLimiter.forDatabase(t.connect(), time), RateLimiter.forDatabase(t.connect(), time));
      ExecutorService threads = Executors.newFixedThreadPool(8);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          RateLimiter limiter = limiters.get(i % 2);
          results.add(threads.submit(() -> limiter.acquire(KEY, 10).allowed()));
        }
        int allowed = 0;
        for (Future<Boolean> f : results) allowed += f.get() ? 1 : 0;
        assertEquals(10, allowed);
      } finally {
        threads.shutdownNow();
      }
      RateLimiter.Decision refused = limiters.get(1).acquire(KEY, 10);
      assertFalse(refused.allowed());
      assertEquals(6, refused.retryAfterSeconds());
      time.advance(Duration.ofSeconds(6));
      assertTrue(limiters.get(1).acquire(KEY, 10).allowed());
      assertFalse(limiters.get(0).acquire(KEY, 10).allowed());
    }
  }

  @Test
  void bucketsThatHaveRefilledAreForgottenInMemory() {
    RateLimiter limiter = RateLimiter.local(time);
    limiter.acquire(KEY, 60);
    limiter.acquire("o".repeat(64), 60);
    assertEquals(0, limiter.removeExpired(), "still refilling");
    time.advance(Duration.ofSeconds(60));
    assertEquals(2, limiter.removeExpired());
    assertEquals(59, limiter.acquire(KEY, 60).remaining(), "a forgotten bucket starts full");
  }

  /**
   * A shared bucket's row expires a second after the bucket would be full again (Bucket4j's
   * clean-up compares with the real wall clock, so this test waits for it).
   */
  @Test
  void bucketRowsThatHaveRefilledAreDeletedFromPostgreSql() throws Exception {
    try (TestDatabase t = TestDatabase.open(Backend.POSTGRESQL, dir)) {
      Database db = t.connect();
      RateLimiter limiter = RateLimiter.forDatabase(db);
      limiter.acquire(KEY, 6_000); // full again in 10 ms
      limiter.acquire("o".repeat(64), 1); // full again in a minute
      assertEquals(2, CreditLedgerTest.rows(db, "rate_limit_buckets"));
      Thread.sleep(1_500);

      assertEquals(1, limiter.removeExpired());
      assertEquals(1, CreditLedgerTest.rows(db, "rate_limit_buckets"));
      assertFalse(limiter.acquire("o".repeat(64), 1).allowed(), "the live bucket is kept");
    }
  }
}
