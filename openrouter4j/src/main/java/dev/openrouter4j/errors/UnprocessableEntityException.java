package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 422. The request was well-formed but could not be processed. */
public final class UnprocessableEntityException extends ApiException {
  public static final int STATUS = 422;

  public UnprocessableEntityException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
