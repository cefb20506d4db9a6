package dev.openrouter4j.gateway.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code providers[]}: one upstream account. {@code id} is the slug that {@code provider.order},
 * {@code only} and {@code ignore} name; {@code kind} picks the adapter ({@code openai}, {@code
 * anthropic}, {@code openrouter}, {@code simulated}). {@code options} holds kind-specific settings
 * (for {@code simulated}: its timings and faults), uninterpreted here. {@code responses}: the
 * upstream also serves the Responses API at {@code {base_url}/responses}, so a Responses client's
 * request is passed through there instead of being translated to chat completions (kinds {@code
 * openai} and {@code openrouter} only; see {@link #defaultResponses}).
 */
public record ProviderConfig(
    String id,
    String kind,
    String baseUrl,
    String apiKey,
    long timeoutMs,
    String dataCollection,
    boolean zdr,
    Map<String, Object> options,
    boolean responses) {

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

  /** The kinds whose upstream may serve the Responses API ({@code responses: true}). */
  public static final List<String> RESPONSES_KINDS = List.of("openai", "openrouter");

  public ProviderConfig {
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** With {@code responses} at its default for the kind and base URL. */
  public ProviderConfig(
      String id, String kind, String baseUrl, String apiKey, long timeoutMs, String dataCollection, boolean zdr, Map<String, Object> options) {
    this(id, kind, baseUrl, apiKey, timeoutMs, dataCollection, zdr, options, defaultResponses(kind, baseUrl));
  }

  /**
   * Whether the upstream serves {@code /responses} unless the configuration says: OpenRouter does;
   * of OpenAI-compatible servers only OpenAI's own API is assumed to (most others, and older vLLM,
   * serve chat completions only).
   */
  public static boolean defaultResponses(String kind, String baseUrl) {
    return switch (kind) {
      case "openrouter" -> true;
      case "openai" -> "api.openai.com".equals(host(baseUrl == null ? defaultBaseUrl(kind) : baseUrl));
      default -> false;
    };
  }

  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** True when the provider does not store or train on prompts ({@code data_collection: deny}). */
  public boolean deniesDataCollection() {
    return "deny".equals(dataCollection);
  }
}
