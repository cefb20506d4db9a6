package dev.openrouter4j.gateway.provider.simulated;

import static dev.openrouter4j.gateway.provider.simulated.Sim.ask;
import static dev.openrouter4j.gateway.provider.simulated.Sim.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timings are asserted as lower bounds only: a loaded machine may be slower, never faster. */
class SimulatedTimingTest {
  private static final long MS = 1_000_000;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    Sim.await(vertx.close());
  }

  @Test
  void theFirstTokenComesNoSoonerThanTtft() throws Exception {
    SimulatedProvider provider = Sim.provider(vertx, Map.of("ttft_ms", 50, "output_tokens", 3));
    long started = System.nanoTime();
    RecordingSink sink = Sim.run(provider, upstream(ask("hi").build()));

    int first = indexOf(sink, LlmEvent.TextDelta.class);
    assertTrue(sink.nanos.get(first) - started >= 50 * MS, "ttft " + (sink.nanos.get(first) - started) / MS + " ms");
  }

  @Test
  void tokensAreSpacedByOneOverTokensPerSecond() throws Exception {
    // 100 tokens/s: 10 ms apart, so 5 tokens span at least 40 ms
    SimulatedProvider provider = Sim.provider(vertx, Map.of("tokens_per_second", 100, "output_tokens", 5));
    RecordingSink sink = Sim.run(provider, upstream(ask("hi").build()));

    List<Long> tokenTimes = tokenTimes(sink);
    assertEquals(5, tokenTimes.size());
    for (int i = 1; i < tokenTimes.size(); i++) {
      // the schedule is absolute, so each token is due i * 10 ms after the first
      assertTrue(tokenTimes.get(i) - tokenTimes.getFirst() >= i * 10 * MS - MS / 2, "token " + i);
    }
  }

  @Test
  void pauseStopsEmissionUntilResume() throws Exception {
    AtomicReference<UpstreamCall> call = new AtomicReference<>();
    Promise<Long> resumedAt = Promise.promise();
    RecordingSink sink =
        new RecordingSink(
            (s, e) -> {
              // the third token: pause from inside event(), as a gateway does when its write queue is full
              if (e instanceof LlmEvent.TextDelta && s.of(LlmEvent.TextDelta.class).size() == 3) {
                call.get().pause();
                vertx.setTimer(100, id -> {
                  resumedAt.complete(System.nanoTime());
                  call.get().resume();
                });
              }
            });
    SimulatedProvider provider = Sim.provider(vertx, Map.of("tokens_per_second", 1000, "output_tokens", 6));
    call.set(Sim.await(provider.open(upstream(ask("hi").build()))));
    call.get().start(sink);

    assertNull(sink.await());
    List<Long> tokenTimes = tokenTimes(sink);
    assertEquals(6, tokenTimes.size());
    long resumed = Sim.await(resumedAt.future());
    assertTrue(tokenTimes.get(3) >= resumed, "the fourth token waited for resume()");
    assertTrue(tokenTimes.get(3) - tokenTimes.get(2) >= 100 * MS);
  }

  @Test
  void pauseAlsoHoldsAnUnpacedStream() throws Exception {
    AtomicReference<UpstreamCall> call = new AtomicReference<>();
    RecordingSink sink =
        new RecordingSink(
            (s, e) -> {
              if (e instanceof LlmEvent.TextDelta && s.of(LlmEvent.TextDelta.class).size() == 1) {
                call.get().pause();
                vertx.setTimer(50, id -> {
                  assertEquals(1, s.of(LlmEvent.TextDelta.class).size(), "nothing while paused");
                  call.get().resume();
                });
              }
            });
    call.set(Sim.await(Sim.provider(vertx, Map.of("output_tokens", 4)).open(upstream(ask("hi").build()))));
    call.get().start(sink);

    assertNull(sink.await());
    assertEquals(4, sink.of(LlmEvent.TextDelta.class).size());
    assertTrue(tokenTimes(sink).get(1) - tokenTimes(sink).get(0) >= 50 * MS);
  }

  @Test
  void cancelStopsEverything() throws Exception {
    AtomicReference<UpstreamCall> call = new AtomicReference<>();
    Promise<Integer> countLater = Promise.promise();
    RecordingSink sink =
        new RecordingSink(
            (s, e) -> {
              if (e instanceof LlmEvent.TextDelta && s.of(LlmEvent.TextDelta.class).size() == 2) {
                call.get().cancel();
                vertx.setTimer(60, id -> countLater.complete(s.snapshot().size()));
              }
            });
    SimulatedProvider provider = Sim.provider(vertx, Map.of("tokens_per_second", 200, "output_tokens", 8));
    call.set(Sim.await(provider.open(upstream(ask("hi").build()))));
    call.get().start(sink);

    assertEquals(3, Sim.await(countLater.future()), "Start and two tokens, nothing after cancel()");
    assertFalse(sink.done.isDone(), "a cancelled call neither ends nor fails");
  }

  @Test
  void aCutStrikesWhenTheNextTokenWouldHaveBeenDue() throws Exception {
    // 20 tokens/s: the cut after one token comes 50 ms after it, not together with it
    SimulatedProvider provider = Sim.provider(vertx, Map.of("tokens_per_second", 20, "fault", "cut_after:1"));
    RecordingSink sink = Sim.run(provider, upstream(ask("hi").build()));

    assertEquals(1, tokenTimes(sink).size());
    assertTrue(sink.endedNanos - tokenTimes(sink).getFirst() >= 50 * MS);
  }

  private static int indexOf(RecordingSink sink, Class<? extends LlmEvent> type) {
    List<LlmEvent> events = sink.snapshot();
    for (int i = 0; i < events.size(); i++) if (type.isInstance(events.get(i))) return i;
    throw new AssertionError("no " + type.getSimpleName());
  }

  private static List<Long> tokenTimes(RecordingSink sink) {
    List<LlmEvent> events = sink.snapshot();
    return java.util.stream.IntStream.range(0, events.size())
        .filter(i -> events.get(i) instanceof LlmEvent.TextDelta)
        .mapToObj(sink.nanos::get)
        .toList();
  }
}
