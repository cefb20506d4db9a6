package dev.openrouter4j.api.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Normalises the {@code extra}/{@code extraBody} maps of the chat records. */
final class WireMaps {
  private WireMaps() {}

  /**
   * Jackson hands an any-setter creator parameter an empty map when nothing was unknown, while
   * builders leave it null; both mean "nothing extra", so both become null and a read record equals a
   * built one. Non-empty maps are copied (insertion order, null values allowed) and unmodifiable.
   */
  static <V> Map<String, V> extra(Map<String, V> map) {
    return map == null || map.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
