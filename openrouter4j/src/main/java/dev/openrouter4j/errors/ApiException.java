package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * The server answered with a non-2xx status. Carries OpenRouter's error body ({@code code}, {@code
 * message}, {@code metadata}, {@code user_id}), the raw body and the response headers. Each status
 * of the reference's table has its own subclass; any other status is an {@code ApiException} itself.
 */
public class ApiException extends OpenRouterException {
  private final int statusCode;
  private final Integer code;
  private final String errorMessage;
  private final Map<String, Object> metadata;
  private final String userId;
  private final String rawBody;
  private final HttpHeaders headers;

  public ApiException(
      int statusCode,
      Integer code,
      String errorMessage,
      Map<String, Object> metadata,
      String userId,
      String rawBody,
      HttpHeaders headers) {
    super(describe(statusCode, errorMessage, rawBody));
    this.statusCode = statusCode;
    this.code = code;
    this.errorMessage = errorMessage;
    this.metadata = metadata == null ? Map.of() : metadata;
    this.userId = userId;
    this.rawBody = rawBody;
    this.headers = headers;
  }

  private static String describe(int status, String message, String rawBody) {
    if (message != null) {
      return status + ": " + message;
    }
    String body = rawBody == null ? "" : rawBody.strip();
    return status + (body.isEmpty() ? "" : ": " + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
  }

  /** The HTTP status. */
  public int statusCode() {
    return statusCode;
  }

  /** {@code error.code} from the body (OpenRouter puts the status there), or null when absent. */
  public Integer code() {
    return code;
  }

  /** {@code error.message} from the body, or null when the body was not OpenRouter's error shape. */
  public String errorMessage() {
    return errorMessage;
  }

  /** {@code error.metadata}: free-form, e.g. {@code provider_name}, {@code raw}, {@code error_type}. */
  public Map<String, Object> metadata() {
    return metadata;
  }

  public String userId() {
    return userId;
  }

  public String rawBody() {
    return rawBody;
  }

  public HttpHeaders headers() {
    return headers;
  }
}
