package dev.openrouter4j.gateway.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/** Helpers that locate expected errors in a test's YAML text, so tests never hard-code line numbers. */
final class YamlText {
  static final String SOURCE = "test.yaml";

  private YamlText() {}

  /** The 1-based line of the first line of {@code yaml} containing {@code needle}. */
  static int lineOf(String yaml, String needle) {
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) return i + 1;
    }
    throw new AssertionError("test YAML has no line containing " + needle);
  }

  /** The 1-based column of {@code needle} on its line. */
  static int columnOf(String yaml, String needle) {
    String line = yaml.split("\n", -1)[lineOf(yaml, needle) - 1];
    return line.indexOf(needle) + 1;
  }

  static GatewayConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, SOURCE, Map.of());
  }

  static ConfigException error(String yaml, Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, SOURCE, env));
  }

  /**
   * Asserts that parsing fails with a message that starts with "test.yaml:LINE:COLUMN: ", where the
   * position is that of {@code at} in the text, and that contains each of {@code parts}.
   */
  static String assertError(String yaml, String at, String... parts) {
    return assertError(yaml, Map.of(), at, parts);
  }

  static String assertError(String yaml, Map<String, String> env, String at, String... parts) {
    String message = error(yaml, env).getMessage();
    String prefix = SOURCE + ":" + lineOf(yaml, at) + ":" + columnOf(yaml, at) + ": ";
    assertTrue(message.startsWith(prefix), () -> "expected prefix '" + prefix + "' in: " + message);
    assertTrue(!message.contains("\n"), () -> "message is not one line: " + message);
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
    }
    return message;
  }
}
