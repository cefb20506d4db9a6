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
   * Part of the answer already in the client's wire format (the relay fast path: an OpenAI-format
   * upstream for a chat completions client): SSE frames for a stream ({@code ChatRelay}, only after
   * the call's first content event), or the whole body otherwise ({@code ChatCompletionRelay},
   * followed by the events accounting needs). Sent only for a request whose {@link
   * UpstreamRequest#chatRelay()} was set; it counts as content. The bytes are valid during the call
   * only. {@code textBytes}: how many of them are answer text (a stream's text as the upstream
   * escaped it; 0 for a whole body, whose events follow), for the estimate of an answer cut short.
   */
  default void relayed(byte[] frames, int offset, int length, int textBytes) {
    throw new UnsupportedOperationException("this sink takes canonical events only");
  }

  /**
   * The events of one upstream read have been delivered: a sink that batches its writes sends them
   * now. One read often carries several events, and one write for all of them saves a flush each.
   */
  default void flush() {}
}
