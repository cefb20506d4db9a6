package dev.openrouter4j.internal;

import dev.openrouter4j.RetryConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as it travels down the pipeline. Immutable: a stage that adds headers makes a copy.
 * {@code body} is null for GET; {@code timeout} is the total time for a buffered call, or the time
 * to the response headers for a stream.
 */
public record HttpCall(
    String method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    boolean streaming,
    Duration timeout,
    RetryConfig retry) {

  public HttpCall {
    headers = Map.copyOf(headers);
  }

  public HttpCall withHeaders(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(headers);
    merged.putAll(more);
    return new HttpCall(method, uri, merged, body, streaming, timeout, retry);
  }
}
