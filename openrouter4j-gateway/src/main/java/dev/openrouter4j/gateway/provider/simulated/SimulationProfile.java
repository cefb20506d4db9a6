package dev.openrouter4j.gateway.provider.simulated;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a simulated model behaves: {@code ttftMs} before the answer starts, {@code tokensPerSecond}
 * while it streams (0: as fast as the client reads), {@code outputTokens} words of text, and a
 * {@code fault} that strikes with probability {@code faultRate} (drawn from a generator seeded with
 * {@code seed}, so a run of requests fails the same way every time).
 */
public record SimulationProfile(
    long ttftMs, double tokensPerSecond, int outputTokens, SimulatedFault fault, double faultRate, long seed) {

  public static final SimulationProfile DEFAULT = new SimulationProfile(0, 0, 16, SimulatedFault.NONE, 1, 42);

  /** The keys of a {@code simulated} provider's {@code options}. */
  public static final Set<String> OPTION_KEYS =
      Set.of("ttft_ms", "tokens_per_second", "output_tokens", "fault", "fault_rate", "seed");

  public SimulationProfile {
    if (ttftMs < 0) throw new IllegalArgumentException("ttft_ms must not be negative: " + ttftMs);
    if (!(tokensPerSecond >= 0) || Double.isInfinite(tokensPerSecond)) {
      throw new IllegalArgumentException("tokens_per_second must be a finite number >= 0: " + tokensPerSecond);
    }
    if (outputTokens < 0) throw new IllegalArgumentException("output_tokens must not be negative: " + outputTokens);
    if (!(faultRate >= 0 && faultRate <= 1)) throw new IllegalArgumentException("fault_rate must be within 0..1: " + faultRate);
    fault = fault == null ? SimulatedFault.NONE : fault;
  }

  /** Reads a provider's {@code options}; an unknown key or a bad value throws, naming the key. */
  public static SimulationProfile fromOptions(Map<String, ?> options) {
    return DEFAULT.with(options);
  }

  /**
   * This profile with the given snake_case keys replaced. Values may be numbers or their text (YAML
   * and headers give either). Setting {@code fault} without {@code fault_rate} makes it certain,
   * because whoever names a fault for one scenario means it to happen.
   */
  public SimulationProfile with(Map<String, ?> options) {
    long ttft = ttftMs;
    double tps = tokensPerSecond;
    int tokens = outputTokens;
    SimulatedFault f = fault;
    double rate = faultRate;
    long sd = seed;
    for (Map.Entry<String, ?> e : options.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      switch (key) {
        case "ttft_ms" -> ttft = whole(key, value, 0, Long.MAX_VALUE);
        case "tokens_per_second" -> tps = number(key, value, 0, 1e9);
        case "output_tokens" -> tokens = (int) whole(key, value, 0, Integer.MAX_VALUE);
        case "fault" -> {
          f = parseFault(value);
          if (!options.containsKey("fault_rate")) rate = 1;
        }
        case "fault_rate" -> rate = number(key, value, 0, 1);
        case "seed" -> sd = whole(key, value, Long.MIN_VALUE, Long.MAX_VALUE);
        default -> throw new IllegalArgumentException(
            "unknown simulated option '" + key + "'; known: " + String.join(", ", OPTION_KEYS.stream().sorted().toList()));
      }
    }
    return new SimulationProfile(ttft, tps, tokens, f, rate, sd);
  }

  /** The profile as {@code options}, so it round-trips through {@link #fromOptions}. */
  public Map<String, Object> toOptions() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ttft_ms", ttftMs);
    m.put("tokens_per_second", tokensPerSecond);
    m.put("output_tokens", outputTokens);
    m.put("fault", fault.toString());
    m.put("fault_rate", faultRate);
    m.put("seed", seed);
    return m;
  }

  /** Milliseconds between two tokens, 0 when unpaced. */
  public double tokenIntervalMs() {
    return tokensPerSecond > 0 ? 1000 / tokensPerSecond : 0;
  }

  private static SimulatedFault parseFault(Object value) {
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException("fault: expected a string, got " + value);
    }
    return SimulatedFault.parse((String) value);
  }

  private static long whole(String key, Object value, long min, long max) {
    Long n = null;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      n = ((Number) value).longValue();
    } else if (value instanceof String s) {
      try {
        n = Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    if (n == null || n < min || n > max) {
      throw new IllegalArgumentException(key + ": expected a whole number within " + min + ".." + max + ", got '" + value + "'");
    }
    return n;
  }

  private static double number(String key, Object value, double min, double max) {
    double d;
    if (value instanceof Number n) {
      d = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        d = Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        d = Double.NaN;
      }
    } else {
      d = Double.NaN;
    }
    if (!(d >= min && d <= max)) {
      throw new IllegalArgumentException(key + ": expected a number within " + fmt(min) + ".." + fmt(max) + ", got '" + value + "'");
    }
    return d;
  }

  private static String fmt(double d) {
    return d == (long) d ? Long.toString((long) d) : Double.toString(d);
  }
}
