package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 408. The server timed out waiting for the request or the model. */
public final class RequestTimeoutException extends ApiException {
  public static final int STATUS = 408;

  public RequestTimeoutException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
