package dev.openrouter4j.errors;

/** The request never got an HTTP answer: refused, reset, DNS, TLS, or the connection broke. */
public final class ConnectionException extends OpenRouterException {
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
