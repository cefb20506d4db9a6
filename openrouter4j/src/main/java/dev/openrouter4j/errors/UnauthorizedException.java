package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 401. The API key is missing, invalid or expired. */
public final class UnauthorizedException extends ApiException {
  public static final int STATUS = 401;

  public UnauthorizedException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
