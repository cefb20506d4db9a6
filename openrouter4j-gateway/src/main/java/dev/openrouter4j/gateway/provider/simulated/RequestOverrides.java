package dev.openrouter4j.gateway.provider.simulated;

import dev.openrouter4j.gateway.provider.UpstreamRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code x-simulate-*} settings of one request, as {@link SimulationProfile} option keys. They
 * are read from the request body's unknown top-level keys first (these survive any gateway, which
 * forwards {@code extraBody}) and then from the forwarded headers, which win.
 */
final class RequestOverrides {
  static final String PREFIX = "x-simulate-";

  static final Map<String, String> NAMES =
      Map.of(
          "x-simulate-ttft-ms", "ttft_ms",
          "x-simulate-tokens", "output_tokens",
          "x-simulate-tps", "tokens_per_second",
          "x-simulate-fault", "fault",
          "x-simulate-fault-rate", "fault_rate");

  private RequestOverrides() {}

  /** Throws {@link IllegalArgumentException} for an {@code x-simulate-} name it does not know (a typo). */
  static Map<String, Object> of(UpstreamRequest request) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> body = request.request().extraBody();
    if (body != null) body.forEach((k, v) -> put(out, k, v));
    request.headers().forEach((k, v) -> put(out, k, v));
    return out;
  }

  private static void put(Map<String, Object> out, String name, Object value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.startsWith(PREFIX)) return;
    String key = NAMES.get(lower);
    if (key == null) {
      throw new IllegalArgumentException(
          "unknown simulation override '" + name + "'; known: " + String.join(", ", NAMES.keySet().stream().sorted().toList()));
    }
    out.put(key, value);
  }
}
