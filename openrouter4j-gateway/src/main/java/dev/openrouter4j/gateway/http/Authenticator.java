package dev.openrouter4j.gateway.http;

import dev.openrouter4j.gateway.account.ApiKey;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * The authenticate stage: who is calling. {@link KeyAuthenticator} is the gateway's; {@link
 * #openMode} accepts any bearer (local open mode, loopback only).
 */
public interface Authenticator {
  /** The hash that records are kept under in local open mode, where there are no keys. */
  String LOCAL = "local";

  /**
   * Who is calling: an API key ({@code key} set, {@code keyHash} its hash), the management key
   * ({@code management}, no key), or anyone in local open mode ({@code keyHash} {@link #LOCAL}).
   */
  record Caller(String keyHash, ApiKey key, boolean management) {
    public static Caller local() {
      return new Caller(LOCAL, null, false);
    }

    public static Caller managementKey() {
      return new Caller(null, null, true);
    }

    public static Caller of(ApiKey key) {
      return new Caller(key.hash(), key, false);
    }

    /** True for the management key: it manages keys but makes no generations. */
    public boolean isManagement() {
      return management;
    }
  }

  Future<Caller> authenticate(HttpServerRequest request);

  /** Accepts any {@code Authorization: Bearer …}; refuses a request without one (401). */
  static Authenticator openMode() {
    return request -> {
      if (KeyAuthenticator.bearer(request) == null) return Future.failedFuture(KeyAuthenticator.unauthorized("No auth credentials found"));
      return Future.succeededFuture(Caller.local());
    };
  }
}
