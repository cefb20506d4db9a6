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
 * {@code architecture} of a model (and of a model's endpoints listing). {@code modality} (e.g.
 * {@code text->text}) and {@code instruct_type} are always written, null or not. {@code tokenizer}
 * is optional in a model but required (nullable) in the endpoints listing: set it when producing one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Architecture(
    @JsonInclude(JsonInclude.Include.ALWAYS) String modality,
    List<String> inputModalities,
    List<String> outputModalities,
    String tokenizer,
    @JsonInclude(JsonInclude.Include.ALWAYS) String instructType,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public Architecture {
    extra = Extras.normalize(extra);
  }
}
