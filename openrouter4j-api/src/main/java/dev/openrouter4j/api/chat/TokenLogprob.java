package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One entry of {@code logprobs.content[]}: {@code {token, logprob, bytes: int[]|null, top_logprobs}}.
 * {@code bytes} is required-but-nullable, so it is always written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TokenLogprob(
    String token,
    Double logprob,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<Integer> bytes,
    List<TopLogprob> topLogprobs) {

  /** One of {@code top_logprobs[]}: {@code {token, logprob, bytes|null}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TopLogprob(String token, Double logprob, @JsonInclude(JsonInclude.Include.ALWAYS) List<Integer> bytes) {}
}
