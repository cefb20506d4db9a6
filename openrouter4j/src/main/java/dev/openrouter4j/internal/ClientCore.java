package dev.openrouter4j.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.openrouter4j.ApiResponse;
import dev.openrouter4j.EventStream;
import dev.openrouter4j.RequestOptions;
import dev.openrouter4j.RetryConfig;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.errors.ClientTimeoutException;
import dev.openrouter4j.errors.ConnectionException;
import dev.openrouter4j.errors.OpenRouterException;
import dev.openrouter4j.errors.ResponseDecodeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What every operation shares: build the call, run it through the pipeline, turn the outcome into a
 * decoded body, a stream, or the right exception. Services are thin typed wrappers over this.
 */
public final class ClientCore {
  private final URI serverUrl;
  private final Pipeline pipeline;
  private final Duration timeout;
  private final RetryConfig retry;
  private final Executor asyncExecutor;
  private final ObjectWriter writer = Json.mapper().writer();
  private final Map<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();

  public ClientCore(URI serverUrl, Pipeline pipeline, Duration timeout, RetryConfig retry, Executor asyncExecutor) {
    this.serverUrl = serverUrl;
    this.pipeline = pipeline;
    this.timeout = timeout;
    this.retry = retry;
    this.asyncExecutor = asyncExecutor;
  }

  public ObjectReader reader(Class<?> type) {
    return reader(Json.mapper().constructType(type));
  }

  public ObjectReader reader(JavaType type) {
    return readers.computeIfAbsent(type, t -> Json.mapper().readerFor(t));
  }

  /** A buffered call: the body decoded as {@code type}, or the status's exception. */
  public <T> ApiResponse<T> execute(String method, String path, Object body, JavaType type, RequestOptions options) {
    return execute(method, path, Map.of(), body, type, options);
  }

  /**
   * A buffered call with a query string: only the given parameters, URL-encoded, in the map's
   * order. {@code body} is null for GET and DELETE.
   */
  public <T> ApiResponse<T> execute(
      String method, String path, Map<String, String> query, Object body, JavaType type, RequestOptions options) {
    HttpCall call = call(method, path + Urls.query(query), body, false, options);
    RawResponse response = run(call);
    byte[] bytes = response.readAll();
    if (!response.isSuccessful()) {
      throw ErrorMapper.map(response.status(), response.headers(), bytes);
    }
    String raw = new String(bytes, StandardCharsets.UTF_8);
    if (response.contentType().contains("text/event-stream")) {
      throw new ResponseDecodeException(
          "expected application/json but the server sent an event stream", response.status(), raw, null);
    }
    try {
      T decoded = reader(type).readValue(bytes);
      if (decoded == null) {
        throw new ResponseDecodeException("empty response body", response.status(), raw, null);
      }
      return new ApiResponse<>(response.status(), response.headers(), decoded, raw);
    } catch (IOException e) {
      throw decodeFailure(e, response.status(), raw);
    }
  }

  /** A streaming call: the live stream once the server answered 2xx, or the status's exception. */
  public <T> EventStream<T> stream(String path, Object body, StreamCodec<T> codec, RequestOptions options) {
    HttpCall call = call("POST", path, body, true, options);
    RawResponse response = run(call);
    if (!response.isSuccessful()) {
      byte[] bytes = response.readAll();
      throw ErrorMapper.map(response.status(), response.headers(), bytes);
    }
    String type = response.contentType();
    if (!type.isEmpty() && !type.contains("text/event-stream")) {
      String raw = new String(response.readAll(), StandardCharsets.UTF_8);
      throw new ResponseDecodeException("expected text/event-stream but got " + type, response.status(), raw, null);
    }
    return new SseEventStream<>(response, codec);
  }

  public <T> CompletableFuture<T> async(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, asyncExecutor);
  }

  public static ResponseDecodeException decodeFailure(IOException e, int status, String raw) {
    String where = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? " at " + m.getPathReference() : "";
    String what = e instanceof JsonMappingException m ? m.getOriginalMessage() : e.getMessage();
    return new ResponseDecodeException("response body is not in the documented shape" + where + ": " + what, status, raw, e);
  }

  private HttpCall call(String method, String path, Object body, boolean streaming, RequestOptions options) {
    RequestOptions o = options == null ? RequestOptions.none() : options;
    URI base = o.serverUrl() != null ? URI.create(o.serverUrl()) : serverUrl;
    byte[] bytes = null;
    if (body != null) {
      try {
        bytes = writer.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new OpenRouterException("could not encode the request: " + e.getMessage(), e);
      }
    }
    return new HttpCall(
        method,
        resolve(base, path),
        o.headers(),
        bytes,
        streaming,
        o.timeout() != null ? o.timeout() : timeout,
        o.retryConfig() != null ? o.retryConfig() : retry);
  }

  /** Like the reference SDK: the path is relative to the server URL, keeping any prefix it has. */
  static URI resolve(URI base, String path) {
    String b = base.toString();
    if (!b.endsWith("/")) b = b + "/";
    return URI.create(b).resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  private RawResponse run(HttpCall call) {
    try {
      return pipeline.execute(call);
    } catch (HttpTimeoutException e) {
      throw new ClientTimeoutException("timed out: " + e.getMessage(), e);
    } catch (InterruptedIOException e) {
      throw new OpenRouterException("interrupted", e);
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ConnectionException("could not reach " + call.uri().getHost() + ": " + msg, e);
    }
  }
}
