package dev.openrouter4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {
  /** A clock that jumps to each deadline, except that one park overshoots by a long stall. */
  static final class FakeClock implements OpenLoopSchedule.Clock {
    long now;
    long stallAt = -1;
    long stallNanos;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void parkUntil(long deadlineNanos) {
      now = Math.max(now, deadlineNanos);
      if (stallAt >= 0 && now >= stallAt) {
        now += stallNanos;
        stallAt = -1;
      }
    }
  }

  @Test
  void requestsAreDueAtStartPlusIOverRate() {
    OpenLoopSchedule s = new OpenLoopSchedule(1_000, 1000, 1_000_000_000L);
    assertEquals(1000, s.count());
    assertEquals(1_000, s.intendedNanos(0));
    assertEquals(1_000 + 1_000_000, s.intendedNanos(1));
    assertEquals(1_000 + 999_000_000, s.intendedNanos(999));
  }

  @Test
  void fractionalRatesKeepTheirAverage() {
    OpenLoopSchedule s = new OpenLoopSchedule(0, 3, 1_000_000_000L);
    assertEquals(3, s.count());
    assertEquals(333_333_333, s.intendedNanos(1));
    assertEquals(666_666_666, s.intendedNanos(2));
  }

  @Test
  void aStalledPacerSendsTheOverdueRequestsAtOnceWithTheirOriginalIntendedTimes() {
    OpenLoopSchedule s = new OpenLoopSchedule(0, 100, 100_000_000L); // 10 requests, 10 ms apart
    FakeClock clock = new FakeClock();
    clock.stallAt = 20_000_000; // while waiting for request 2, the pacer loses 45 ms
    clock.stallNanos = 45_000_000;
    List<long[]> sent = new ArrayList<>();
    long n = s.run(clock, (i, intended) -> sent.add(new long[] {i, intended, clock.nanoTime()}));

    assertEquals(10, n);
    assertEquals(10, sent.size());
    for (long[] e : sent) assertEquals(e[0] * 10_000_000, e[1], "intended time of request " + e[0] + " must not drift");
    // requests 2..6 were due during the stall: all go out at its end, late, instead of being skipped or shifted
    for (int i = 2; i <= 6; i++) assertEquals(65_000_000, sent.get(i)[2]);
    assertEquals(70_000_000, sent.get(7)[2]);
  }

  @Test
  void theLoopIsBoundedByTheSchedule() {
    OpenLoopSchedule s = new OpenLoopSchedule(0, 2000, 250_000_000L);
    FakeClock clock = new FakeClock();
    int[] calls = {0};
    assertEquals(500, s.run(clock, (i, t) -> calls[0]++));
    assertEquals(500, calls[0]);
    org.junit.jupiter.api.Assertions.assertTrue(clock.now < s.endNanos());
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 10, 0));
  }
}
