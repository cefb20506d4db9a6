package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 502. The upstream provider failed or answered with something invalid. */
public final class BadGatewayException extends ApiException {
  public static final int STATUS = 502;

  public BadGatewayException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
