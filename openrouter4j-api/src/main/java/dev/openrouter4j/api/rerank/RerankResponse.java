package dev.openrouter4j.api.rerank;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /rerank}: the documents by relevance, best first. {@code model} and
 * {@code results} are required; {@code id}, {@code provider} and {@code usage} optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RerankResponse(
    String id,
    String model,
    String provider,
    List<Result> results,
    Usage usage,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public RerankResponse {
    extra = Extras.normalize(extra);
  }

  /** One result: the document's {@code index} in the request, its score and the document. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Result(
      Integer index,
      Double relevanceScore,
      RerankDocument.Content document,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public Result {
      extra = Extras.normalize(extra);
    }
  }

  /** {@code usage}: {@code cost} in USD; {@code search_units} is what rerank providers bill. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Usage(
      Double cost, Integer searchUnits, Integer totalTokens, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public Usage {
      extra = Extras.normalize(extra);
    }
  }
}
