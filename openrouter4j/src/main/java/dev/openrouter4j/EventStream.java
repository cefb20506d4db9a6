package dev.openrouter4j;

import java.net.http.HttpHeaders;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A server-sent event stream of decoded items, read as the caller iterates. {@code [DONE]} ends it;
 * {@link #close()} part-way cancels the HTTP exchange and frees the connection. Iterate once, from
 * one thread. An error the server reports inside the stream is thrown from the iterator as a {@link
 * dev.openrouter4j.errors.StreamException} carrying what arrived before it.
 */
public interface EventStream<T> extends Iterable<T>, AutoCloseable {
  int statusCode();

  HttpHeaders headers();

  /** The items as a sequential {@link Stream}; closing the stream closes this. */
  default Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  @Override
  void close();
}
