package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code error} of a stream chunk: a failure after the 200 headers were sent. {@code code} is an
 * HTTP-style status; {@code metadata} holds {@code error_type} and {@code provider_code} when set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamError(
    Integer code,
    String message,
    Map<String, Object> metadata,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public StreamError {
    extra = WireMaps.extra(extra);
  }

  public static StreamError of(int code, String message) {
    return new StreamError(code, message, null, null);
  }
}
