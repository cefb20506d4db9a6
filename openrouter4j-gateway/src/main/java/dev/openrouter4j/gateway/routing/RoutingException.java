package dev.openrouter4j.gateway.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request cannot be routed: 400 when no model or an unknown model was asked for, 404 when no
 * configured endpoint survives the request's filters. {@code metadata} carries {@code
 * requested_models} and, for 404s, {@code excluded_by} (ROUTING.md a11's vocabulary), for the
 * error body's {@code metadata}/{@code availability}.
 */
public final class RoutingException extends RuntimeException {
  private final int status;
  private final Map<String, Object> metadata;

  public RoutingException(int status, String message, Map<String, Object> metadata) {
    super(message);
    this.status = status;
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  public int status() {
    return status;
  }

  public Map<String, Object> metadata() {
    return metadata;
  }
}
