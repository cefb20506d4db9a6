package dev.openrouter4j.gateway.provider.simulated;

import java.util.Locale;

/**
 * What goes wrong with a simulated answer, written as in the {@code fault} option: {@code none},
 * {@code status:NNN}, {@code timeout}, {@code cut_after:N} or {@code error_after:N} (N counted in
 * tokens). {@link #toString()} gives that text back, so a profile can be printed and re-read.
 */
public sealed interface SimulatedFault {
  SimulatedFault NONE = new None();

  /** Parses the option text; throws {@link IllegalArgumentException} saying what is accepted. */
  static SimulatedFault parse(String text) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    String arg = colon < 0 ? null : s.substring(colon + 1).strip();
    SimulatedFault fault =
        switch (name) {
          case "none", "" -> arg == null ? NONE : null;
          case "timeout" -> arg == null ? new Timeout() : null;
          case "status" -> new Status(number(text, arg, 400, 599));
          case "cut_after" -> new CutAfter(number(text, arg, 0, Integer.MAX_VALUE));
          case "error_after" -> new ErrorAfter(number(text, arg, 0, Integer.MAX_VALUE));
          default -> null;
        };
    if (fault == null) throw invalid(text);
    return fault;
  }

  private static int number(String text, String arg, int min, int max) {
    try {
      int n = Integer.parseInt(arg == null ? "" : arg);
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // reported below with the accepted forms
    }
    throw invalid(text);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "fault: expected none, status:<400-599>, timeout, cut_after:<tokens> or error_after:<tokens>, got '" + text + "'");
  }

  record None() implements SimulatedFault {
    @Override public String toString() { return "none"; }
  }

  /** {@code open()} fails with this HTTP status (after the time to first token). */
  record Status(int status) implements SimulatedFault {
    @Override public String toString() { return "status:" + status; }
  }

  /** {@code open()} never succeeds: it fails only when the provider's own timeout has passed. */
  record Timeout() implements SimulatedFault {
    @Override public String toString() { return "timeout"; }
  }

  /** The connection breaks after {@code tokens} tokens: {@code EventSink.fail(IOException)}. */
  record CutAfter(int tokens) implements SimulatedFault {
    @Override public String toString() { return "cut_after:" + tokens; }
  }

  /** The upstream reports a mid-stream error after {@code tokens} tokens: a {@code Failure} event. */
  record ErrorAfter(int tokens) implements SimulatedFault {
    @Override public String toString() { return "error_after:" + tokens; }
  }
}
