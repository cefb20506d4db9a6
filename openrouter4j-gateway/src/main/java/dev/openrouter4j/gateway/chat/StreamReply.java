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
  /** Whether the upstream call flushes after each read, so no flush task need be queued per turn. */
  private boolean callFlushes;

  /**
   * How the answer ended, for accounting: {@code cancelled} when it was cut short by its client
   * leaving (or a background run being cancelled), with the usage reported until then.
   */
  record Outcome(TokenUsage usage, boolean failed, boolean cancelled) {}

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
    callFlushes = opened.call().flushesReads();
    response.drainHandler(v -> opened.call().resume());
    write(writer.start());
    opened.sink().attach(this);
    // the events held before the attempt was committed go out together
    flush();
  }

  @Override
  public void event(LlmEvent event) {
    if (response.closed() || finished.future().isComplete() || ending) return;
    x.count(event);
    if (event instanceof LlmEvent.Finish f && f.choice() == 0) x.finishReason = f.reason();
    if (event instanceof LlmEvent.Failure f) {
      last(writer.failure(f), true);
      return;
    }
    write(writer.event(event));
  }

  @Override
  public void relayed(byte[] frames, int offset, int length, int textBytes) {
    if (response.closed() || finished.future().isComplete()) return;
    x.answerChars += textBytes;
    pending(length).appendBytes(frames, offset, length);
  }

  @Override
  public void end() {
    if (finished.future().isComplete() || ending) return;
    last(writer.end(), false);
  }

  @Override
  public void fail(Throwable cause) {
    if (finished.future().isComplete() || ending) return;
    if (x.leftMidAnswer()) {
      // the cancelled call's connection breaking, not the upstream failing
      abandoned();
      return;
    }
    last(writer.failure(new LlmEvent.Failure(502, "upstream stream broke: " + cause.getMessage(), "provider_unavailable", null)), true);
  }

  /**
   * The client left mid-answer (its upstream call is cancelled, and tells this sink nothing more):
   * the stream ends here as cancelled. Once the last frames are known the answer was complete, and
   * it ends as that.
   */
  void abandoned() {
    if (finished.future().isComplete() || ending) return;
    pending = null;
    finished.tryComplete(new Outcome(writer.usage(), false, true));
  }

  /** Set once the last frames are known: nothing more is written but them. */
  private boolean ending;

  /** The closing frames go out once the writer has persisted what they report (a stored response is readable before the client sees its end). */
  private void last(Buffer frames, boolean failed) {
    ending = true;
    writer.persist().onComplete(ar -> {
      if (ar.failed()) System.getLogger(StreamReply.class.getName()).log(System.Logger.Level.ERROR, "persisting the answer failed", ar.cause());
      write(frames);
      finish(failed);
    });
  }

  private void finish(boolean failed) {
    write(DONE);
    flush();
    if (!response.closed() && !response.ended()) response.end();
    finished.tryComplete(new Outcome(writer.usage(), failed, false));
  }

  /** Frames waiting for the end of the current upstream read (see {@link #flush()}). */
  private Buffer pending;

  /**
   * Frames are collected and written once per event-loop turn: a source that says when its read is
   * done ({@link #flush()}) flushes then; any other (a timer-driven one) is flushed by the task
   * queued here, so nothing waits longer than the current turn.
   */
  private void write(Buffer frames) {
    if (response.closed() || frames.length() == 0) return;
    pending(frames.length()).appendBuffer(frames);
  }

  private Buffer pending(int bytes) {
    if (pending == null) {
      pending = Buffer.buffer(Math.max(512, bytes * 2));
      if (!callFlushes) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context != null) context.runOnContext(v -> flush());
      }
    }
    return pending;
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
