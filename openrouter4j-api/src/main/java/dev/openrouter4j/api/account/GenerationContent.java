package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /generation/content?id=}: what was sent and what came back, when the account keeps
 * prompts. {@code error} is a required key, null when the generation succeeded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerationContent(
    Input input,
    Output output,
    @JsonInclude(JsonInclude.Include.ALWAYS) ContentError error,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public GenerationContent {
    extra = Extras.normalize(extra);
  }

  /** {@code input}: a completion {@code prompt} or chat {@code messages} (kept as JSON): one of the two. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Input(String prompt, List<JsonNode> messages, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public Input {
      extra = Extras.normalize(extra);
    }
  }

  /** {@code output}: both keys are required and nullable. */
  public record Output(String completion, String reasoning, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public Output {
      extra = Extras.normalize(extra);
    }
  }

  /** {@code error}: why the generation failed, and the failed attempts before it. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ContentError(
      String message,
      Integer status,
      String providerName,
      String raw,
      List<Attempt> previousErrors,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public ContentError {
      extra = Extras.normalize(extra);
    }
  }

  /** One of {@code previous_errors}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Attempt(
      Integer code, String message, String providerName, String raw, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public Attempt {
      extra = Extras.normalize(extra);
    }
  }
}
