package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 402. The account or key has too little credit for this request. */
public final class PaymentRequiredException extends ApiException {
  public static final int STATUS = 402;

  public PaymentRequiredException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
