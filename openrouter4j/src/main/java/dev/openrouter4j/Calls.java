package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.openrouter4j.api.DataEnvelope;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.errors.RequestValidationException;
import dev.openrouter4j.errors.ResponseDecodeException;
import dev.openrouter4j.internal.ClientCore;
import dev.openrouter4j.internal.Urls;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the REST services share: typed calls through the {@link ClientCore}, unwrapping of the
 * {@code {"data": ...}} envelope, and the checks made before anything is sent.
 */
final class Calls {
  private static final TypeFactory TYPES = Json.mapper().getTypeFactory();

  private final ClientCore core;
  private final boolean validate;

  Calls(ClientCore core, boolean validate) {
    this.core = core;
    this.validate = validate;
  }

  static JavaType type(Class<?> type) {
    return TYPES.constructType(type);
  }

  /** {@code {"data": T}}. */
  static JavaType data(Class<?> type) {
    return TYPES.constructParametricType(DataEnvelope.class, type);
  }

  /** {@code {"data": [T]}}. */
  static JavaType dataList(Class<?> type) {
    return TYPES.constructParametricType(DataEnvelope.class, TYPES.constructCollectionType(List.class, type));
  }

  /** The decoded body as it is. */
  <T> T call(String method, String path, Map<String, String> query, Object body, JavaType type, RequestOptions options) {
    return this.<T>response(method, path, query, body, type, options).body();
  }

  /** The decoded body with its status, headers and raw text. */
  <T> ApiResponse<T> response(
      String method, String path, Map<String, String> query, Object body, JavaType type, RequestOptions options) {
    return core.execute(method, path, query, body, type, options);
  }

  /** The {@code data} of an enveloped body; a body without it does not have the documented shape. */
  <T> T data(String method, String path, Map<String, String> query, Object body, JavaType envelope, RequestOptions options) {
    return data(method, path, query, body, envelope, options, "data", Function.identity());
  }

  /** {@code field} of the enveloped {@code data}, which the documented shape requires. */
  <T, R> R data(
      String method,
      String path,
      Map<String, String> query,
      Object body,
      JavaType envelope,
      RequestOptions options,
      String field,
      Function<T, R> extract) {
    ApiResponse<DataEnvelope<T>> response = response(method, path, query, body, envelope, options);
    T data = response.body().data();
    R value = data == null ? null : extract.apply(data);
    if (value == null) {
      throw new ResponseDecodeException(
          "response body is not in the documented shape: no \"" + field + "\"",
          response.statusCode(),
          response.rawBody(),
          null);
    }
    return value;
  }

  <T> CompletableFuture<T> async(Supplier<T> work) {
    return core.async(work);
  }

  /** A path segment from a caller's value, which must not be blank (checked even without validation). */
  static String segment(String field, String value) {
    return Urls.segment(required(field, value));
  }

  /** A value the request cannot go without, such as an id in the query (checked even without validation). */
  static String required(String field, String value) {
    if (value == null || value.isBlank()) throw new RequestValidationException(field, "is required");
    return value;
  }

  /** A required body field, checked unless validation is off. */
  void require(String field, Object value) {
    if (!validate) return;
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new RequestValidationException(field, "is required");
    }
    if (value instanceof Collection<?> c && c.isEmpty()) {
      throw new RequestValidationException(field, "must not be empty");
    }
  }

  /** A numeric body field with a documented minimum, checked unless validation is off. */
  void atLeast(String field, Integer value, int min) {
    if (validate && value != null && value < min) {
      throw new RequestValidationException(field, "must be at least " + min + ", was " + value);
    }
  }
}
