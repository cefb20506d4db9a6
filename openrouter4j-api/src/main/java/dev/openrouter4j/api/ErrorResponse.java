package dev.openrouter4j.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * OpenRouter's error body, the same for every status: {@code {"error":{"code","message","metadata"},
 * "openrouter_metadata"?, "user_id"?}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(
    ErrorDetail error,
    @JsonProperty("openrouter_metadata") JsonNode openrouterMetadata,
    @JsonProperty("user_id") String userId) {

  public static ErrorResponse of(int code, String message, Map<String, Object> metadata) {
    return new ErrorResponse(new ErrorDetail(code, message, metadata, null), null, null);
  }

  /**
   * {@code error}: {@code code} is the HTTP status as an int; {@code metadata} is free-form (for
   * example {@code provider_name}, {@code raw}, {@code error_type}).
   */
  public record ErrorDetail(
      Integer code,
      String message,
      @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> metadata,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {}
}
