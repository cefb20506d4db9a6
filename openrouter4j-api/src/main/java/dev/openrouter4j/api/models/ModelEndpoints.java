package dev.openrouter4j.api.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.List;
import java.util.Map;

/** {@code GET /models/{author}/{slug}/endpoints}: a model and the endpoints that serve it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelEndpoints(
    String id,
    String name,
    Long created,
    String description,
    Architecture architecture,
    List<PublicEndpoint> endpoints,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ModelEndpoints {
    extra = Extras.normalize(extra);
  }
}
