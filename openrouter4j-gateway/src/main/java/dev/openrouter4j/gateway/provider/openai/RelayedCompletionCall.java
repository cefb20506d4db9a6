package dev.openrouter4j.gateway.provider.openai;

import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import dev.openrouter4j.gateway.provider.UpstreamCall;

/** A whole answer relayed by {@link ChatCompletionRelay}: the client's body, then the events accounting needs. */
final class RelayedCompletionCall implements UpstreamCall {
  private final ChatCompletionRelay.Relayed relayed;
  private boolean cancelled;

  RelayedCompletionCall(ChatCompletionRelay.Relayed relayed) {
    this.relayed = relayed;
  }

  @Override
  public void start(EventSink sink) {
    if (cancelled) return;
    sink.relayed(relayed.body(), 0, relayed.body().length, 0);
    for (LlmEvent e : relayed.events()) {
      if (cancelled) return;
      sink.event(e);
    }
    if (!cancelled) sink.end();
  }

  @Override
  public void pause() {
    // the whole answer is in memory already
  }

  @Override
  public void resume() {}

  @Override
  public void cancel() {
    cancelled = true;
  }
}
