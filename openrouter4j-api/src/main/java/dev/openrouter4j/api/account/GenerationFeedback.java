package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of {@code POST /generation/feedback}: {@code generation_id} and {@code category} are required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GenerationFeedback(
    String generationId,
    Category category,
    String comment,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extraBody) {
  public GenerationFeedback {
    extraBody = Extras.normalize(extraBody);
  }

  public static GenerationFeedback of(String generationId, Category category) {
    return new GenerationFeedback(generationId, category, null, null);
  }

  public GenerationFeedback withComment(String comment) {
    return new GenerationFeedback(generationId, category, comment, extraBody);
  }

  /** Sends a property this version does not model. */
  public GenerationFeedback withExtraBody(String key, Object value) {
    Map<String, Object> more = extraBody == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extraBody);
    more.put(key, value);
    return new GenerationFeedback(generationId, category, comment, more);
  }

  /** The answer's {@code data}: {@code success} is required. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(Boolean success, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public Result {
      extra = Extras.normalize(extra);
    }
  }

  /** What went wrong. */
  public enum Category {
    @JsonProperty("latency") LATENCY,
    @JsonProperty("incoherence") INCOHERENCE,
    @JsonProperty("incorrect_response") INCORRECT_RESPONSE,
    @JsonProperty("formatting") FORMATTING,
    @JsonProperty("billing") BILLING,
    @JsonProperty("api_error") API_ERROR,
    @JsonProperty("other") OTHER
  }
}
