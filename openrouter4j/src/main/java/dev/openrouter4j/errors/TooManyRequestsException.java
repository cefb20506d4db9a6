package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 429. Rate limited; {@link #headers()} may carry Retry-After. */
public final class TooManyRequestsException extends ApiException {
  public static final int STATUS = 429;

  public TooManyRequestsException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
