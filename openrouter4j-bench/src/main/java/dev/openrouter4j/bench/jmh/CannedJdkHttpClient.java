package dev.openrouter4j.bench.jmh;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A {@link HttpClient} that answers every request at once, in the calling thread, with one canned
 * response, fed through the caller's {@link HttpResponse.BodyHandler} like real bytes off a socket
 * (in 8 KiB buffers). It lets a benchmark time an SDK's own work per call, with the network taken out.
 */
public final class CannedJdkHttpClient extends HttpClient {
  private static final int SLICE = 8 * 1024;

  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;

  public CannedJdkHttpClient(int status, String contentType, byte[] body) {
    this.status = status;
    this.headers = HttpHeaders.of(Map.of("content-type", List.of(contentType)), (a, b) -> true);
    this.body = body;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
    HttpResponse.BodySubscriber<T> subscriber =
        handler.apply(new HttpResponse.ResponseInfo() {
          @Override
          public int statusCode() {
            return status;
          }

          @Override
          public HttpHeaders headers() {
            return headers;
          }

          @Override
          public Version version() {
            return Version.HTTP_1_1;
          }
        });
    subscriber.onSubscribe(new Feed(subscriber, body));
    try {
      T value = subscriber.getBody().toCompletableFuture().get();
      return new Response<>(status, headers, value, request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return CompletableFuture.completedFuture(send(request, handler));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
    return sendAsync(request, handler);
  }

  /** Delivers the body as the subscriber asks for it: one list of slices, then completion. */
  private static final class Feed implements Flow.Subscription {
    private final HttpResponse.BodySubscriber<?> subscriber;
    private final byte[] body;
    private boolean delivered;
    private boolean completed;
    private boolean cancelled;
    private boolean inRequest;
    private long demand;

    Feed(HttpResponse.BodySubscriber<?> subscriber, byte[] body) {
      this.subscriber = subscriber;
      this.body = body;
    }

    @Override
    public void request(long n) {
      demand += n;
      if (inRequest) return; // a subscriber asking for more from inside onNext: the loop below serves it
      inRequest = true;
      try {
        while (!cancelled && !completed && demand > 0) {
          if (!delivered) {
            delivered = true;
            demand--;
            subscriber.onNext(slices(body));
          } else {
            completed = true;
            subscriber.onComplete();
          }
        }
      } finally {
        inRequest = false;
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    private static List<ByteBuffer> slices(byte[] body) {
      if (body.length <= SLICE) return List.of(ByteBuffer.wrap(body));
      ByteBuffer[] out = new ByteBuffer[(body.length + SLICE - 1) / SLICE];
      for (int i = 0; i < out.length; i++) {
        int from = i * SLICE;
        out[i] = ByteBuffer.wrap(body, from, Math.min(SLICE, body.length - from)).slice();
      }
      return List.of(out);
    }
  }

  private record Response<T>(int statusCode, HttpHeaders headers, T body, HttpRequest request) implements HttpResponse<T> {
    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return Optional.empty();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return Optional.empty();
  }

  @Override
  public Redirect followRedirects() {
    return Redirect.NEVER;
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return Optional.empty();
  }

  @Override
  public SSLContext sslContext() {
    try {
      return SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public SSLParameters sslParameters() {
    return new SSLParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return Optional.empty();
  }

  @Override
  public Version version() {
    return Version.HTTP_1_1;
  }

  @Override
  public Optional<Executor> executor() {
    return Optional.empty();
  }
}
