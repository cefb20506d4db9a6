package dev.openrouter4j.gateway.config;

import java.util.List;

/**
 * {@code models[]}: a model id clients ask for, and the endpoints that serve it. An id ending in
 * {@code /*} (or the id {@code *}) is a pattern: any id it matches is served, and each endpoint's
 * upstream model is the part the wildcard matched unless {@code upstream_model} says otherwise.
 */
public record ModelConfig(String id, String name, Integer contextLength, List<EndpointConfig> endpoints) {
  public ModelConfig {
    endpoints = List.copyOf(endpoints);
  }

  public boolean isPattern() {
    return id.equals("*") || id.endsWith("/*");
  }

  /** For a pattern, the part of {@code requested} the wildcard covers; null when it does not match. */
  public String match(String requested) {
    if (!isPattern()) return id.equals(requested) ? requested : null;
    if (id.equals("*")) return requested;
    String prefix = id.substring(0, id.length() - 1);
    return requested.startsWith(prefix) && requested.length() > prefix.length() ? requested.substring(prefix.length()) : null;
  }
}
