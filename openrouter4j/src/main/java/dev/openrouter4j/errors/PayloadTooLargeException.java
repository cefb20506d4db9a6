package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 413. The request body is too large. */
public final class PayloadTooLargeException extends ApiException {
  public static final int STATUS = 413;

  public PayloadTooLargeException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
