package dev.openrouter4j.gateway.http;

import dev.openrouter4j.api.ErrorResponse;
import dev.openrouter4j.api.Json;
import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure to answer with OpenRouter's error body: {@code {"error":{"code","message","metadata"}}}
 * and the same status. Thrown or returned by any stage; written once by {@link #send}.
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final Map<String, Object> metadata;
  private final long retryAfterSeconds;

  public ApiError(int status, String message, Map<String, Object> metadata, long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.metadata = metadata == null ? null : Map.copyOf(metadata);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ApiError(int status, String message) {
    this(status, message, null, -1);
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, message, Map.of("error_type", "invalid_request"), -1);
  }

  /** A 400 naming the field that is wrong, as {@code metadata.param}. */
  public static ApiError invalidField(String field, String message) {
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("error_type", "invalid_request");
    md.put("param", field);
    return new ApiError(400, field + ": " + message, md, -1);
  }

  public int status() {
    return status;
  }

  public Map<String, Object> metadata() {
    return metadata;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public String json() {
    try {
      return Json.mapper().writeValueAsString(ErrorResponse.of(status, getMessage(), metadata));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return "{\"error\":{\"code\":" + status + ",\"message\":\"error\"}}";
    }
  }

  /** Writes this error as the whole response, unless the response has already begun. */
  public io.vertx.core.Future<Void> send(HttpServerResponse response) {
    if (response.headWritten() || response.ended() || response.closed()) return io.vertx.core.Future.succeededFuture();
    response.setStatusCode(status).putHeader("content-type", "application/json");
    if (retryAfterSeconds >= 0) response.putHeader("retry-after", Long.toString(retryAfterSeconds));
    return response.end(json());
  }
}
