package dev.openrouter4j.gateway.provider.anthropic;

import static java.util.concurrent.TimeUnit.SECONDS;

import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Collects a call's events; {@link #done} completes on end and fails on fail. */
final class AnthropicCollectingSink implements EventSink {
  final List<LlmEvent> events = new ArrayList<>();
  final CompletableFuture<List<LlmEvent>> done = new CompletableFuture<>();

  /**
   * Starts the call once open (on its own Vert.x context, as the gateway does) and waits for its
   * end: its events, or the failure as an ExecutionException.
   */
  static List<LlmEvent> drain(Future<UpstreamCall> opened) throws Exception {
    AnthropicCollectingSink sink = new AnthropicCollectingSink();
    opened.onSuccess(call -> call.start(sink)).onFailure(sink.done::completeExceptionally);
    return sink.done.get(5, SECONDS);
  }

  @Override
  public void event(LlmEvent event) {
    events.add(event);
  }

  @Override
  public void end() {
    done.complete(List.copyOf(events));
  }

  @Override
  public void fail(Throwable cause) {
    done.completeExceptionally(cause);
  }
}
