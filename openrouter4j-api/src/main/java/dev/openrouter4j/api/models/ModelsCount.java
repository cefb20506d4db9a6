package dev.openrouter4j.api.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.openrouter4j.api.Extras;
import java.util.Map;

/** {@code GET /models/count}: how many models match. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelsCount(Integer count, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ModelsCount {
    extra = Extras.normalize(extra);
  }

  public static ModelsCount of(int count) {
    return new ModelsCount(count, null);
  }
}
