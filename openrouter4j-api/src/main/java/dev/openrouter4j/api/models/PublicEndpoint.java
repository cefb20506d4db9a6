package dev.openrouter4j.api.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One provider endpoint serving a model ({@code PublicEndpoint}), from
 * {@code GET /models/{author}/{slug}/endpoints} and {@code GET /endpoints/zdr}. The limits, the
 * quantization, the uptimes (percent) and the recent latency are required keys that may be null, so
 * they are always written. {@code status} is 0 when healthy, negative when degraded or down.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PublicEndpoint(
    String name,
    String modelId,
    String modelName,
    String providerName,
    String tag,
    Integer contextLength,
    @JsonInclude(JsonInclude.Include.ALWAYS) Integer maxCompletionTokens,
    @JsonInclude(JsonInclude.Include.ALWAYS) Integer maxPromptTokens,
    ModelPricing pricing,
    @JsonInclude(JsonInclude.Include.ALWAYS) String quantization,
    List<String> supportedParameters,
    Boolean supportsImplicitCaching,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("uptime_last_5m") Double uptimeLast5m,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("uptime_last_30m") Double uptimeLast30m,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("uptime_last_1d") Double uptimeLast1d,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("latency_last_30m") PercentileStats latencyLast30m,
    @JsonProperty("throughput_last_30m") PercentileStats throughputLast30m,
    Integer status,
    Boolean supportsVoiceCloning,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public PublicEndpoint {
    extra = Extras.normalize(extra);
  }
}
