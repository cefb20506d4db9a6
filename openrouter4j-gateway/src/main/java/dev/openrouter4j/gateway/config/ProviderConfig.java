package dev.openrouter4j.gateway.config;

import java.util.Map;

/**
 * {@code providers[]}: one upstream account. {@code id} is the slug that {@code provider.order},
 * {@code only} and {@code ignore} name; {@code kind} picks the adapter ({@code openai}, {@code
 * anthropic}, {@code openrouter}, {@code simulated}). {@code options} holds kind-specific settings
 * (for {@code simulated}: its timings and faults), uninterpreted here.
 */
public record ProviderConfig(
    String id,
    String kind,
    String baseUrl,
    String apiKey,
    long timeoutMs,
    String dataCollection,
    boolean zdr,
    Map<String, Object> options) {

  public static final long DEFAULT_TIMEOUT_MS = 600_000;

  public ProviderConfig {
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** True when the provider does not store or train on prompts ({@code data_collection: deny}). */
  public boolean deniesDataCollection() {
    return "deny".equals(dataCollection);
  }
}
