package dev.openrouter4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A decoded body together with what came with it: status, headers and the raw JSON text. */
public record ApiResponse<T>(int statusCode, HttpHeaders headers, T body, String rawBody) {
  /** The raw body as a JSON tree, for fields this version does not model. */
  public JsonNode json() {
    try {
      return Json.mapper().readTree(rawBody);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
