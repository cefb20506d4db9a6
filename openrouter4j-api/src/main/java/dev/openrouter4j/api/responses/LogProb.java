package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** {@code logprobs[]} of output text: one token, its log probability, its bytes and the top alternatives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LogProb(
    String token,
    Double logprob,
    List<Integer> bytes,
    List<TopLogProb> topLogprobs,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  /** {@code top_logprobs[]}: one alternative token. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TopLogProb(
      String token, Double logprob, List<Integer> bytes, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {}
}
