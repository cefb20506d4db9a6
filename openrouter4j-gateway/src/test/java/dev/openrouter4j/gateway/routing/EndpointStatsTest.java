package dev.openrouter4j.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EndpointStatsTest {
  static final long T0 = 1_700_000_000_000L;
  static final String K = "p|m|m";
  static final long SECOND = 1000;
  static final long MINUTE = 60 * SECOND;

  final EndpointStats stats = new EndpointStats();

  /** Samples 1..100 ms and 1..100 tokens/s, in shuffled order. */
  void record1To100(long at) {
    for (int i = 0; i < 100; i++) {
      int v = (i * 37) % 100 + 1;
      stats.recordSuccess(K, v, v, at);
    }
  }

  @Test
  void latencyPercentilesUseTheNearestRank() {
    record1To100(T0);
    assertEquals(OptionalDouble.of(50), stats.latencyPercentile(K, 50, T0));
    assertEquals(OptionalDouble.of(90), stats.latencyPercentile(K, 90, T0));
    assertEquals(OptionalDouble.of(99), stats.latencyPercentile(K, 99, T0));
    assertEquals(OptionalDouble.of(100), stats.latencyPercentile(K, 100, T0));
  }

  @Test
  void throughputPercentilesCountFromTheFastestSoHigherPercentilesAreStricter() {
    record1To100(T0);
    // p90 = 11: 90 of the 100 requests reached at least 11 tokens/s.
    assertEquals(OptionalDouble.of(51), stats.throughputPercentile(K, 50, T0));
    assertEquals(OptionalDouble.of(11), stats.throughputPercentile(K, 90, T0));
    assertEquals(OptionalDouble.of(2), stats.throughputPercentile(K, 99, T0));
  }

  @Test
  void anUnknownEndpointHasNoFigures() {
    assertTrue(stats.latencyPercentile(K, 50, T0).isEmpty());
    assertTrue(stats.throughputPercentile(K, 50, T0).isEmpty());
    assertFalse(stats.hadRecentOutage(K, T0));
    assertNull(stats.snapshot(K, T0));
  }

  @Test
  void samplesOlderThanFiveMinutesDropOutOfThePercentiles() {
    stats.recordSuccess(K, 1000, 10, T0);
    stats.recordSuccess(K, 100, 50, T0 + 2 * MINUTE);
    assertEquals(OptionalDouble.of(1000), stats.latencyPercentile(K, 99, T0 + 5 * MINUTE));
    assertEquals(OptionalDouble.of(100), stats.latencyPercentile(K, 99, T0 + 5 * MINUTE + 1));
    assertEquals(OptionalDouble.of(50), stats.throughputPercentile(K, 99, T0 + 5 * MINUTE + 1));
    assertTrue(stats.latencyPercentile(K, 50, T0 + 8 * MINUTE).isEmpty());
  }

  @Test
  void unmeasuredValuesAreLeftOutOfTheirPercentileOnly() {
    stats.recordSuccess(K, 200, Double.NaN, T0);
    assertEquals(OptionalDouble.of(200), stats.latencyPercentile(K, 50, T0));
    assertTrue(stats.throughputPercentile(K, 50, T0).isEmpty());
  }

  @Test
  void onlyTheNewest1024SamplesAreKept() {
    for (int i = 0; i < 1024; i++) stats.recordSuccess(K, 10_000, 1, T0);
    for (int i = 0; i < 1024; i++) stats.recordSuccess(K, 5, 1, T0 + i);
    assertEquals(OptionalDouble.of(5), stats.latencyPercentile(K, 100, T0 + 2000));
    stats.recordSuccess(K, 7, 1, T0 + 2000);
    assertEquals(OptionalDouble.of(7), stats.latencyPercentile(K, 100, T0 + 2000));
  }

  @Test
  void percentilesOutsideZeroToHundredAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> stats.latencyPercentile(K, 0, T0));
    assertThrows(IllegalArgumentException.class, () -> stats.throughputPercentile(K, 101, T0));
  }

  @Test
  void aFailureIsAnOutageForThirtySeconds() {
    stats.recordSuccess(K, 100, 10, T0);
    stats.recordFailure(K, T0 + SECOND);
    assertTrue(stats.hadRecentOutage(K, T0 + SECOND));
    assertTrue(stats.hadRecentOutage(K, T0 + 30 * SECOND));
    assertFalse(stats.hadRecentOutage(K, T0 + 31 * SECOND));
  }

  @Test
  void aSuccessAfterTheFailureEndsTheOutage() {
    stats.recordFailure(K, T0);
    stats.recordSuccess(K, 100, 10, T0 + SECOND);
    assertFalse(stats.hadRecentOutage(K, T0 + 2 * SECOND));
    stats.recordFailure(K, T0 + 3 * SECOND);
    assertTrue(stats.hadRecentOutage(K, T0 + 4 * SECOND));
  }

  @Test
  void uptimeIsTheSuccessFractionOverFiveMinutesThirtyMinutesAndADay() {
    long start = 0; // a whole hour and minute, so bucket edges are where the test expects them
    stats.recordFailure(K, start); // 20 hours before "now": counts for the day only
    stats.recordFailure(K, start + 20 * 60 * MINUTE - 20 * MINUTE); // 20 minutes before: 30m and 1d
    long now = start + 20 * 60 * MINUTE;
    stats.recordSuccess(K, 1, 1, now - 2 * MINUTE);
    stats.recordSuccess(K, 1, 1, now);

    EndpointStats.Snapshot s = stats.snapshot(K, now);
    assertEquals(1.0, s.uptime5m());
    assertEquals(2.0 / 3, s.uptime30m(), 1e-9);
    assertEquals(2.0 / 4, s.uptime1d(), 1e-9);
    assertFalse(s.outage());

    EndpointStats.Snapshot dayLater = stats.snapshot(K, now + 25 * 60 * MINUTE);
    assertNull(dayLater.uptime5m());
    assertNull(dayLater.uptime30m());
    assertNull(dayLater.uptime1d());
  }

  @Test
  void theSnapshotCarriesRecentPercentilesAndTheOutageFlag() {
    record1To100(T0);
    stats.recordFailure(K, T0 + SECOND);
    EndpointStats.Snapshot s = stats.snapshot(T0 + 2 * SECOND).get(K);
    assertNotNull(s);
    assertEquals(K, s.endpointKey());
    assertEquals(50.0, s.latencyP50Ms());
    assertEquals(90.0, s.latencyP90Ms());
    assertEquals(51.0, s.throughputP50());
    assertEquals(11.0, s.throughputP90());
    assertEquals(100.0 / 101, s.uptime5m(), 1e-9);
    assertTrue(s.outage());
  }

  @Test
  void atMostMaxEndpointsAreTrackedAndTheIdlestMakesRoom() {
    EndpointStats small = new EndpointStats(2);
    small.recordSuccess("a", 1, 1, T0);
    small.recordSuccess("b", 1, 1, T0 + 1);
    small.recordSuccess("a", 1, 1, T0 + 2);
    small.recordSuccess("c", 1, 1, T0 + 3);
    assertEquals(Set.of("a", "c"), small.snapshot(T0 + 3).keySet());
  }

  @Test
  void concurrentRecordingLosesNoOutcome() throws Exception {
    int threads = 8;
    int perThread = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      boolean failing = t % 4 == 0; // two of eight threads record failures
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                  if (failing) stats.recordFailure(K, T0);
                  else stats.recordSuccess(K, i, i, T0);
                  stats.latencyPercentile(K, 50, T0);
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) f.get();
    pool.shutdown();
    assertEquals(0.75, stats.snapshot(K, T0).uptime5m(), 1e-12);
  }
}
