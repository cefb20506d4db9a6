package dev.openrouter4j.api.embeddings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /embeddings}: {@code object} ({@code "list"}), {@code data} and
 * {@code model} are required; {@code id} and {@code usage} optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingsResponse(
    String id,
    String object,
    List<Embedding> data,
    String model,
    EmbeddingsUsage usage,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public static final String OBJECT = "list";

  public EmbeddingsResponse {
    extra = Extras.normalize(extra);
  }

  /** The vectors in {@code data} order, decoded to floats whichever encoding was asked for. */
  public List<float[]> vectors() {
    return data == null ? List.of() : data.stream().map(e -> e.embedding().toFloatArray()).toList();
  }
}
