package dev.openrouter4j.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and {@code --flag} arguments; an unknown or missing one is an error naming it. */
public final class Args {
  private final Map<String, String> values = new LinkedHashMap<>();

  public Args(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a);
      String name = a.substring(2);
      int eq = name.indexOf('=');
      if (eq >= 0) {
        values.put(name.substring(0, eq), name.substring(eq + 1));
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        values.put(name, args.get(++i));
      } else {
        values.put(name, "true");
      }
    }
  }

  public String string(String name) {
    String v = values.get(name);
    if (v == null) throw new IllegalArgumentException("--" + name + " is required");
    return v;
  }

  public String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }

  public long number(String name, long fallback) {
    String v = values.get(name);
    return v == null || v.isEmpty() ? fallback : Long.parseLong(v);
  }

  public Duration seconds(String name, double fallback) {
    String v = values.get(name);
    double s = v == null ? fallback : Double.parseDouble(v);
    return Duration.ofNanos((long) (s * 1e9));
  }

  public boolean has(String name) {
    String v = values.get(name);
    return v != null && !v.isEmpty();
  }
}
