package dev.openrouter4j.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The {@code {"data": ...}} envelope most of the API's GET endpoints answer with. The SDK's
 * services return the inner value; the gateway wraps its answers with {@link #of}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataEnvelope<T>(
    @JsonInclude(JsonInclude.Include.ALWAYS) T data,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public DataEnvelope {
    extra = Extras.normalize(extra);
  }

  public static <T> DataEnvelope<T> of(T data) {
    return new DataEnvelope<>(data, null);
  }
}
