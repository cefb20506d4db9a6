package dev.openrouter4j.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body up to a size limit. A declared Content-Length over the limit is refused
 * before any byte is read; a chunked body is refused as soon as it passes the limit.
 */
public final class BodyReader {
  private BodyReader() {}

  public static Future<Buffer> read(HttpServerRequest request, long maxBytes) {
    String declared = request.getHeader("content-length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > maxBytes) return Future.failedFuture(tooLarge(maxBytes));
      } catch (NumberFormatException e) {
        return Future.failedFuture(ApiError.badRequest("invalid Content-Length"));
      }
    }
    Promise<Buffer> promise = Promise.promise();
    Buffer body = Buffer.buffer(declared != null ? (int) Math.min(Long.parseLong(declared.trim()), maxBytes) : 1024);
    request.handler(
        chunk -> {
          if (body.length() + chunk.length() > maxBytes) {
            promise.tryFail(tooLarge(maxBytes));
            request.pause();
            return;
          }
          body.appendBuffer(chunk);
        });
    request.exceptionHandler(promise::tryFail);
    request.endHandler(v -> promise.tryComplete(body));
    request.resume();
    return promise.future();
  }

  private static ApiError tooLarge(long max) {
    return new ApiError(413, "request body larger than " + max + " bytes", java.util.Map.of("error_type", "payload_too_large"), -1);
  }
}
