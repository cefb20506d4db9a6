package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 503. No provider is available for the request right now. */
public final class ServiceUnavailableException extends ApiException {
  public static final int STATUS = 503;

  public ServiceUnavailableException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
