package dev.openrouter4j.gateway.config;

/**
 * The configuration could not be read. The message is one line a user can act on, shaped like a
 * compiler's: {@code config.yaml:7:5: unknown key 'timeout' in providers[0] (…)} — the source, the
 * 1-based line and column when known, then what is wrong and where in the tree.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
