package dev.openrouter4j.internal;

import dev.openrouter4j.api.sse.SseEvent;
import java.io.IOException;

/**
 * What one kind of stream does with its events: decode an event's data, and inspect each decoded
 * item in order (accumulate it; throw a {@code StreamException} if it reports an error).
 */
public interface StreamCodec<T> {
  T decode(SseEvent event) throws IOException;

  void inspect(T item);
}
