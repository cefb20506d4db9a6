package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 403. The key may not do this, or the input was flagged by moderation. */
public final class ForbiddenException extends ApiException {
  public static final int STATUS = 403;

  public ForbiddenException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
