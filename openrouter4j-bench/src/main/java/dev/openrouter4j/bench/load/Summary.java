package dev.openrouter4j.bench.load;

import org.HdrHistogram.Histogram;

/** Percentiles of one latency distribution, in microseconds. */
public record Summary(long count, double mean, long p50, long p90, long p99, long p999, long max) {
  public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0, 0);

  public static Summary of(Histogram h) {
    if (h.getTotalCount() == 0) return EMPTY;
    return new Summary(
        h.getTotalCount(),
        h.getMean(),
        h.getValueAtPercentile(50),
        h.getValueAtPercentile(90),
        h.getValueAtPercentile(99),
        h.getValueAtPercentile(99.9),
        h.getMaxValue());
  }
}
