package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 400. The request was invalid: missing or malformed parameters. */
public final class BadRequestException extends ApiException {
  public static final int STATUS = 400;

  public BadRequestException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
