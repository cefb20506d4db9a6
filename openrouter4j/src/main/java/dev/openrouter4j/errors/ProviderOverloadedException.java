package dev.openrouter4j.errors;

import java.net.http.HttpHeaders;
import java.util.Map;

/** HTTP 529. The upstream provider is overloaded. */
public final class ProviderOverloadedException extends ApiException {
  public static final int STATUS = 529;

  public ProviderOverloadedException(
      Integer code, String errorMessage, Map<String, Object> metadata, String userId, String rawBody, HttpHeaders headers) {
    super(STATUS, code, errorMessage, metadata, userId, rawBody, headers);
  }
}
