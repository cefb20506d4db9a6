package dev.openrouter4j.gateway.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.gateway.account.CreditLedger.Insufficient;
import dev.openrouter4j.gateway.account.CreditLedger.Reservation;
import dev.openrouter4j.gateway.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CreditLedgerTest {
  static final int THREADS = 50;
  static final int REQUESTS = 20;
  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-04T10:00:00Z");

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aReservationHoldsCreditUntilItIsSettledAtTheActualCost(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      KeyStore keys = new KeyStore(db, clock);
      CreditLedger ledger = new CreditLedger(db, clock);
      String hash = keys.create(KeySpec.named("k").withLimit(1.0, null)).record().hash();

      Reservation r = assertInstanceOf(Reservation.class, ledger.reserve(hash, 0.6));
      assertEquals(0.6, keys.get(hash).orElseThrow().reserved());
      Insufficient no = assertInstanceOf(Insufficient.class, ledger.reserve(hash, 0.5));
      assertEquals(0.4, no.remaining(), 1e-12, "what is neither used nor held");
      assertEquals(0.5, no.requested());

      ledger.settle(r, 0.25);
      ApiKey k = keys.get(hash).orElseThrow();
      assertEquals(0.0, k.reserved());
      assertEquals(0.25, k.usage());
      assertEquals(0.75, k.limitRemaining());
      assertEquals(new CreditLedger.Credits(1.0, 0.25), ledger.credits(hash).orElseThrow());
      assertEquals(0, rows(db, "credit_reservations"));

      ledger.settle(r, 0.25);
      assertEquals(0.0, keys.get(hash).orElseThrow().reserved(), "settling twice releases once");
      assertEquals(0.5, keys.get(hash).orElseThrow().usage(), "but charges both times");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aKeyWithoutALimitIsNeverRefusedAndItsUnmeteredReservationsSkipTheDatabase(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      KeyStore keys = new KeyStore(db, clock);
      CreditLedger ledger = new CreditLedger(db, clock);
      ApiKey key = keys.create(KeySpec.named("free")).record();

      assertInstanceOf(Reservation.class, ledger.reserve(key.hash(), 1e6));
      Reservation unmetered = assertInstanceOf(Reservation.class, ledger.reserve(key, 1e6));
      assertNull(unmetered.id());
      assertEquals(1, rows(db, "credit_reservations"), "only the first reservation was written");

      ledger.settle(unmetered, 2.5);
      ApiKey k = keys.get(key.hash()).orElseThrow();
      assertEquals(2.5, k.usage());
      assertEquals(1e6, k.reserved(), "the metered reservation is still held");
      assertEquals(new CreditLedger.Credits(null, 2.5), ledger.credits(key.hash()).orElseThrow());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aRequestThatCostsMoreThanItsEstimateIsChargedInFull(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      KeyStore keys = new KeyStore(db, clock);
      CreditLedger ledger = new CreditLedger(db, clock);
      String hash = keys.create(KeySpec.named("k").withLimit(0.1, null)).record().hash();

      ledger.settle(assertInstanceOf(Reservation.class, ledger.reserve(hash, 0.05)), 0.12);
      assertEquals(0.12, keys.get(hash).orElseThrow().usage());
      assertEquals(0.0, keys.get(hash).orElseThrow().limitRemaining());
      assertInstanceOf(Insufficient.class, ledger.reserve(hash, 0));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anAbandonedReservationIsReleasedAfterItsTimeToLive(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      KeyStore keys = new KeyStore(db, clock);
      CreditLedger ledger = new CreditLedger(db, clock);
      String hash = keys.create(KeySpec.named("k").withLimit(1.0, null)).record().hash();
      Reservation lost = assertInstanceOf(Reservation.class, ledger.reserve(hash, 0.7));
      clock.advance(Duration.ofMinutes(30));
      Reservation recent = assertInstanceOf(Reservation.class, ledger.reserve(hash, 0.2));

      clock.advance(Duration.ofMinutes(31));
      assertEquals(1, ledger.releaseExpired(CreditLedger.DEFAULT_RESERVATION_TTL));
      assertEquals(0.2, keys.get(hash).orElseThrow().reserved(), 1e-12);
      assertEquals(0, ledger.releaseExpired(CreditLedger.DEFAULT_RESERVATION_TTL));

      ledger.settle(lost, 0.1); // its process was only slow after all: charged, nothing released twice
      ledger.settle(recent, 0.1);
      ApiKey k = keys.get(hash).orElseThrow();
      assertEquals(0.0, k.reserved());
      assertEquals(0.2, k.usage(), 1e-12);
    }
  }

  /**
   * 50 threads × 20 requests against a $1 limit, each reserving and spending $0.01: exactly 100
   * are granted, and the key ends at its limit with nothing held.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void concurrentReservationsGrantExactlyWhatTheLimitHolds(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      KeyStore keys = new KeyStore(db, Clock.systemUTC());
      String hash = keys.create(KeySpec.named("k").withLimit(1.0, LimitReset.DAILY)).record().hash();
      Outcome o = hammer(List.of(new CreditLedger(db, Clock.systemUTC())), hash, 0.01, () -> 0.01);

      assertEquals(100, o.granted);
      ApiKey k = keys.get(hash).orElseThrow();
      assertEquals(1.0, k.usage());
      assertEquals(1.0, k.usageDaily());
      assertEquals(0.0, k.reserved());
      assertEquals(0, rows(db, "credit_reservations"));
    }
  }

  /** Two pools on one database, as two gateway instances sharing it: together they grant exactly the limit. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void twoInstancesSharingTheDatabaseCannotOverspendTogether(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database one = t.connect();
      Database two = t.connect();
      KeyStore keys = new KeyStore(one, Clock.systemUTC());
      String hash = keys.create(KeySpec.named("k").withLimit(0.5, null)).record().hash();
      Outcome o = hammer(List.of(new CreditLedger(one, Clock.systemUTC()), new CreditLedger(two, Clock.systemUTC())), hash, 0.01, () -> 0.01);

      assertEquals(50, o.granted);
      ApiKey k = keys.get(hash).orElseThrow();
      assertEquals(0.5, k.usage());
      assertEquals(0.0, k.reserved());
      assertEquals(0, rows(two, "credit_reservations"));
    }
  }

  /**
   * Two instances again, with actual costs anywhere within their estimates: the key never goes
   * over its limit (so never by more than one estimate), nothing is left held, and its usage is
   * exactly the sum of what was charged (no update lost).
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void costsBelowTheirEstimatesAreAllChargedAndStayWithinTheLimit(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database one = t.connect();
      Database two = t.connect();
      KeyStore keys = new KeyStore(one, Clock.systemUTC());
      String hash = keys.create(KeySpec.named("k").withLimit(0.5, null)).record().hash();
      double estimate = 0.01;
      Outcome o =
          hammer(
              List.of(new CreditLedger(one, Clock.systemUTC()), new CreditLedger(two, Clock.systemUTC())),
              hash,
              estimate,
              () -> ThreadLocalRandom.current().nextInt(0, 101) / 10_000.0);

      ApiKey k = keys.get(hash).orElseThrow();
      assertTrue(o.granted >= 50, "at least the limit's worth of estimates was granted: " + o.granted);
      assertTrue(k.usage() <= 0.5 + estimate, "overspent by more than one estimate: " + k.usage());
      assertTrue(k.usage() <= 0.5, "with actual costs within their estimates the limit holds: " + k.usage());
      assertEquals(o.charged, BigDecimal.valueOf(k.usage()).setScale(10));
      assertEquals(0.0, k.reserved());
      assertEquals(0, rows(two, "credit_reservations"));
    }
  }

  record Outcome(int granted, BigDecimal charged) {}

  /** THREADS threads, REQUESTS each, spread over the ledgers: reserve, then settle at {@code actual}. */
  static Outcome hammer(List<CreditLedger> ledgers, String hash, double estimate, java.util.function.DoubleSupplier actual) throws Exception {
    AtomicInteger granted = new AtomicInteger();
    List<Future<BigDecimal>> futures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int i = 0; i < THREADS; i++) {
        CreditLedger ledger = ledgers.get(i % ledgers.size());
        futures.add(
            pool.submit(
                () -> {
                  BigDecimal charged = BigDecimal.ZERO.setScale(10);
                  for (int j = 0; j < REQUESTS; j++) {
                    if (ledger.reserve(hash, estimate) instanceof Reservation r) {
                      granted.incrementAndGet();
                      double cost = actual.getAsDouble();
                      ledger.settle(r, cost);
                      charged = charged.add(Money.of(cost));
                    }
                  }
                  return charged;
                }));
      }
      BigDecimal charged = BigDecimal.ZERO.setScale(10);
      for (Future<BigDecimal> f : futures) charged = charged.add(f.get());
      return new Outcome(granted.get(), charged);
    } finally {
      pool.shutdownNow();
    }
  }

  static int rows(Database db, String table) {
    return db.withConnection("count", c -> {
      try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }
}
