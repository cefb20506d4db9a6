package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /generation?id=}: the record of one generation: cost (USD), tokens as OpenRouter and
 * as the provider counted them, timings (ms), and where it came from. Nearly every key is required
 * but nullable, so this record writes nulls by default; only {@code session_id}, {@code request_id}
 * and {@code response_cache_source_id} (optional) are omitted when null. {@code api_type},
 * {@code data_region} and the finish reasons are plain strings.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Generation(
    String id,
    String model,
    String createdAt,
    String apiType,
    String providerName,
    Double totalCost,
    Double usage,
    Double upstreamInferenceCost,
    Double cacheDiscount,
    Boolean isByok,
    Integer tokensPrompt,
    Integer tokensCompletion,
    Integer nativeTokensPrompt,
    Integer nativeTokensCompletion,
    Integer nativeTokensCompletionImages,
    Integer nativeTokensReasoning,
    Integer nativeTokensCached,
    Integer numMediaPrompt,
    Integer numMediaCompletion,
    Integer numInputAudioPrompt,
    Integer numSearchResults,
    Integer numFetches,
    Double latency,
    Double generationTime,
    Double moderationLatency,
    String finishReason,
    String nativeFinishReason,
    Boolean streamed,
    Boolean cancelled,
    String upstreamId,
    String origin,
    Integer appId,
    String httpReferer,
    String userAgent,
    String externalUser,
    String router,
    String presetId,
    String serviceTier,
    String workspaceId,
    String dataRegion,
    String webSearchEngine,
    List<ProviderResponse> providerResponses,
    @JsonInclude(JsonInclude.Include.NON_NULL) String sessionId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String requestId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String responseCacheSourceId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public Generation {
    extra = Extras.normalize(extra);
  }

  /**
   * One attempt at a provider ({@code provider_responses}), fallbacks included. {@code status} (the
   * provider's HTTP status) is a required key that may be null; the rest are optional.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ProviderResponse(
      @JsonInclude(JsonInclude.Include.ALWAYS) Integer status,
      String id,
      String endpointId,
      String modelPermaslug,
      String providerName,
      Boolean isByok,
      Double latency,
      String routedServiceTier,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public ProviderResponse {
      extra = Extras.normalize(extra);
    }
  }
}
