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
 * One model of {@code GET /models} ({@code Model}). Keys the schema requires but allows to be null
 * ({@code context_length}, {@code per_request_limits}, {@code default_parameters},
 * {@code supported_voices}) are always written; the optional ones are omitted when null. Response
 * enums ({@code supported_parameters}, modalities) are plain strings, so new values never fail a read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Model(
    String id,
    String canonicalSlug,
    String name,
    Long created,
    String description,
    @JsonInclude(JsonInclude.Include.ALWAYS) Integer contextLength,
    Architecture architecture,
    ModelPricing pricing,
    TopProvider topProvider,
    @JsonInclude(JsonInclude.Include.ALWAYS) PerRequestLimits perRequestLimits,
    List<String> supportedParameters,
    @JsonInclude(JsonInclude.Include.ALWAYS) DefaultParameters defaultParameters,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<String> supportedVoices,
    Links links,
    String huggingFaceId,
    String knowledgeCutoff,
    String expirationDate,
    ModelReasoning reasoning,
    Benchmarks benchmarks,
    AliasTarget aliasTarget,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public Model {
    extra = Extras.normalize(extra);
  }

  /** {@code links}: {@code details} is the path of the model's endpoints listing. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Links(String details, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public Links {
      extra = Extras.normalize(extra);
    }
  }

  /** {@code per_request_limits}: the most tokens one request may use. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PerRequestLimits(
      Double promptTokens, Double completionTokens, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public PerRequestLimits {
      extra = Extras.normalize(extra);
    }
  }

  /** {@code default_parameters}: sampling defaults the model's author recommends. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record DefaultParameters(
      Double temperature,
      Double topP,
      Integer topK,
      Double frequencyPenalty,
      Double presencePenalty,
      Double repetitionPenalty,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public DefaultParameters {
      extra = Extras.normalize(extra);
    }
  }

  /** {@code reasoning}: omitted for non-reasoning models. Efforts are strings ({@code high}, …). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ModelReasoning(
      Boolean mandatory,
      String defaultEffort,
      Boolean defaultEnabled,
      List<String> supportedEfforts,
      Boolean supportsMaxTokens,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public ModelReasoning {
      extra = Extras.normalize(extra);
    }
  }

  /** {@code alias_target}: the model an alias resolves to. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AliasTarget(String name, String slug, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public AliasTarget {
      extra = Extras.normalize(extra);
    }
  }
}
