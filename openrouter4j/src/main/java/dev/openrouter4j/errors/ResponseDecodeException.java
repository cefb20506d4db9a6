package dev.openrouter4j.errors;

/**
 * A response body was not in the documented shape (not JSON, wrong types, an unexpected content
 * type). The message names the JSON path where reading failed; {@link #rawBody()} has the body.
 */
public final class ResponseDecodeException extends OpenRouterException {
  private final int statusCode;
  private final String rawBody;

  public ResponseDecodeException(String message, int statusCode, String rawBody, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.rawBody = rawBody;
  }

  public int statusCode() {
    return statusCode;
  }

  public String rawBody() {
    return rawBody;
  }
}
