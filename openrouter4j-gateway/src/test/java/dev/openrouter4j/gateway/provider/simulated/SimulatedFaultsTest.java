package dev.openrouter4j.gateway.provider.simulated;

import static dev.openrouter4j.gateway.provider.simulated.Sim.ask;
import static dev.openrouter4j.gateway.provider.simulated.Sim.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import dev.openrouter4j.gateway.provider.UpstreamException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedFaultsTest {
  private static final long MS = 1_000_000;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    Sim.await(vertx.close());
  }

  @Test
  void statusFaultFailsOpenWithARetryableUpstreamExceptionAfterTtft() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of("fault", "status:503", "ttft_ms", 30));
    long started = System.nanoTime();
    Throwable t = Sim.failure(provider.open(upstream(ask("hi").build())));

    UpstreamException e = assertInstanceOf(UpstreamException.class, t);
    assertEquals(503, e.status());
    assertTrue(e.retryable());
    assertEquals("provider_overloaded", e.errorType());
    assertTrue(System.nanoTime() - started >= 30 * MS);
  }

  @Test
  void aClientErrorStatusIsNotRetryable() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of());
    Throwable t = Sim.failure(provider.open(upstream(ask("hi").build(), Map.of("x-simulate-fault", "status:400"))));
    assertFalse(assertInstanceOf(UpstreamException.class, t).retryable());
  }

  @Test
  void timeoutFaultFailsOnlyWhenTheProvidersTimeoutHasPassed() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of("fault", "timeout"), 100);
    long started = System.nanoTime();
    Future<UpstreamCall> open = provider.open(upstream(ask("hi").build()));
    Throwable t = Sim.failure(open);

    UpstreamException e = assertInstanceOf(UpstreamException.class, t);
    assertEquals(408, e.status());
    assertTrue(e.retryable());
    assertTrue(System.nanoTime() - started >= 100 * MS);
  }

  @Test
  void timeoutFaultWithoutATimeoutNeverAnswersUntilTheProviderCloses() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of("fault", "timeout", "ttft_ms", 10), 0);
    Future<UpstreamCall> open = provider.open(upstream(ask("hi").build()));
    Future<UpstreamCall> slow = provider.open(upstream(ask("hi").build(), Map.of("x-simulate-fault", "none", "x-simulate-ttft-ms", "5000")));
    Sim.await(vertx.timer(50));
    assertFalse(open.isComplete());

    Sim.await(provider.close());
    assertFalse(open.isComplete(), "nothing to release: it was never going to answer");
    assertEquals(502, assertInstanceOf(UpstreamException.class, Sim.failure(slow)).status(), "a pending ttft is released");
  }

  @Test
  void cutAfterBreaksTheCallAfterThatManyTokens() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of("fault", "cut_after:3", "tokens_per_second", 500));
    RecordingSink sink = Sim.run(provider, upstream(ask("hi").build()));

    IOException cause = assertInstanceOf(IOException.class, sink.await());
    assertEquals("simulated cut", cause.getMessage());
    assertEquals(3, sink.of(LlmEvent.TextDelta.class).size());
    assertTrue(sink.of(LlmEvent.Finish.class).isEmpty());
    assertTrue(sink.of(LlmEvent.Usage.class).isEmpty());
  }

  @Test
  void errorAfterSendsAFailureEventThenEnds() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of("fault", "error_after:2"));
    RecordingSink sink = Sim.run(provider, upstream(ask("hi").build()));

    assertNull(sink.await());
    List<LlmEvent> events = sink.snapshot();
    assertEquals(4, events.size(), events.toString());
    assertInstanceOf(LlmEvent.Start.class, events.get(0));
    assertEquals(
        new LlmEvent.Failure(502, "simulated provider error", "provider_unavailable", null), events.getLast());
  }

  @Test
  void aFaultPastTheEndOfTheAnswerStrikesAfterTheLastToken() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of("fault", "cut_after:100", "output_tokens", 2));
    RecordingSink sink = Sim.run(provider, upstream(ask("hi").build()));
    assertInstanceOf(IOException.class, sink.await());
    assertEquals(2, sink.of(LlmEvent.TextDelta.class).size());
  }

  @Test
  void faultRateStrikesTheSameRequestsForTheSameSeed() throws Exception {
    Map<String, Object> options = Map.of("fault", "status:500", "fault_rate", 0.5, "seed", 7);
    List<Boolean> first = outcomes(Sim.provider(vertx, options), 20);
    List<Boolean> second = outcomes(Sim.provider(vertx, options), 20);

    assertEquals(first, second);
    assertTrue(first.contains(true) && first.contains(false), first.toString());
  }

  @Test
  void aRequestedFaultIsCertainEvenWhenTheProfileRateIsZero() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of("fault", "status:500", "fault_rate", 0));
    assertEquals(List.of(false, false), outcomes(provider, 2));
    Throwable t = Sim.failure(provider.open(upstream(ask("hi").build(), Map.of("x-simulate-fault", "status:429"))));
    assertEquals(429, assertInstanceOf(UpstreamException.class, t).status());
  }

  /** Whether each of {@code n} requests failed. */
  private static List<Boolean> outcomes(SimulatedProvider provider, int n) throws Exception {
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Future<UpstreamCall> f = provider.open(upstream(ask("hi").build()));
      f.toCompletionStage().toCompletableFuture().handle((c, t) -> null).get();
      out.add(f.failed());
    }
    return out;
  }
}
