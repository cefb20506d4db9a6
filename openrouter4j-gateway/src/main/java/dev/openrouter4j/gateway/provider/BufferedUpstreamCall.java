package dev.openrouter4j.gateway.provider;

import dev.openrouter4j.gateway.event.LlmEvent;
import java.util.List;

/** An upstream that answered with one complete JSON body, already decoded into events. */
public final class BufferedUpstreamCall implements UpstreamCall {
  private final List<LlmEvent> events;
  private boolean cancelled;

  public BufferedUpstreamCall(List<LlmEvent> events) {
    this.events = List.copyOf(events);
  }

  @Override
  public void start(EventSink sink) {
    for (LlmEvent e : events) {
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
