package dev.openrouter4j.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Percent-encoding for the parts of an operation path the caller supplies. */
public final class Urls {
  private Urls() {}

  /** One path segment: everything but unreserved characters is encoded, {@code /} included. */
  public static String segment(String value) {
    return encode(value);
  }

  /** {@code ?a=1&b=x%20y} for a non-empty map, in its order; empty for an empty one. */
  public static String query(Map<String, String> params) {
    if (params == null || params.isEmpty()) return "";
    StringJoiner joiner = new StringJoiner("&", "?", "");
    params.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
    return joiner.toString();
  }

  // URLEncoder is the form encoding: a space becomes '+', which a path does not decode; use %20.
  // '*' is left alone by it and is a sub-delimiter in URIs: encode it too.
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
  }
}
