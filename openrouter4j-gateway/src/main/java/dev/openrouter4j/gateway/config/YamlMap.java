package dev.openrouter4j.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A YAML mapping whose keys have been checked, with typed getters that apply defaults. A key that is
 * absent or null gets the default; a value of the wrong type is an error located at the value.
 */
final class YamlMap {
  /** The key (for positions) and its value. */
  record Entry(YamlNode key, YamlNode value) {}

  private final YamlNode owner;
  private final Map<String, Entry> entries;

  YamlMap(YamlNode owner, Map<String, Entry> entries) {
    this.owner = owner;
    this.entries = entries;
  }

  /** The value, or null when the key is absent or its value counts as not given. */
  YamlNode get(String key) {
    Entry e = entries.get(key);
    return e == null || e.value().isNull() ? null : e.value();
  }

  YamlNode require(String key) {
    Entry e = entries.get(key);
    if (e == null) throw owner.error("missing required key '" + key + "' " + owner.in());
    // At the key: an empty value has no text of its own to point at.
    if (e.value().isNull()) throw e.key().error(e.value().path() + " must not be empty");
    return e.value();
  }

  String string(String key, String fallback) {
    YamlNode v = get(key);
    return v == null ? fallback : v.asString();
  }

  long integer(String key, long fallback, long min, long max) {
    YamlNode v = get(key);
    return v == null ? fallback : v.asLong(min, max);
  }

  /** A positive int, or null when not given. */
  Integer optionalPositiveInt(String key) {
    YamlNode v = get(key);
    return v == null ? null : (int) v.asLong(1, Integer.MAX_VALUE);
  }

  double nonNegative(String key, double fallback) {
    YamlNode v = get(key);
    return v == null ? fallback : v.asDouble(0);
  }

  Double optionalNonNegative(String key) {
    YamlNode v = get(key);
    return v == null ? null : v.asDouble(0);
  }

  boolean bool(String key, boolean fallback) {
    YamlNode v = get(key);
    return v == null ? fallback : v.asBoolean();
  }

  String oneOf(String key, String fallback, List<String> allowed) {
    YamlNode v = get(key);
    return v == null ? fallback : v.asOneOf(allowed);
  }

  /** The list's items; empty when the key is not given. */
  List<YamlNode> list(String key) {
    YamlNode v = get(key);
    return v == null ? List.of() : v.asList();
  }

  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (YamlNode item : list(key)) {
      if (item.isNull()) throw item.error(item.path() + " must not be empty");
      out.add(item.asString());
    }
    return out;
  }

  /** A nested mapping with its own known keys, or null when the key is not given. */
  YamlMap map(String key, List<String> known) {
    YamlNode v = get(key);
    return v == null ? null : v.asMap(known);
  }

  /** A mapping of uninterpreted settings as plain Java values; empty when not given. */
  @SuppressWarnings("unchecked")
  Map<String, Object> plainMap(String key) {
    YamlNode v = get(key);
    if (v == null) return Map.of();
    v.asMap(null); // fails with "must be a mapping" for anything else
    return (Map<String, Object>) v.toPlain();
  }

  void forEach(BiConsumer<String, YamlNode> action) {
    entries.forEach((key, entry) -> action.accept(key, entry.value()));
  }
}
