package dev.openrouter4j.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.gateway.responses.ResponsesSchemas;
import dev.openrouter4j.gateway.responses.ResponsesStreamChecker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The harness's SDK client's {@link HttpClient}: sends through a real JDK client and keeps a copy
 * of every successful {@code /chat/completions}, {@code /responses} and {@code /embeddings} answer the SDK read to the
 * end, so {@link #check} can hold each body, or each streamed chunk or event, against the schemas
 * (OpenRouter's; for Responses also Open Responses' and the stream's state machine). The SDK's typed reads
 * are lenient by design; this sees the bytes the gateway wrote.
 */
final class SchemaCheckingHttpClient extends HttpClient {
  /** One answer as the client received it; {@code whole} unless the body ended early (closed by the SDK, or failed). */
  record Seen(URI uri, int status, String contentType, String body, boolean whole) {}

  private final HttpClient delegate;
  private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();

  SchemaCheckingHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  /** Validates every chat and Responses answer seen so far (and forgets them); how many were checked. */
  int check() {
    int checked = 0;
    for (Seen s; (s = seen.poll()) != null; ) {
      if (s.status() != 200) continue;
      boolean sse = s.contentType().startsWith("text/event-stream");
      String path = s.uri().getPath();
      // a stream the SDK stopped reading: every whole frame it got, whether or not [DONE] came
      boolean ended = s.whole() || s.body().endsWith("data: [DONE]\n\n");
      if (path.endsWith("/chat/completions")) {
        if (sse) OpenRouterSchemas.checkChatSse(s.body(), ended);
        else if (s.whole()) OpenRouterSchemas.assertValidChatResult(s.body());
      } else if (path.endsWith("/responses")) {
        // both specs' schemas, and for a whole stream the Responses state machine
        if (sse && ended) ResponsesStreamChecker.checkSse(s.body());
        else if (sse) ResponsesStreamChecker.events(s.body(), true, false);
        else if (s.whole()) ResponsesSchemas.assertValidResponse(parse(s.body()));
      } else if (path.endsWith("/embeddings") && s.whole()) {
        OpenRouterSchemas.assertValidEmbeddingsResult(parse(s.body()));
      } else {
        continue;
      }
      checked++;
    }
    return checked;
  }

  private static JsonNode parse(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private <T> HttpResponse.BodyHandler<T> recording(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return info -> new Recorder<>(request.uri(), info, handler.apply(info));
  }

  /**
   * Copies the bytes on their way to the SDK's subscriber, and records them once: at the end of the
   * body, or when the SDK closes a stream early (it stops reading at {@code [DONE]}, or on an error
   * chunk), so the record is in place when the SDK's close returns.
   */
  private final class Recorder<T> implements HttpResponse.BodySubscriber<T> {
    private final URI uri;
    private final HttpResponse.ResponseInfo info;
    private final HttpResponse.BodySubscriber<T> downstream;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private boolean recorded;

    Recorder(URI uri, HttpResponse.ResponseInfo info, HttpResponse.BodySubscriber<T> downstream) {
      this.uri = uri;
      this.info = info;
      this.downstream = downstream;
    }

    private synchronized void record(boolean whole) {
      if (recorded) return;
      recorded = true;
      String contentType = info.headers().firstValue("content-type").orElse("");
      seen.add(new Seen(uri, info.statusCode(), contentType, copy.toString(StandardCharsets.UTF_8), whole));
    }

    @Override
    public CompletionStage<T> getBody() {
      return downstream.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      downstream.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {
          subscription.request(n);
        }

        @Override
        public void cancel() {
          record(false);
          subscription.cancel();
        }
      });
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      synchronized (this) {
        for (ByteBuffer b : item) {
          ByteBuffer d = b.duplicate();
          byte[] bytes = new byte[d.remaining()];
          d.get(bytes);
          copy.write(bytes, 0, bytes.length);
        }
      }
      downstream.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      record(false);
      downstream.onError(throwable);
    }

    @Override
    public void onComplete() {
      record(true);
      downstream.onComplete();
    }
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
    return delegate.send(request, recording(request, handler));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return delegate.sendAsync(request, recording(request, handler));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
    return delegate.sendAsync(request, recording(request, handler), push);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public void shutdownNow() {
    delegate.shutdownNow();
  }

  @Override
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    return delegate.awaitTermination(duration);
  }

  @Override
  public boolean isTerminated() {
    return delegate.isTerminated();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
