package dev.openrouter4j.gateway.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} and {@code ${NAME:-default}} in configuration values, with shell semantics: the
 * default applies when the variable is unset or empty, and an unset variable without a default is an
 * error (a silently empty API key would only fail later, at the upstream, far from its cause).
 * <code>$${</code> writes a literal <code>${</code>.
 */
final class EnvSubstitution {
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}|\\$\\{");

  private EnvSubstitution() {}

  /**
   * Returns {@code text} with every reference replaced.
   *
   * @throws IllegalArgumentException with a message fit to follow a location, when a variable is
   *     unset without a default or a reference is malformed
   */
  static String apply(String text, Map<String, String> env) {
    if (text.indexOf('$') < 0) return text;
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      last = m.end();
      String match = m.group();
      if (match.equals("$${")) {
        out.append("${");
        continue;
      }
      String name = m.group(1);
      if (name == null) {
        // Only the bare "${" alternative gets here: no closing brace, or not a variable name.
        throw new IllegalArgumentException(
            "malformed variable reference (write ${NAME} or ${NAME:-default}, or $${ for a literal ${)");
      }
      String value = env.get(name);
      boolean hasDefault = m.group(2) != null;
      if (hasDefault && (value == null || value.isEmpty())) {
        value = m.group(3);
      } else if (value == null) {
        throw new IllegalArgumentException(
            "environment variable '" + name + "' is not set (set it, or write ${" + name + ":-default})");
      }
      out.append(value);
    }
    return out.append(text, last, text.length()).toString();
  }
}
