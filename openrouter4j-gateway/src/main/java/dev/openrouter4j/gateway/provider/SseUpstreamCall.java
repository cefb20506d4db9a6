package dev.openrouter4j.gateway.provider;

import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.api.sse.SseParser;
import dev.openrouter4j.gateway.event.LlmEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An upstream answering with {@code text/event-stream}: bytes are split into SSE events as they
 * arrive and each event is handed to a format-specific {@link Decoder}. Back-pressure is the HTTP
 * response's own pause/resume, so a slow client slows the upstream read, never buffers it.
 */
public final class SseUpstreamCall implements UpstreamCall {
  /** Turns one upstream SSE event into canonical events. Throwing fails the call. */
  public interface Decoder {
    void event(SseEvent event, Consumer<LlmEvent> out);

    /** The upstream body ended; emit anything still pending (e.g. tool-call ends). */
    default void end(Consumer<LlmEvent> out) {}
  }

  /** Upstream events longer than this are treated as a broken upstream. */
  static final int MAX_EVENT_BYTES = 32 * 1024 * 1024;

  private final HttpClientResponse response;
  private final Decoder decoder;
  private final List<SseEvent> parsed = new ArrayList<>();
  private final SseParser parser = new SseParser(parsed::add, MAX_EVENT_BYTES, MAX_EVENT_BYTES);
  private EventSink sink;
  private boolean done;

  /** {@code response} must be paused; it is resumed by {@link #start}. */
  public SseUpstreamCall(HttpClientResponse response, Decoder decoder) {
    this.response = response;
    this.decoder = decoder;
  }

  @Override
  public void start(EventSink sink) {
    this.sink = sink;
    response.handler(this::onBytes);
    response.exceptionHandler(this::onFailure);
    response.endHandler(v -> onEnd());
    response.resume();
  }

  private void onBytes(Buffer buffer) {
    if (done) return;
    try {
      parser.feed(buffer.getBytes());
      for (int i = 0; i < parsed.size() && !done; i++) {
        SseEvent e = parsed.get(i);
        if (!e.isDone()) decoder.event(e, sink::event);
      }
      parsed.clear();
      if (!done) sink.flush();
    } catch (RuntimeException e) {
      parsed.clear();
      onFailure(e);
      cancel();
    }
  }

  private void onEnd() {
    if (done) return;
    try {
      decoder.end(sink::event);
    } catch (RuntimeException e) {
      onFailure(e);
      return;
    }
    done = true;
    sink.end();
  }

  private void onFailure(Throwable t) {
    if (done) return;
    done = true;
    sink.fail(t);
  }

  @Override
  public boolean flushesReads() {
    return true;
  }

  @Override
  public void pause() {
    response.pause();
  }

  @Override
  public void resume() {
    response.resume();
  }

  @Override
  public void cancel() {
    done = true;
    response.request().reset();
  }
}
