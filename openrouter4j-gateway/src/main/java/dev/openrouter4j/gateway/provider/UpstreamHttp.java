package dev.openrouter4j.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Sending a request to an HTTP upstream and classifying the outcome, shared by the HTTP adapters: a
 * 2xx response comes back paused (its body not yet read); anything else becomes an {@link
 * UpstreamException} with the upstream's message.
 */
public final class UpstreamHttp {
  private static final int MAX_ERROR_MESSAGE = 1000;

  private UpstreamHttp() {}

  public static Future<HttpClientResponse> send(EventLoopClients clients, RequestOptions options, Buffer body) {
    return send(clients, options, body, null);
  }

  /** As above; when {@code abandoned} completes first, the request is reset (the client left). */
  public static Future<HttpClientResponse> send(EventLoopClients clients, RequestOptions options, Buffer body, Future<Void> abandoned) {
    return clients
        .request(options)
        .compose(
            req -> {
              if (abandoned != null) abandoned.onComplete(v -> req.reset());
              return req.send(body);
            })
        .recover(t -> Future.failedFuture(classify(t)))
        .compose(
            response -> {
              if (response.statusCode() >= 200 && response.statusCode() < 300) {
                response.pause();
                return Future.succeededFuture(response);
              }
              long retryAfter = parseRetryAfter(response.getHeader("retry-after"));
              int status = response.statusCode();
              return response
                  .body()
                  .recover(t -> Future.succeededFuture(Buffer.buffer()))
                  .compose(b -> Future.failedFuture(UpstreamException.fromStatus(status, errorMessage(status, b), retryAfter)));
            });
  }

  /** A transport failure: timeouts become 408, everything else "provider unavailable" (502). */
  public static UpstreamException classify(Throwable t) {
    if (t instanceof UpstreamException u) return u;
    if (t instanceof TimeoutException
        || (t.getMessage() != null && t.getMessage().toLowerCase().contains("timeout"))) {
      return UpstreamException.timeout("upstream timed out: " + t.getMessage());
    }
    String what = t instanceof ConnectException ? "could not connect" : "connection failed";
    return UpstreamException.unreachable("upstream " + what + ": " + t.getMessage());
  }

  /** The upstream's error message from an OpenAI/OpenRouter/Anthropic error body, or the body. */
  static String errorMessage(int status, Buffer body) {
    String text = body.toString();
    try {
      JsonNode root = Json.mapper().readTree(text);
      JsonNode error = root == null ? null : root.get("error");
      if (error != null && error.path("message").isTextual()) return error.get("message").asText();
      if (error != null && error.isTextual()) return error.asText();
      if (root != null && root.path("message").isTextual()) return root.get("message").asText();
    } catch (Exception notJson) {
      // fall through to the raw text
    }
    text = text.strip();
    if (text.isEmpty()) return "upstream answered " + status;
    return text.length() > MAX_ERROR_MESSAGE ? text.substring(0, MAX_ERROR_MESSAGE) + "…" : text;
  }

  static long parseRetryAfter(String value) {
    if (value == null) return -1;
    try {
      return Math.max(0, (long) Math.ceil(Double.parseDouble(value.trim())));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
