package dev.openrouter4j.gateway.config;

import java.util.List;
import java.util.Locale;

/**
 * The known key an unknown one was probably meant to be: the same once case, '-' and '_' are
 * ignored ({@code baseUrl}, {@code base-url}), a prefix ({@code timeout} for {@code timeout_ms}), or
 * a typo of at most two edits (one for keys of three letters or fewer).
 */
final class KeyHint {
  private KeyHint() {}

  static String closest(String key, List<String> known) {
    String k = normalize(key);
    if (k.isEmpty()) return null;
    for (String candidate : known) {
      if (normalize(candidate).equals(k)) return candidate;
    }
    for (String candidate : known) {
      String c = normalize(candidate);
      if (k.length() >= 3 && (c.startsWith(k) || k.startsWith(c))) return candidate;
    }
    String best = null;
    // A short key is close to too many others for two edits to mean anything.
    int bestDistance = k.length() <= 3 ? 2 : 3;
    for (String candidate : known) {
      int d = distance(k, normalize(candidate));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  private static String normalize(String s) {
    return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance; keys are short, so the quadratic table is fine. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
