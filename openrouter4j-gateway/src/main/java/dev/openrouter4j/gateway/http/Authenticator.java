package dev.openrouter4j.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * The authenticate stage. Until API keys exist (the accounts work adds them) the gateway runs in
 * local open mode: any bearer token is accepted, and the server only binds to loopback.
 */
public interface Authenticator {
  /** Who is calling; {@code keyHash} identifies the API key once keys exist. */
  record Caller(String keyHash) {}

  Future<Caller> authenticate(HttpServerRequest request);

  /** Accepts any {@code Authorization: Bearer …}; refuses a request without one (401). */
  static Authenticator openMode() {
    return request -> {
      String auth = request.getHeader("authorization");
      if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.length() <= 7) {
        return Future.failedFuture(
            new ApiError(401, "No auth credentials found", java.util.Map.of("error_type", "authentication"), -1));
      }
      return Future.succeededFuture(new Caller("local"));
    };
  }
}
