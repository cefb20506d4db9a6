package dev.openrouter4j;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Clients wired to a {@link MockServer}, with a recording sleeper and a clock that only sleeping moves. */
final class TestClients {
  final List<Duration> sleeps = new ArrayList<>();
  final AtomicLong nanos = new AtomicLong();
  Instant now = Instant.parse("2026-11-22T10:00:00Z");

  OpenRouter.Builder builder(MockServer server) {
    return OpenRouter.builder()
        .apiKey("sk-or-test")
        .serverUrl(server.url("/api/v1"))
        .sleeper(
            d -> {
              sleeps.add(d);
              nanos.addAndGet(d.toNanos());
            })
        .nanoClock(nanos::get)
        .wallClock(() -> now)
        .jitter(() -> 0.0);
  }
}
