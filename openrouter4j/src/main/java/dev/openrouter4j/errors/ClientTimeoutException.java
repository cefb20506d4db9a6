package dev.openrouter4j.errors;

/** The client's own timeout (connect, request, or stream idle) ran out before an answer arrived. */
public final class ClientTimeoutException extends OpenRouterException {
  public ClientTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
