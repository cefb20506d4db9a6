package dev.openrouter4j.gateway.provider;

import dev.openrouter4j.gateway.event.LlmEvent;

/** Receives an upstream call's events. Exactly one of {@link #end()} or {@link #fail} ends them. */
public interface EventSink {
  void event(LlmEvent event);

  /** The upstream finished its answer. */
  void end();

  /** The upstream broke mid-answer (cut, malformed data, idle timeout). */
  void fail(Throwable cause);

  /**
   * The events of one upstream read have been delivered: a sink that batches its writes sends them
   * now. One read often carries several events, and one write for all of them saves a flush each.
   */
  default void flush() {}
}
