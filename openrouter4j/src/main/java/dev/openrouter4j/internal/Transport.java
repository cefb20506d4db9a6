package dev.openrouter4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The last stage: the JDK's {@link HttpClient}. A buffered call reads its whole body within the
 * call's timeout (the JDK's own request timeout stops counting once headers arrive); a stream gets
 * the live body.
 */
public final class Transport implements Interceptor {
  // The JDK sets these itself and refuses them in a request builder.
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");

  private final HttpClient client;

  public Transport(HttpClient client) {
    this.client = client;
  }

  @Override
  public RawResponse intercept(Chain chain) throws IOException {
    HttpCall call = chain.call();
    HttpRequest.Builder rb = HttpRequest.newBuilder(call.uri());
    for (Map.Entry<String, String> h : call.headers().entrySet()) {
      if (!RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
        rb.header(h.getKey(), h.getValue());
      }
    }
    rb.method(
        call.method(),
        call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    if (call.timeout() != null) {
      rb.timeout(call.timeout());
    }
    HttpRequest request = rb.build();
    try {
      if (call.streaming()) {
        HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        return new RawResponse(r.statusCode(), r.headers(), r.body());
      }
      CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
      HttpResponse<byte[]> r;
      try {
        r = call.timeout() == null ? future.get() : future.get(call.timeout().toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        throw new HttpTimeoutException("request timed out after " + call.timeout().toMillis() + " ms");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) throw io;
        if (cause instanceof RuntimeException re) throw re;
        throw new IOException(cause);
      }
      return RawResponse.buffered(r.statusCode(), r.headers(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
