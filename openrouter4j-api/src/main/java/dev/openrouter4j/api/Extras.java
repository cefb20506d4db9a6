package dev.openrouter4j.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Normalises the {@code extra}/{@code extraBody} maps of the wire records outside the chat package.
 * Jackson hands an any-setter creator parameter an empty map when nothing was unknown, while
 * builders leave it null; both become null, so a read record equals a built one. Non-empty maps are
 * copied (insertion order, null values allowed: an explicit JSON null) and unmodifiable.
 */
public final class Extras {
  private Extras() {}

  public static <V> Map<String, V> normalize(Map<String, V> map) {
    return map == null || map.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
