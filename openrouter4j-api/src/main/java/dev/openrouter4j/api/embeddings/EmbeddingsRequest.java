package dev.openrouter4j.api.embeddings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import dev.openrouter4j.api.ProviderPreferences;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /embeddings}. {@code model} and {@code input} are required; the rest is
 * omitted when null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmbeddingsRequest(
    String model,
    EmbeddingsInput input,
    EncodingFormat encodingFormat,
    Integer dimensions,
    String inputType,
    String user,
    ProviderPreferences provider,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extraBody) {
  public EmbeddingsRequest {
    extraBody = Extras.normalize(extraBody);
  }

  /** {@code encoding_format}: an array of floats (the default) or base64 of little-endian float32s. */
  public enum EncodingFormat {
    @JsonProperty("float") FLOAT,
    @JsonProperty("base64") BASE64
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.model = model;
    b.input = input;
    b.encodingFormat = encodingFormat;
    b.dimensions = dimensions;
    b.inputType = inputType;
    b.user = user;
    b.provider = provider;
    if (extraBody != null) b.extraBody = new LinkedHashMap<>(extraBody);
    return b;
  }

  public static final class Builder {
    private String model;
    private EmbeddingsInput input;
    private EncodingFormat encodingFormat;
    private Integer dimensions;
    private String inputType;
    private String user;
    private ProviderPreferences provider;
    private Map<String, Object> extraBody;

    private Builder() {}

    public Builder model(String v) { this.model = v; return this; }
    public Builder input(EmbeddingsInput v) { this.input = v; return this; }
    /** One text. */
    public Builder input(String text) { this.input = text == null ? null : EmbeddingsInput.of(text); return this; }
    /** Several texts: one embedding each, in order. */
    public Builder input(List<String> texts) { this.input = texts == null ? null : EmbeddingsInput.of(texts); return this; }
    public Builder encodingFormat(EncodingFormat v) { this.encodingFormat = v; return this; }
    /** Fewer dimensions than the model's own (models that support it), at least 1. */
    public Builder dimensions(Integer v) { this.dimensions = v; return this; }
    /** e.g. {@code search_query} or {@code search_document}, for models that distinguish them. */
    public Builder inputType(String v) { this.inputType = v; return this; }
    public Builder user(String v) { this.user = v; return this; }
    public Builder provider(ProviderPreferences v) { this.provider = v; return this; }

    public Builder putExtraBody(String key, Object value) {
      if (extraBody == null) extraBody = new LinkedHashMap<>();
      extraBody.put(key, value);
      return this;
    }

    public EmbeddingsRequest build() {
      return new EmbeddingsRequest(model, input, encodingFormat, dimensions, inputType, user, provider, extraBody);
    }
  }
}
