package dev.openrouter4j.gateway.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.openrouter4j.gateway.account.CreditLedger.Insufficient;
import dev.openrouter4j.gateway.account.CreditLedger.Reservation;
import dev.openrouter4j.gateway.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** limit_reset: a key's limit starts again at each UTC day, ISO week or month; its totals keep counting. */
class CreditLedgerPeriodTest {
  @TempDir Path dir;

  static java.util.stream.Stream<Arguments> resets() {
    // 2026-03-04 is a Wednesday; each case: the last instant of the spending period, the first of the next
    return java.util.stream.Stream.of(Backend.values())
        .flatMap(
            b ->
                java.util.stream.Stream.of(
                    Arguments.of(b, LimitReset.DAILY, "2026-03-04T23:59:59Z", "2026-03-05T00:00:00Z"),
                    Arguments.of(b, LimitReset.WEEKLY, "2026-03-08T23:59:59Z", "2026-03-09T00:00:00Z"),
                    Arguments.of(b, LimitReset.MONTHLY, "2026-03-31T23:59:59Z", "2026-04-01T00:00:00Z")));
  }

  @ParameterizedTest
  @MethodSource("resets")
  void aSpentLimitStartsAgainWithTheNextPeriod(Backend backend, LimitReset reset, String lastOfPeriod, String firstOfNext) throws Exception {
    MutableClock clock = MutableClock.at("2026-03-04T09:00:00Z");
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      KeyStore keys = new KeyStore(db, clock);
      CreditLedger ledger = new CreditLedger(db, clock);
      String hash = keys.create(KeySpec.named("k").withLimit(1.0, reset)).record().hash();
      ledger.settle(assertInstanceOf(Reservation.class, ledger.reserve(hash, 1.0)), 1.0);

      clock.set(Instant.parse(lastOfPeriod));
      assertInstanceOf(Insufficient.class, ledger.reserve(hash, 0.01));
      assertEquals(0.0, keys.get(hash).orElseThrow().limitRemaining());

      clock.set(Instant.parse(firstOfNext));
      ApiKey fresh = keys.get(hash).orElseThrow();
      assertEquals(1.0, fresh.limitRemaining());
      assertEquals(1.0, fresh.usage(), "the total keeps counting");
      Reservation r = assertInstanceOf(Reservation.class, ledger.reserve(hash, 1.0));
      ledger.settle(r, 0.4);
      ApiKey after = keys.get(hash).orElseThrow();
      assertEquals(0.4, after.limitUsage(), 1e-12);
      assertEquals(1.4, after.usage(), 1e-12);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void withoutAResetTheLimitCountsAllUsageEver(Backend backend) throws Exception {
    MutableClock clock = MutableClock.at("2026-03-04T09:00:00Z");
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      KeyStore keys = new KeyStore(db, clock);
      CreditLedger ledger = new CreditLedger(db, clock);
      String hash = keys.create(KeySpec.named("k").withLimit(1.0, null)).record().hash();
      ledger.settle(assertInstanceOf(Reservation.class, ledger.reserve(hash, 1.0)), 1.0);
      clock.set(Instant.parse("2027-01-01T00:00:00Z"));
      assertInstanceOf(Insufficient.class, ledger.reserve(hash, 0.01));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void dailyWeeklyAndMonthlyUsageAreKeptWhateverTheReset(Backend backend) throws Exception {
    MutableClock clock = MutableClock.at("2026-03-04T09:00:00Z"); // Wednesday
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      KeyStore keys = new KeyStore(db, clock);
      CreditLedger ledger = new CreditLedger(db, clock);
      ApiKey key = keys.create(KeySpec.named("k")).record();
      spend(ledger, key, 0.3);
      clock.set(Instant.parse("2026-03-05T12:00:00Z"));
      spend(ledger, key, 0.2);

      ApiKey thursday = keys.get(key.hash()).orElseThrow();
      assertEquals(0.2, thursday.usageDaily(), 1e-12);
      assertEquals(0.5, thursday.usageWeekly(), 1e-12);
      assertEquals(0.5, thursday.usageMonthly(), 1e-12);

      clock.set(Instant.parse("2026-03-09T08:00:00Z")); // the next Monday, nothing spent yet
      ApiKey monday = keys.get(key.hash()).orElseThrow();
      assertEquals(0.0, monday.usageDaily());
      assertEquals(0.0, monday.usageWeekly());
      assertEquals(0.5, monday.usageMonthly(), 1e-12);
      spend(ledger, key, 0.1);
      monday = keys.get(key.hash()).orElseThrow();
      assertEquals(0.1, monday.usageDaily(), 1e-12);
      assertEquals(0.1, monday.usageWeekly(), 1e-12);
      assertEquals(0.6, monday.usageMonthly(), 1e-12);
      assertEquals(0.6, monday.usage(), 1e-12);
    }
  }

  /** An instance whose clock is behind settles into the period another instance already started. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aLaggingClockNeverResetsAPeriodTwice(Backend backend) throws Exception {
    MutableClock ahead = MutableClock.at("2026-03-05T00:00:01Z");
    MutableClock behind = MutableClock.at("2026-03-04T23:59:59Z");
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      KeyStore keys = new KeyStore(db, ahead);
      ApiKey key = keys.create(KeySpec.named("k").withLimit(1.0, LimitReset.DAILY)).record();
      spend(new CreditLedger(db, ahead), key, 0.3);
      spend(new CreditLedger(db, behind), key, 0.2);
      spend(new CreditLedger(db, ahead), key, 0.1);
      assertEquals(0.6, keys.get(key.hash()).orElseThrow().usageDaily(), 1e-12);
    }
  }

  @Test
  void periodsStartOnUtcDaysMondaysAndFirstsOfTheMonth() {
    UsagePeriods p = UsagePeriods.at(Instant.parse("2026-03-08T23:30:00Z"));
    assertEquals("2026-03-08", p.day().toString());
    assertEquals("2026-03-02", p.week().toString());
    assertEquals("2026-03-01", p.month().toString());
    assertEquals("2026-03-02", p.start(LimitReset.WEEKLY).toString());
  }

  private static void spend(CreditLedger ledger, ApiKey key, double usd) {
    ledger.settle(assertInstanceOf(Reservation.class, ledger.reserve(key.hash(), usd)), usd);
  }
}
