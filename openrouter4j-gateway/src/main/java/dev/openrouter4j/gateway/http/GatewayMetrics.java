package dev.openrouter4j.gateway.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's Prometheus metrics: requests, latency, tokens, and upstream errors by provider.
 * Meters are looked up once per tag combination and kept: registering through a builder on every
 * request (building and sorting the tags, hashing the id) cost microseconds each time.
 */
public final class GatewayMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private record RequestKey(String route, int status) {}

  private record DurationKey(String route, boolean stream) {}

  private record TokenKey(String model, String provider) {}

  private record ErrorKey(String provider, int status) {}

  private record TokenCounters(Counter prompt, Counter completion) {}

  private final ConcurrentHashMap<RequestKey, Counter> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<DurationKey, Timer> durations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<TokenKey, TokenCounters> tokens = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ErrorKey, Counter> upstreamErrors = new ConcurrentHashMap<>();

  public void request(String route, int status, boolean stream, Duration latency) {
    requests.computeIfAbsent(new RequestKey(route, status), k ->
        Counter.builder("openrouter4j_requests")
            .description("Requests answered, by route and status")
            .tag("route", k.route())
            .tag("status", Integer.toString(k.status()))
            .register(registry))
        .increment();
    durations.computeIfAbsent(new DurationKey(route, stream), k ->
        Timer.builder("openrouter4j_request_duration")
            .description("Time from request to the end of the response")
            .tag("route", k.route())
            .tag("stream", Boolean.toString(k.stream()))
            .publishPercentiles(0.5, 0.9, 0.99)
            .register(registry))
        .record(latency.toNanos(), TimeUnit.NANOSECONDS);
  }

  public void tokens(String model, String provider, long prompt, long completion) {
    TokenCounters c = tokens.computeIfAbsent(new TokenKey(model, provider), k -> new TokenCounters(
        Counter.builder("openrouter4j_tokens").tag("model", k.model()).tag("provider", k.provider()).tag("type", "prompt").register(registry),
        Counter.builder("openrouter4j_tokens").tag("model", k.model()).tag("provider", k.provider()).tag("type", "completion").register(registry)));
    c.prompt().increment(prompt);
    c.completion().increment(completion);
  }

  public void upstreamError(String provider, int status) {
    upstreamErrors.computeIfAbsent(new ErrorKey(provider, status), k ->
        Counter.builder("openrouter4j_upstream_errors")
            .description("Failed upstream attempts, by provider and status")
            .tag("provider", k.provider())
            .tag("status", Integer.toString(k.status()))
            .register(registry))
        .increment();
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }
}
