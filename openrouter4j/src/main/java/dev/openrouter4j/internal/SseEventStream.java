package dev.openrouter4j.internal;

import dev.openrouter4j.EventStream;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.api.sse.SseException;
import dev.openrouter4j.api.sse.SseParser;
import dev.openrouter4j.errors.ConnectionException;
import dev.openrouter4j.errors.ResponseDecodeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** {@link EventStream} over a live response body: reads, parses and decodes only as far as asked. */
public final class SseEventStream<T> implements EventStream<T> {
  // After [DONE] the server normally ends the body at once; waiting that long for the end keeps the
  // connection for the next call, and bounds the wait on a server that keeps the body open.
  private static final Duration END_WAIT = Duration.ofMillis(20);

  private final RawResponse response;
  private final StreamCodec<T> codec;
  private final ArrayDeque<SseEvent> pending = new ArrayDeque<>();
  private final SseParser parser = new SseParser(pending::add);
  private final byte[] buffer = new byte[8192];
  private boolean finished;
  private boolean closed;
  private boolean iterated;

  public SseEventStream(RawResponse response, StreamCodec<T> codec) {
    this.response = response;
    this.codec = codec;
  }

  @Override
  public int statusCode() {
    return response.status();
  }

  @Override
  public HttpHeaders headers() {
    return response.headers();
  }

  @Override
  public Iterator<T> iterator() {
    if (iterated) throw new IllegalStateException("an EventStream can be iterated only once");
    iterated = true;
    return new Iterator<>() {
      private T next;

      @Override
      public boolean hasNext() {
        if (next == null) next = advance();
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        T item = next;
        next = null;
        return item;
      }
    };
  }

  /** The next decoded item, or null at the end of the stream. */
  private T advance() {
    while (true) {
      if (closed) return null;
      SseEvent event = pending.poll();
      if (event != null) {
        if (event.isDone()) {
          closed = true;
          response.finish(END_WAIT);
          return null;
        }
        T item;
        try {
          item = codec.decode(event);
        } catch (IOException e) {
          close();
          throw new ResponseDecodeException(
              "stream event is not in the documented shape: " + e.getMessage(), response.status(), event.data(), e);
        }
        if (item == null) continue; // an event this stream has no use for
        try {
          codec.inspect(item);
        } catch (RuntimeException e) {
          close();
          throw e;
        }
        return item;
      }
      if (finished) {
        close();
        return null;
      }
      fill();
    }
  }

  private void fill() {
    InputStream in = response.body();
    try {
      int n = in.read(buffer);
      if (n < 0) {
        parser.end();
        finished = true;
      } else {
        parser.feed(buffer, 0, n);
      }
    } catch (SseException e) {
      close();
      throw new ResponseDecodeException(e.getMessage(), response.status(), null, e);
    } catch (IOException e) {
      boolean wasClosed = closed;
      close();
      if (wasClosed) {
        finished = true;
        return;
      }
      throw new ConnectionException("the stream broke before it ended: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      response.close();
    }
  }
}
