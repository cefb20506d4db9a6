package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds an attempt's events until its first content event shows the upstream is really answering
 * (only then is the attempt committed and its events passed on), and reports an attempt that failed
 * before any content, so routing can still fall back. After {@link #attach}, events pass straight
 * through.
 */
final class RelaySink implements EventSink {
  /** How an attempt ended before it produced content. */
  record EarlyEnd(LlmEvent.Failure failure, Throwable cause) {}

  private final Promise<Void> firstContent = Promise.promise();
  /** A relayed chunk held, with how much answer text is in it. */
  private record Relayed(Buffer frames, int textBytes) {}

  /** Events ({@link LlmEvent}) and relayed chunks ({@link Relayed}), in the order they came. */
  private final List<Object> held = new ArrayList<>();
  private EventSink downstream;
  private boolean ended;
  private Throwable failure;
  private EarlyEnd early;

  /** Succeeds at the first content event; fails with an {@link EarlyFailure} if the attempt ends first. */
  Future<Void> firstContent() {
    return firstContent.future();
  }

  static final class EarlyFailure extends RuntimeException {
    final EarlyEnd end;

    EarlyFailure(EarlyEnd end) {
      super(end.failure() != null ? end.failure().message() : String.valueOf(end.cause()), null, false, false);
      this.end = end;
    }
  }

  void attach(EventSink sink) {
    downstream = sink;
    for (Object item : held) {
      if (item instanceof LlmEvent e) sink.event(e);
      else if (item instanceof Relayed r) sink.relayed(r.frames().getBytes(), 0, r.frames().length(), r.textBytes());
    }
    held.clear();
    if (ended) sink.end();
    if (failure != null) sink.fail(failure);
  }

  @Override
  public void event(LlmEvent event) {
    if (downstream != null) {
      downstream.event(event);
      return;
    }
    if (!firstContent.future().isComplete()) {
      if (event instanceof LlmEvent.Failure f) {
        early = new EarlyEnd(f, null);
        firstContent.tryFail(new EarlyFailure(early));
        return;
      }
      held.add(event);
      if (isContent(event)) firstContent.tryComplete();
      return;
    }
    held.add(event);
  }

  @Override
  public void relayed(byte[] frames, int offset, int length, int textBytes) {
    if (downstream != null) {
      downstream.relayed(frames, offset, length, textBytes);
      return;
    }
    held.add(new Relayed(Buffer.buffer(length).appendBytes(frames, offset, length), textBytes));
    // a relay passes chunks on only after a content event; should one come first, it is content all the same
    firstContent.tryComplete();
  }

  @Override
  public void flush() {
    if (downstream != null) downstream.flush();
  }

  @Override
  public void end() {
    if (downstream != null) {
      downstream.end();
      return;
    }
    ended = true;
    if (!firstContent.future().isComplete()) {
      firstContent.tryFail(new EarlyFailure(new EarlyEnd(null, new IllegalStateException("upstream ended without an answer"))));
    }
  }

  @Override
  public void fail(Throwable cause) {
    if (downstream != null) {
      downstream.fail(cause);
      return;
    }
    failure = cause;
    if (!firstContent.future().isComplete()) firstContent.tryFail(new EarlyFailure(new EarlyEnd(null, cause)));
  }

  static boolean isContent(LlmEvent e) {
    return !(e instanceof LlmEvent.Start) && !(e instanceof LlmEvent.Usage);
  }
}
