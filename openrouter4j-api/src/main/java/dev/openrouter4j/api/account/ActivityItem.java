package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.Map;

/**
 * One row of {@code GET /activity}: a UTC day's use of one model endpoint (USD, requests, tokens).
 * {@code workspace_id} is only present when grouping by workspace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ActivityItem(
    String date,
    String model,
    String modelPermaslug,
    String endpointId,
    String providerName,
    Double usage,
    Double byokUsageInference,
    Long requests,
    Long promptTokens,
    Long completionTokens,
    Long reasoningTokens,
    String workspaceId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ActivityItem {
    extra = Extras.normalize(extra);
  }
}
