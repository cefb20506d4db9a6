package dev.openrouter4j.gateway.provider.simulated;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.openrouter4j.api.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plausible value for a JSON Schema, for simulated tool-call arguments. Covers what function
 * schemas usually hold: {@code const}, {@code enum}, {@code anyOf}/{@code oneOf}/{@code allOf} (the first branch),
 * {@code type} (a list picks its first non-null type), string {@code format}s and lengths, number
 * bounds, array {@code items}/{@code minItems}, and objects with every {@code required} property
 * (or, with none required, the first property). Not a validator: exotic schemas may get a value
 * that does not match.
 */
final class SchemaSample {
  private static final int MAX_DEPTH = 8;
  private static final int MAX_ITEMS = 8;
  private static final String WORD = "lorem";

  private SchemaSample() {}

  /** Arguments for a function with this {@code parameters} schema, as JSON text (always an object). */
  static String arguments(Map<String, Object> parameters) {
    Object value = value(parameters, 0);
    try {
      return Json.mapper().writeValueAsString(value instanceof Map<?, ?> ? value : Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("sample of plain maps and lists must serialise", e);
    }
  }

  static Object value(Object schema, int depth) {
    // true, {} or a missing schema accepts anything; a string is the friendliest thing to send
    if (!(schema instanceof Map<?, ?> s) || depth > MAX_DEPTH) return WORD;
    if (s.containsKey("const")) return s.get("const");
    if (s.get("enum") instanceof List<?> values && !values.isEmpty()) return values.get(0);
    for (String union : List.of("anyOf", "oneOf", "allOf")) {
      if (s.get(union) instanceof List<?> branches && !branches.isEmpty()) return value(branches.get(0), depth + 1);
    }
    return switch (type(s)) {
      case "object" -> object(s, depth);
      case "array" -> array(s, depth);
      case "integer", "number" -> number(s);
      case "boolean" -> true;
      case "null" -> null;
      default -> string(s);
    };
  }

  private static String type(Map<?, ?> s) {
    Object type = s.get("type");
    if (type instanceof String t) return t;
    if (type instanceof List<?> types) {
      for (Object t : types) if (t instanceof String name && !name.equals("null")) return name;
      if (!types.isEmpty()) return "null";
    }
    if (s.containsKey("properties")) return "object";
    if (s.containsKey("items")) return "array";
    return "string";
  }

  private static Map<String, Object> object(Map<?, ?> s, int depth) {
    Map<?, ?> properties = s.get("properties") instanceof Map<?, ?> p ? p : Map.of();
    List<String> keys = new ArrayList<>();
    if (s.get("required") instanceof List<?> required) {
      for (Object r : required) if (r instanceof String name) keys.add(name);
    }
    if (keys.isEmpty() && !properties.isEmpty()) keys.add(String.valueOf(properties.keySet().iterator().next()));
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : keys) out.put(key, value(properties.get(key), depth + 1));
    return out;
  }

  private static List<Object> array(Map<?, ?> s, int depth) {
    Object items = s.get("items");
    long count = Math.max(whole(s.get("minItems"), 0), items == null ? 0 : 1);
    count = Math.min(Math.min(count, whole(s.get("maxItems"), MAX_ITEMS)), MAX_ITEMS);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < count; i++) out.add(value(items, depth + 1));
    return out;
  }

  /** 1 when allowed; otherwise the nearest whole number inside the bounds. */
  private static long number(Map<?, ?> s) {
    long v = 1;
    if (s.get("minimum") instanceof Number min && min.doubleValue() > v) v = (long) Math.ceil(min.doubleValue());
    if (s.get("exclusiveMinimum") instanceof Number min && min.doubleValue() >= v) v = (long) Math.floor(min.doubleValue()) + 1;
    if (s.get("maximum") instanceof Number max && max.doubleValue() < v) v = (long) Math.floor(max.doubleValue());
    if (s.get("exclusiveMaximum") instanceof Number max && max.doubleValue() <= v) v = (long) Math.ceil(max.doubleValue()) - 1;
    return v;
  }

  private static String string(Map<?, ?> s) {
    String v =
        switch (String.valueOf(s.get("format"))) {
          case "date-time" -> "2025-01-01T00:00:00Z";
          case "date" -> "2025-01-01";
          case "time" -> "00:00:00Z";
          case "email" -> "simulated@example.com";
          case "uri", "url" -> "https://example.com/";
          case "uuid" -> "00000000-0000-4000-8000-000000000000";
          default -> WORD;
        };
    long min = whole(s.get("minLength"), 0);
    long max = whole(s.get("maxLength"), Integer.MAX_VALUE);
    if (v.length() < min) v = v + "x".repeat((int) Math.min(min - v.length(), 10_000));
    if (v.length() > max) v = v.substring(0, (int) max);
    return v;
  }

  private static long whole(Object value, long fallback) {
    return value instanceof Number n ? Math.max(0, n.longValue()) : fallback;
  }
}
