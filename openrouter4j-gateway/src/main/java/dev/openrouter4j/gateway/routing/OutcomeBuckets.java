package dev.openrouter4j.gateway.routing;

import java.util.Arrays;

/**
 * Success and failure counts in {@code count} fixed-width time buckets, reused round-robin, for
 * uptime over a window in bounded memory. A window of {@code span} buckets covers the current
 * (partial) bucket and the {@code span - 1} before it. Not thread-safe: {@link EndpointHistory}
 * guards it.
 */
final class OutcomeBuckets {
  private final long widthMs;
  private final long[] slot;
  private final int[] successes;
  private final int[] failures;

  OutcomeBuckets(int count, long widthMs) {
    this.widthMs = widthMs;
    this.slot = new long[count];
    this.successes = new int[count];
    this.failures = new int[count];
    Arrays.fill(slot, Long.MIN_VALUE);
  }

  void record(long now, boolean success) {
    long s = Math.floorDiv(now, widthMs);
    int i = (int) Math.floorMod(s, (long) slot.length);
    if (slot[i] != s) {
      slot[i] = s;
      successes[i] = 0;
      failures[i] = 0;
    }
    if (success) successes[i]++;
    else failures[i]++;
  }

  /** Successes over all outcomes in the last {@code span} buckets, or null when there were none. */
  Double successRate(long now, int span) {
    long current = Math.floorDiv(now, widthMs);
    long ok = 0;
    long total = 0;
    for (int i = 0; i < slot.length; i++) {
      if (slot[i] > current - span && slot[i] <= current) {
        ok += successes[i];
        total += successes[i] + failures[i];
      }
    }
    return total == 0 ? null : (double) ok / total;
  }
}
