package dev.openrouter4j.api.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /models}, {@code GET /models/user} and {@code GET /embeddings/models}
 * ({@code ModelsListResponse}): one page of models, the link to the next page (null on the last)
 * and the total number of models matching.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelsList(
    List<Model> data, Links links, Integer totalCount, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ModelsList {
    extra = Extras.normalize(extra);
  }

  /** {@code links}: {@code next} is a required key, null on the last page. */
  public record Links(String next, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public Links {
      extra = Extras.normalize(extra);
    }
  }
}
