package dev.openrouter4j.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Adds authentication and the identifying headers. The key supplier is asked on every attempt, so
 * a rotated key takes effect on the next retry. Per-call headers (already on the call) win.
 */
public final class HeadersInterceptor implements Interceptor {
  private final Supplier<String> apiKey;
  private final Map<String, String> clientHeaders;

  public HeadersInterceptor(Supplier<String> apiKey, Map<String, String> clientHeaders) {
    this.apiKey = apiKey;
    this.clientHeaders = Map.copyOf(clientHeaders);
  }

  @Override
  public RawResponse intercept(Chain chain) throws IOException {
    HttpCall call = chain.call();
    Map<String, String> headers = new LinkedHashMap<>(clientHeaders);
    String key = apiKey == null ? null : apiKey.get();
    if (key != null && !key.isBlank()) {
      headers.put("Authorization", key.regionMatches(true, 0, "Bearer ", 0, 7) ? key : "Bearer " + key);
    }
    headers.put("Accept", call.streaming() ? "text/event-stream" : "application/json");
    if (call.body() != null) {
      headers.put("Content-Type", "application/json");
    }
    // the call's own headers (per-call options) override the client's
    for (Map.Entry<String, String> e : call.headers().entrySet()) {
      headers.keySet().removeIf(k -> k.equalsIgnoreCase(e.getKey()));
      headers.put(e.getKey(), e.getValue());
    }
    return chain.proceed(new HttpCall(call.method(), call.uri(), headers, call.body(), call.streaming(), call.timeout(), call.retry()));
  }
}
