package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.api.sse.SseWriter;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.provider.EventSink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * The translate stage for a streaming client: events to the dialect's SSE, written with
 * back-pressure (a full write queue pauses the upstream until the client drains it). A failure after
 * the stream started ends it the way the dialect says (chat: OpenRouter's error chunk; responses:
 * {@code response.failed}), then {@code [DONE]}.
 */
final class StreamReply implements EventSink {
  private static final Buffer DONE = Buffer.buffer(SseWriter.done());

  private final Exchange x;
  private final HttpServerResponse response;
  private final Dialect.StreamWriter writer;
  private final Promise<Outcome> finished = Promise.promise();

  /** How the stream ended, for accounting. */
  record Outcome(TokenUsage usage, boolean failed) {}

  StreamReply(Exchange x, Dialect.StreamWriter writer) {
    this.x = x;
    this.response = x.http.response();
    this.writer = writer;
  }

  Future<Outcome> outcome() {
    return finished.future();
  }

  void start(Attempts.Opened opened) {
    StreamHead.commit(x);
    response.drainHandler(v -> opened.call().resume());
    write(writer.start());
    opened.sink().attach(this);
    // the events held before the attempt was committed go out together
    flush();
  }

  @Override
  public void event(LlmEvent event) {
    if (response.closed() || finished.future().isComplete()) return;
    if (event instanceof LlmEvent.Finish f && f.choice() == 0) x.finishReason = f.reason();
    if (event instanceof LlmEvent.Failure f) {
      write(writer.failure(f));
      finish(true);
      return;
    }
    write(writer.event(event));
  }

  @Override
  public void end() {
    if (finished.future().isComplete()) return;
    write(writer.end());
    finish(false);
  }

  @Override
  public void fail(Throwable cause) {
    if (finished.future().isComplete()) return;
    write(writer.failure(new LlmEvent.Failure(502, "upstream stream broke: " + cause.getMessage(), "provider_unavailable", null)));
    finish(true);
  }

  private void finish(boolean failed) {
    write(DONE);
    flush();
    if (!response.closed() && !response.ended()) response.end();
    finished.tryComplete(new Outcome(writer.usage(), failed));
  }

  /** Frames waiting for the end of the current upstream read (see {@link #flush()}). */
  private Buffer pending;

  /**
   * Frames are collected and written once per event-loop turn: a source that says when its read is
   * done ({@link #flush()}) flushes sooner; any other (a timer-driven one) is flushed by the task
   * queued here, so nothing waits longer than the current turn.
   */
  private void write(Buffer frames) {
    if (response.closed() || frames.length() == 0) return;
    if (pending == null) {
      pending = Buffer.buffer(Math.max(256, frames.length() * 4));
      io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
      if (context != null) context.runOnContext(v -> flush());
    }
    pending.appendBuffer(frames);
  }

  @Override
  public void flush() {
    if (pending == null || pending.length() == 0) return;
    Buffer out = pending;
    pending = null;
    if (response.closed()) return;
    response.write(out);
    if (response.writeQueueFull() && x.call != null) x.call.pause();
  }
}
