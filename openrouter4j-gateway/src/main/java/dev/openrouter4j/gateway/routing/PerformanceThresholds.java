package dev.openrouter4j.gateway.routing;

import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.ProviderPreferences.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code preferred_min_throughput} and {@code preferred_max_latency} (ROUTING.md a1): soft, so an
 * endpoint that misses one moves behind all that meet them instead of being dropped, keeping the
 * order within each part. This runs over the whole plan, not per model, so, as OpenRouter documents,
 * a fallback model's fast endpoint can come before the primary model's slow one.
 *
 * <p>A threshold is missed only on evidence: an endpoint without samples in the window keeps its
 * place, or a fresh gateway (or a new endpoint) would never be measured at all.
 */
final class PerformanceThresholds {
  private PerformanceThresholds() {}

  static List<Candidate> demoteSlow(List<Candidate> attempts, ProviderPreferences p, EndpointStats stats, long now) {
    Threshold minThroughput = p.preferredMinThroughput();
    Threshold maxLatency = p.preferredMaxLatency();
    if (minThroughput == null && maxLatency == null) return attempts;
    List<Candidate> meeting = new ArrayList<>();
    List<Candidate> missing = new ArrayList<>();
    for (Candidate c : attempts) {
      boolean ok = fastEnough(c, minThroughput, stats, now) && quickEnough(c, maxLatency, stats, now);
      (ok ? meeting : missing).add(c);
    }
    meeting.addAll(missing);
    return meeting;
  }

  private static boolean fastEnough(Candidate c, Threshold t, EndpointStats stats, long now) {
    if (t == null) return true;
    for (Cutoff cut : cutoffs(t)) {
      OptionalDouble v = stats.throughputPercentile(c.endpointKey(), cut.percentile(), now);
      if (v.isPresent() && v.getAsDouble() < cut.value()) return false;
    }
    return true;
  }

  /** The threshold is in seconds; stats keep milliseconds. */
  private static boolean quickEnough(Candidate c, Threshold t, EndpointStats stats, long now) {
    if (t == null) return true;
    for (Cutoff cut : cutoffs(t)) {
      OptionalDouble v = stats.latencyPercentile(c.endpointKey(), cut.percentile(), now);
      if (v.isPresent() && v.getAsDouble() > cut.value() * 1000) return false;
    }
    return true;
  }

  private record Cutoff(double percentile, double value) {}

  /** A plain number is the p50 cut-off; with several percentiles, all must be met. */
  private static List<Cutoff> cutoffs(Threshold t) {
    List<Cutoff> cuts = new ArrayList<>(4);
    if (t.median() != null) cuts.add(new Cutoff(50, t.median()));
    if (t.p75() != null) cuts.add(new Cutoff(75, t.p75()));
    if (t.p90() != null) cuts.add(new Cutoff(90, t.p90()));
    if (t.p99() != null) cuts.add(new Cutoff(99, t.p99()));
    return cuts;
  }
}
