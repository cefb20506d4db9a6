package dev.openrouter4j.gateway.routing;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live health and speed of each endpoint, keyed by {@link Candidate#endpointKey()}: what default
 * load balancing (outages), {@code sort: throughput|latency} and the {@code preferred_*} thresholds
 * read, and what {@code /metrics} and {@code /endpoints} show. Thread-safe; every method takes the
 * current time so that tests and the planner agree on one clock.
 *
 * <p>Memory is bounded twice over: each endpoint keeps at most {@value EndpointHistory#MAX_SAMPLES}
 * samples and minute/hour counters, and at most {@code maxEndpoints} endpoints are tracked, the one
 * idle longest making room for a new one. The second bound matters because wildcard models turn
 * client-chosen ids into keys.
 */
public final class EndpointStats {
  /** ROUTING.md a3: providers with an outage in the last 30 seconds go last. */
  public static final long OUTAGE_WINDOW_MS = 30_000;
  /** ROUTING.md a1: latency and throughput are judged over a rolling 5-minute window. */
  public static final long PERFORMANCE_WINDOW_MS = 5 * 60_000;

  public static final int DEFAULT_MAX_ENDPOINTS = 10_000;

  private final ConcurrentHashMap<String, EndpointHistory> histories = new ConcurrentHashMap<>();
  private final int maxEndpoints;

  public EndpointStats() {
    this(DEFAULT_MAX_ENDPOINTS);
  }

  public EndpointStats(int maxEndpoints) {
    if (maxEndpoints < 1) throw new IllegalArgumentException("maxEndpoints < 1");
    this.maxEndpoints = maxEndpoints;
  }

  /**
   * A served request. {@code latencyMs} is the time to the first token; {@code tokensPerSecond} the
   * generation speed after it. Pass NaN for a value that was not measured.
   */
  public void recordSuccess(String key, double latencyMs, double tokensPerSecond, long nowMillis) {
    history(key).success(latencyMs, tokensPerSecond, nowMillis);
  }

  /** A failed attempt of the kind that makes the router fall back (see {@link FallbackPolicy}). */
  public void recordFailure(String key, long nowMillis) {
    history(key).failure(nowMillis);
  }

  /** A failure in the last {@link #OUTAGE_WINDOW_MS} and no success since. */
  public boolean hadRecentOutage(String key, long nowMillis) {
    EndpointHistory h = histories.get(key);
    return h != null && h.inOutage(nowMillis, OUTAGE_WINDOW_MS);
  }

  /** Time to first token (ms) that {@code p}% of recent requests stayed at or under; empty without samples. */
  public OptionalDouble latencyPercentile(String key, double p, long nowMillis) {
    checkPercentile(p);
    EndpointHistory h = histories.get(key);
    return h == null ? OptionalDouble.empty() : h.latencyPercentile(p, windowStart(nowMillis));
  }

  /**
   * Throughput (tokens/s) that {@code p}% of recent requests reached or exceeded, so p90 ≤ p50;
   * empty without samples.
   */
  public OptionalDouble throughputPercentile(String key, double p, long nowMillis) {
    checkPercentile(p);
    EndpointHistory h = histories.get(key);
    return h == null ? OptionalDouble.empty() : h.throughputPercentile(p, windowStart(nowMillis));
  }

  /** One endpoint's figures, or null when it has none. */
  public Snapshot snapshot(String key, long nowMillis) {
    EndpointHistory h = histories.get(key);
    return h == null ? null : snapshot(key, h, nowMillis);
  }

  /** Every tracked endpoint's figures, by key. */
  public Map<String, Snapshot> snapshot(long nowMillis) {
    Map<String, Snapshot> out = new TreeMap<>();
    histories.forEach((key, h) -> out.put(key, snapshot(key, h, nowMillis)));
    return out;
  }

  /**
   * Uptime is the fraction of successful outcomes (bucketed by minute for 5m/30m, by hour for 1d);
   * latency in ms and throughput in tokens/s are over the last 5 minutes. Null means no data.
   */
  public record Snapshot(
      String endpointKey,
      Double uptime5m,
      Double uptime30m,
      Double uptime1d,
      Double latencyP50Ms,
      Double latencyP90Ms,
      Double throughputP50,
      Double throughputP90,
      boolean outage) {}

  private Snapshot snapshot(String key, EndpointHistory h, long now) {
    long since = windowStart(now);
    return new Snapshot(
        key,
        h.uptime5m(now),
        h.uptime30m(now),
        h.uptime1d(now),
        boxed(h.latencyPercentile(50, since)),
        boxed(h.latencyPercentile(90, since)),
        boxed(h.throughputPercentile(50, since)),
        boxed(h.throughputPercentile(90, since)),
        h.inOutage(now, OUTAGE_WINDOW_MS));
  }

  private EndpointHistory history(String key) {
    EndpointHistory h = histories.get(key);
    if (h != null) return h;
    h = histories.computeIfAbsent(key, k -> new EndpointHistory());
    if (histories.size() > maxEndpoints) evictIdlest(key);
    return h;
  }

  /** A linear scan, but only when a new key arrives at a full map. */
  private void evictIdlest(String keep) {
    String idlest = null;
    long oldest = Long.MAX_VALUE;
    for (Map.Entry<String, EndpointHistory> e : histories.entrySet()) {
      if (!e.getKey().equals(keep) && e.getValue().lastActivity() < oldest) {
        oldest = e.getValue().lastActivity();
        idlest = e.getKey();
      }
    }
    if (idlest != null) histories.remove(idlest);
  }

  private static long windowStart(long now) {
    return now - PERFORMANCE_WINDOW_MS;
  }

  private static void checkPercentile(double p) {
    if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
  }

  private static Double boxed(OptionalDouble d) {
    return d.isPresent() ? d.getAsDouble() : null;
  }
}
