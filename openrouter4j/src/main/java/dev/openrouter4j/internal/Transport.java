package dev.openrouter4j.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

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
        HttpResponse<StreamingBody> r = client.send(request, StreamingBody.handler());
        return new RawResponse(r.statusCode(), r.headers(), r.body());
      }
      // send, not sendAsync: see BufferedBody
      long start = System.nanoTime();
      HttpResponse<BufferedBody> r = client.send(request, BufferedBody.handler());
      if (call.timeout() == null) {
        return RawResponse.buffered(r.statusCode(), r.headers(), r.body().await(-1, ""));
      }
      long left = call.timeout().toNanos() - (System.nanoTime() - start);
      byte[] body = r.body().await(left, "request timed out after " + call.timeout().toMillis() + " ms");
      return RawResponse.buffered(r.statusCode(), r.headers(), body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
