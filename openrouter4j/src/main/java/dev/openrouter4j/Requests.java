package dev.openrouter4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.RequestLimits;
import dev.openrouter4j.errors.RequestValidationException;

/** Turns a request into the JSON that is sent, checking the documented limits on the way. */
final class Requests {
  private Requests() {}

  static JsonNode encode(Object request, RequestLimits.Api api, boolean validate) {
    JsonNode body = Json.mapper().valueToTree(request);
    if (validate) {
      RequestLimits.check(body, api)
          .ifPresent(
              v -> {
                throw new RequestValidationException(v.field(), v.message());
              });
    }
    return body;
  }
}
