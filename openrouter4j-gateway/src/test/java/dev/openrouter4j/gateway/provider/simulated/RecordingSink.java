package dev.openrouter4j.gateway.provider.simulated;

import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Records a call's events with the time each arrived; {@link #done} completes on end (with null) or
 * fail (with the cause). An optional hook sees each event as it arrives, to pause or cancel from
 * inside {@code event()} the way a gateway under back-pressure does.
 */
final class RecordingSink implements EventSink {
  final List<LlmEvent> events = new ArrayList<>();
  final List<Long> nanos = new ArrayList<>();
  final CompletableFuture<Throwable> done = new CompletableFuture<>();
  volatile long endedNanos;
  private final BiConsumer<RecordingSink, LlmEvent> hook;

  RecordingSink() {
    this((s, e) -> {});
  }

  RecordingSink(BiConsumer<RecordingSink, LlmEvent> hook) {
    this.hook = hook;
  }

  @Override
  public synchronized void event(LlmEvent event) {
    if (done.isDone()) throw new AssertionError("event after the end: " + event);
    events.add(event);
    nanos.add(System.nanoTime());
    hook.accept(this, event);
  }

  @Override
  public void end() {
    endedNanos = System.nanoTime();
    if (!done.complete(null)) throw new AssertionError("ended twice");
  }

  @Override
  public void fail(Throwable cause) {
    endedNanos = System.nanoTime();
    if (!done.complete(cause)) throw new AssertionError("ended twice");
  }

  /** Waits for the end and returns the failure, or null when the call ended normally. */
  Throwable await() throws Exception {
    return done.get(5, TimeUnit.SECONDS);
  }

  synchronized List<LlmEvent> snapshot() {
    return List.copyOf(events);
  }

  synchronized String text() {
    StringBuilder sb = new StringBuilder();
    for (LlmEvent e : events) if (e instanceof LlmEvent.TextDelta t) sb.append(t.text());
    return sb.toString();
  }

  synchronized <T extends LlmEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
