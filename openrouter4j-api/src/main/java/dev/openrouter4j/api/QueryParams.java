package dev.openrouter4j.api;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The query string of a GET operation being built: names in the order they were first set, values
 * as the API spells them (numbers without a trailing {@code .0}, booleans in lower case, lists
 * comma-separated). Setting null removes a parameter, so only what was set is sent. Values are not
 * encoded here; the client URL-encodes them.
 */
public final class QueryParams {
  private final Map<String, String> values = new LinkedHashMap<>();

  public QueryParams() {}

  public QueryParams(Map<String, String> initial) {
    values.putAll(initial);
  }

  /** Sets {@code name}, or removes it when {@code value} is null or an empty collection. */
  public QueryParams set(String name, Object value) {
    Objects.requireNonNull(name, "name == null");
    String text = format(value);
    if (text == null) {
      values.remove(name);
    } else {
      values.put(name, text);
    }
    return this;
  }

  /** An unmodifiable copy, in insertion order. */
  public Map<String, String> toMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  static String format(Object value) {
    if (value == null) return null;
    if (value instanceof Collection<?> c) {
      return c.isEmpty() ? null : c.stream().map(QueryParams::format).collect(Collectors.joining(","));
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      BigDecimal d = value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).doubleValue());
      return d.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }
}
