package dev.openrouter4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A live response body read as an {@link InputStream}, one upstream item at a time. Unlike the
 * JDK's {@code BodyHandlers.ofInputStream()} it can wait a bounded time for the body to end:
 * {@link #finish} after an event stream's last event lets the server's end-of-body arrive, which
 * leaves the connection in the client's pool; closing a body before its end makes the JDK close
 * the connection, and the next call pay for a new one.
 */
final class StreamingBody extends InputStream implements HttpResponse.BodySubscriber<StreamingBody> {
  // a distinct instance: an empty item from upstream must not read as the end
  private static final List<ByteBuffer> END = Collections.unmodifiableList(new ArrayList<>());

  private final BlockingQueue<List<ByteBuffer>> items = new LinkedBlockingQueue<>();
  private volatile Flow.Subscription subscription;
  private volatile boolean completed;
  private volatile Throwable failure;
  private volatile boolean closed;
  // the reading thread's state
  private Iterator<ByteBuffer> item = Collections.emptyIterator();
  private ByteBuffer current;
  private boolean ended;

  static HttpResponse.BodyHandler<StreamingBody> handler() {
    return info -> new StreamingBody();
  }

  @Override
  public CompletionStage<StreamingBody> getBody() {
    return CompletableFuture.completedStage(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (closed) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    items.add(buffers);
  }

  @Override
  public void onError(Throwable t) {
    failure = t;
    completed = true;
    items.add(END);
  }

  @Override
  public void onComplete() {
    completed = true;
    items.add(END);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    ByteBuffer buffer = current();
    if (buffer == null) return -1;
    int n = Math.min(len, buffer.remaining());
    buffer.get(b, off, n);
    return n;
  }

  @Override
  public int read() throws IOException {
    ByteBuffer buffer = current();
    return buffer == null ? -1 : buffer.get() & 0xff;
  }

  @Override
  public int available() {
    ByteBuffer buffer = current;
    return buffer == null ? 0 : buffer.remaining();
  }

  /** The buffer to read from, waiting for the next item when needed; null at the end. */
  private ByteBuffer current() throws IOException {
    while (current == null || !current.hasRemaining()) {
      if (closed) throw new IOException("closed");
      if (item.hasNext()) {
        current = item.next();
        continue;
      }
      if (ended) return null;
      List<ByteBuffer> next;
      try {
        next = items.take();
      } catch (InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading the response body");
      }
      if (closed) throw new IOException("closed");
      if (!accept(next)) return null;
    }
    return current;
  }

  /** Takes an upstream item in; false (and the failure thrown, if any) at the end of the body. */
  private boolean accept(List<ByteBuffer> next) throws IOException {
    if (next == END) {
      ended = true;
      Throwable t = failure;
      if (t != null) throw t instanceof IOException io ? io : new IOException(t);
      return false;
    }
    item = next.iterator();
    Flow.Subscription s = subscription;
    if (s != null) s.request(1);
    return true;
  }

  /**
   * Discards what is left of the body, waiting at most {@code nanos} for its end, then closes it:
   * the connection stays reusable when the end came in time.
   */
  void finish(long nanos) {
    long deadline = System.nanoTime() + nanos;
    try {
      while (!ended && !closed) {
        long left = deadline - System.nanoTime();
        List<ByteBuffer> next = left <= 0 ? items.poll() : items.poll(left, TimeUnit.NANOSECONDS);
        if (next == null) break;
        current = null;
        if (!accept(next)) break;
        item = Collections.emptyIterator();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the body failed after its last event: nothing the caller needs
    }
    close();
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    Flow.Subscription s = subscription;
    if (!completed && s != null) s.cancel();
    // wakes a reader blocked on another thread; it then sees the body closed
    items.add(END);
  }
}
