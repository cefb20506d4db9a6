package dev.openrouter4j.gateway.provider.openai;

import dev.openrouter4j.gateway.provider.EventSink;
import dev.openrouter4j.gateway.provider.SseFrames;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * An OpenAI-format stream for a chat completions client: the relay fast path ({@link ChatRelay}).
 * Reads as {@code SseUpstreamCall} does (a paused response, the response's own pause and resume
 * for back-pressure), but keeps each event's data in bytes.
 */
final class ChatRelayCall implements UpstreamCall {
  /** Upstream events longer than this are treated as a broken upstream. */
  static final int MAX_EVENT_BYTES = 32 * 1024 * 1024;
  private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

  private final HttpClientResponse response;
  private final ChatRelay relay;
  private final SseFrames frames = new SseFrames(this::data, MAX_EVENT_BYTES);
  private EventSink sink;
  private boolean done;

  /** {@code response} must be paused; it is resumed by {@link #start}. */
  ChatRelayCall(HttpClientResponse response, ChatRelay relay) {
    this.response = response;
    this.relay = relay;
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
      byte[] bytes = buffer.getBytes();
      frames.feed(bytes, 0, bytes.length);
      if (!done) sink.flush();
    } catch (RuntimeException e) {
      onFailure(e);
      cancel();
    }
  }

  private void data(byte[] bytes, int offset, int length) {
    if (done || isDone(bytes, offset, length)) return;
    relay.chunk(bytes, offset, length, sink);
  }

  private static boolean isDone(byte[] bytes, int offset, int length) {
    if (length != DONE.length) return false;
    for (int i = 0; i < length; i++) if (bytes[offset + i] != DONE[i]) return false;
    return true;
  }

  private void onEnd() {
    if (done) return;
    try {
      relay.end(sink::event);
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
