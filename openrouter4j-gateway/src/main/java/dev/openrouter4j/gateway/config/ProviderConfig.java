package dev.openrouter4j.gateway.config;

import java.util.List;
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

  /** The adapter kinds a provider may name. */
  public static final List<String> KINDS = List.of("openai", "anthropic", "openrouter", "simulated");

  /** The public API base URL of a kind, used when {@code base_url} is not given; null for {@code simulated}. */
  public static String defaultBaseUrl(String kind) {
    return switch (kind) {
      case "openai" -> "https://api.openai.com/v1";
      case "anthropic" -> "https://api.anthropic.com";
      case "openrouter" -> "https://openrouter.ai/api/v1";
      default -> null;
    };
  }

  public ProviderConfig {
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** True when the provider does not store or train on prompts ({@code data_collection: deny}). */
  public boolean deniesDataCollection() {
    return "deny".equals(dataCollection);
  }
}
