package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 404. No such resource, or no model or endpoint satisfies the request. */
public final class NotFoundException extends ApiException {
  public static final int STATUS = 404;

  public NotFoundException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
