package dev.openrouter4j.bench.jmh;

import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * openai-java's transport seam answered with one canned response, in the calling thread. The
 * request body is written out (to nowhere) as a real transport would, so its JSON encoding is paid
 * for exactly as on the wire.
 */
public final class CannedOpenAiHttpClient implements HttpClient {
  private final int status;
  private final Headers headers;
  private final byte[] body;

  public CannedOpenAiHttpClient(int status, String contentType, byte[] body) {
    this.status = status;
    this.headers = Headers.builder().put("content-type", contentType).build();
    this.body = body;
  }

  @Override
  public HttpResponse execute(HttpRequest request, RequestOptions options) {
    HttpRequestBody requestBody = request.body();
    if (requestBody != null) requestBody.writeTo(OutputStream.nullOutputStream());
    InputStream in = new ByteArrayInputStream(body);
    return new HttpResponse() {
      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public Headers headers() {
        return headers;
      }

      @Override
      public InputStream body() {
        return in;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
    return CompletableFuture.completedFuture(execute(request, options));
  }

  @Override
  public void close() {}
}
