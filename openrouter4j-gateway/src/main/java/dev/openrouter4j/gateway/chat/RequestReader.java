package dev.openrouter4j.gateway.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.RequestLimits;
import dev.openrouter4j.gateway.http.ApiError;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The validate stage: bytes to a typed request, or a 400 that names what is wrong. The JSON is
 * checked against the documented limits before binding, so a limit breach names its field even when
 * the value would also bind.
 */
public final class RequestReader<T> {
  private final ObjectReader reader;
  private final RequestLimits.Api api;

  public RequestReader(Class<T> type, RequestLimits.Api api) {
    this.reader = Json.mapper().readerFor(type);
    this.api = api;
  }

  public T read(Buffer body) {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(body.getBytes());
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.badRequest("request body could not be read: " + e.getMessage());
    }
    if (tree == null || tree.isMissingNode()) throw ApiError.badRequest("request body is empty");
    RequestLimits.check(tree, api).ifPresent(v -> { throw ApiError.invalidField(v.field(), v.message()); });
    try {
      T value = reader.readValue(tree);
      if (value == null) throw ApiError.badRequest("request body is empty");
      return value;
    } catch (JsonMappingException e) {
      String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw ApiError.invalidField(field.isEmpty() ? "body" : field, e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.badRequest("request body could not be read: " + e.getMessage());
    }
  }
}
