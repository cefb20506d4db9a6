package dev.openrouter4j.api.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.Map;

/** {@code top_provider}: limits of the model's main endpoint. {@code is_moderated} is required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TopProvider(
    Boolean isModerated,
    Integer contextLength,
    Integer maxCompletionTokens,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public TopProvider {
    extra = Extras.normalize(extra);
  }
}
