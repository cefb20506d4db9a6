package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 524. The edge network timed out waiting for the origin. */
public final class EdgeNetworkTimeoutException extends ApiException {
  public static final int STATUS = 524;

  public EdgeNetworkTimeoutException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
