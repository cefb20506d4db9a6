package dev.openrouter4j.gateway.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/** The gateway's Prometheus metrics: requests, latency, tokens, and upstream errors by provider. */
public final class GatewayMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public void request(String route, int status, boolean stream, Duration latency) {
    Counter.builder("openrouter4j_requests")
        .description("Requests answered, by route and status")
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
    Timer.builder("openrouter4j_request_duration")
        .description("Time from request to the end of the response")
        .tag("route", route)
        .tag("stream", Boolean.toString(stream))
        .publishPercentiles(0.5, 0.9, 0.99)
        .register(registry)
        .record(latency);
  }

  public void tokens(String model, String provider, long prompt, long completion) {
    Counter.builder("openrouter4j_tokens").tag("model", model).tag("provider", provider).tag("type", "prompt").register(registry).increment(prompt);
    Counter.builder("openrouter4j_tokens").tag("model", model).tag("provider", provider).tag("type", "completion").register(registry).increment(completion);
  }

  public void upstreamError(String provider, int status) {
    Counter.builder("openrouter4j_upstream_errors")
        .description("Failed upstream attempts, by provider and status")
        .tag("provider", provider)
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }
}
