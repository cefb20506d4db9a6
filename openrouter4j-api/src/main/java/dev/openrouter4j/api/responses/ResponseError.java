package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A response's {@code error}: {@code code} (server_error, rate_limit_exceeded, invalid_prompt,
 * invalid_image..., or a provider's own such as insufficient_quota) and a human-readable message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseError(String code, String message, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public static ResponseError of(String code, String message) {
    return new ResponseError(code, message, null);
  }
}
