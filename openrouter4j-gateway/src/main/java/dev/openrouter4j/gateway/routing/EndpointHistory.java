package dev.openrouter4j.gateway.routing;

import java.util.OptionalDouble;

/** Everything {@link EndpointStats} remembers about one endpoint, behind one lock. */
final class EndpointHistory {
  static final int MAX_SAMPLES = 1024;
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;

  private final SampleWindow samples = new SampleWindow(MAX_SAMPLES);
  private final OutcomeBuckets minutes = new OutcomeBuckets(30, MINUTE);
  private final OutcomeBuckets hours = new OutcomeBuckets(24, HOUR);
  private long lastFailureAt = Long.MIN_VALUE;
  private boolean lastFailed;
  private volatile long lastActivity;

  synchronized void success(double latencyMs, double tokensPerSecond, long now) {
    samples.add(now, latencyMs, tokensPerSecond);
    outcome(now, true);
  }

  synchronized void failure(long now) {
    lastFailureAt = now;
    outcome(now, false);
  }

  private void outcome(long now, boolean success) {
    minutes.record(now, success);
    hours.record(now, success);
    lastFailed = !success;
    lastActivity = now;
  }

  /**
   * An outage is a failure in the last {@code window} ms with no success since: one success is
   * taken as recovery, so an endpoint is not shunned for 30 s after a single blip it has overcome.
   */
  synchronized boolean inOutage(long now, long window) {
    return lastFailed && now - lastFailureAt < window;
  }

  synchronized OptionalDouble latencyPercentile(double p, long since) {
    return samples.latencyPercentile(p, since);
  }

  synchronized OptionalDouble throughputPercentile(double p, long since) {
    return samples.throughputPercentile(p, since);
  }

  synchronized Double uptime5m(long now) {
    return minutes.successRate(now, 5);
  }

  synchronized Double uptime30m(long now) {
    return minutes.successRate(now, 30);
  }

  synchronized Double uptime1d(long now) {
    return hours.successRate(now, 24);
  }

  long lastActivity() {
    return lastActivity;
  }
}
