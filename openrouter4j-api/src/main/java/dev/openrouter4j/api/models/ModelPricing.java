package dev.openrouter4j.api.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code pricing} of a model or endpoint: USD per token (per request, per image, …) as decimal
 * strings, exactly as sent. {@code prompt} and {@code completion} are required; the rest optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelPricing(
    String prompt,
    String completion,
    String request,
    String image,
    String imageToken,
    String imageOutput,
    String audio,
    String audioOutput,
    String inputAudioCache,
    String inputCacheRead,
    String inputCacheWrite,
    @JsonProperty("input_cache_write_1h") String inputCacheWrite1h,
    String internalReasoning,
    String webSearch,
    Double discount,
    List<PricingOverride> overrides,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ModelPricing {
    extra = Extras.normalize(extra);
  }

  /** The two required prices; everything else absent. */
  public static ModelPricing of(String prompt, String completion) {
    return new ModelPricing(
        prompt, completion, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** {@code prompt} as a number (USD per input token), or null when absent. */
  public BigDecimal promptPrice() {
    return prompt == null ? null : new BigDecimal(prompt);
  }

  /** {@code completion} as a number (USD per output token), or null when absent. */
  public BigDecimal completionPrice() {
    return completion == null ? null : new BigDecimal(completion);
  }

  /** One of {@code overrides}: other prices in a time window or above a prompt size. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PricingOverride(
      String prompt,
      String completion,
      String audio,
      String inputAudioCache,
      String inputCacheRead,
      String inputCacheWrite,
      @JsonProperty("input_cache_write_1h") String inputCacheWrite1h,
      Double minPromptTokens,
      Double utcStart,
      Double utcEnd,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public PricingOverride {
      extra = Extras.normalize(extra);
    }
  }
}
