package dev.openrouter4j.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A whole response body collected as it arrives, which the calling thread waits for with a
 * deadline. The JDK's {@code send} returns as soon as the headers are in (this subscriber's body
 * is itself, ready at once), so a buffered call can use the blocking {@code send}, which runs the
 * exchange on the caller's thread, instead of {@code sendAsync}, which hands every step to the
 * client's executor and the result to the common pool; and still bound the body by the call's
 * timeout, which the JDK's request timeout stops counting at the headers.
 */
final class BufferedBody implements HttpResponse.BodySubscriber<BufferedBody> {
  private final CompletableFuture<byte[]> bytes = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private byte[] buffer;
  private int size;

  /** {@code expectedLength} from Content-Length, or -1: the array is sized once when it is known. */
  BufferedBody(long expectedLength) {
    buffer = new byte[expectedLength >= 0 && expectedLength <= 1 << 20 ? (int) expectedLength : 1024];
  }

  static HttpResponse.BodyHandler<BufferedBody> handler() {
    return info -> new BufferedBody(info.headers().firstValueAsLong("content-length").orElse(-1));
  }

  @Override
  public CompletionStage<BufferedBody> getBody() {
    return CompletableFuture.completedStage(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer b : items) {
      int n = b.remaining();
      if (size + n > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
      }
      b.get(buffer, size, n);
      size += n;
    }
  }

  @Override
  public void onError(Throwable t) {
    bytes.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    bytes.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
  }

  /**
   * The whole body, waiting at most {@code timeoutNanos} (no limit when negative). On timeout or
   * interruption the exchange is cancelled, which closes its connection.
   */
  byte[] await(long timeoutNanos, String timeoutMessage) throws IOException, InterruptedException {
    try {
      return timeoutNanos < 0 ? bytes.get() : bytes.get(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      cancel();
      throw new HttpTimeoutException(timeoutMessage);
    } catch (InterruptedException e) {
      cancel();
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      if (cause instanceof RuntimeException re) throw re;
      throw new IOException(cause);
    }
  }

  private void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) s.cancel();
    bytes.cancel(false);
  }
}
