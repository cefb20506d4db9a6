package dev.openrouter4j.gateway.routing;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The latest latency and throughput samples of one endpoint, with their times. A ring that grows on
 * demand up to {@code capacity}, so an endpoint seen once costs a few bytes, and a busy one keeps
 * only its newest samples (at high rates a 5-minute window is then the last {@code capacity}
 * requests, which is plenty for percentiles). Not thread-safe: {@link EndpointHistory} guards it.
 */
final class SampleWindow {
  private static final int INITIAL_CAPACITY = 16;

  private final int capacity;
  private long[] at = new long[INITIAL_CAPACITY];
  private double[] latencyMs = new double[INITIAL_CAPACITY];
  private double[] throughput = new double[INITIAL_CAPACITY];
  private int next;
  private int size;

  SampleWindow(int capacity) {
    this.capacity = capacity;
  }

  /** NaN stands for "not measured" in either value. */
  void add(long now, double latency, double tokensPerSecond) {
    if (size == at.length && at.length < capacity) grow();
    at[next] = now;
    latencyMs[next] = latency;
    throughput[next] = tokensPerSecond;
    next = (next + 1) % at.length;
    size = Math.min(size + 1, at.length);
  }

  private void grow() {
    // Full and not yet at capacity means next == 0: the samples are in order already.
    int n = Math.min(at.length * 2, capacity);
    at = Arrays.copyOf(at, n);
    latencyMs = Arrays.copyOf(latencyMs, n);
    throughput = Arrays.copyOf(throughput, n);
    next = size;
  }

  /** Latency (ms) at or under which {@code p}% of the samples since {@code since} fall. */
  OptionalDouble latencyPercentile(double p, long since) {
    double[] sorted = measured(latencyMs, since);
    return sorted.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(sorted[rank(p, sorted.length)]);
  }

  /**
   * Throughput (tokens/s) that {@code p}% of the samples since {@code since} reached or exceeded. Both
   * percentiles thus grow stricter with {@code p}: p99 latency is the slow tail, and so is p99
   * throughput, which is how {@code preferred_min_throughput: {p90: …}} reads ("90% of requests at
   * least this fast").
   */
  OptionalDouble throughputPercentile(double p, long since) {
    double[] sorted = measured(throughput, since);
    return sorted.length == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(sorted[sorted.length - 1 - rank(p, sorted.length)]);
  }

  /** Nearest rank: the index of the smallest value with at least {@code p}% of values at or below it. */
  private static int rank(double p, int n) {
    return Math.max(0, (int) Math.ceil(p / 100 * n) - 1);
  }

  private double[] measured(double[] values, long since) {
    double[] out = new double[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (at[i] >= since && !Double.isNaN(values[i])) out[n++] = values[i];
    }
    out = Arrays.copyOf(out, n);
    Arrays.sort(out);
    return out;
  }
}
