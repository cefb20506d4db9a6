package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.Map;

/**
 * An API key as the management endpoints describe it ({@code GET /keys}, {@code GET, PATCH
 * /keys/{hash}}, and inside {@code POST /keys}). {@code hash} identifies it in later calls; the key
 * itself is only ever returned once, by {@code POST /keys}. Usage is in USD. {@code limit},
 * {@code limit_remaining}, {@code limit_reset}, {@code updated_at} and {@code creator_user_id} are
 * required keys that may be null, so they are always written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKey(
    String hash,
    String name,
    String label,
    Boolean disabled,
    @JsonInclude(JsonInclude.Include.ALWAYS) Double limit,
    @JsonInclude(JsonInclude.Include.ALWAYS) Double limitRemaining,
    @JsonInclude(JsonInclude.Include.ALWAYS) String limitReset,
    Boolean includeByokInLimit,
    Double usage,
    Double usageDaily,
    Double usageWeekly,
    Double usageMonthly,
    Double byokUsage,
    Double byokUsageDaily,
    Double byokUsageWeekly,
    Double byokUsageMonthly,
    String createdAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) String updatedAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) String creatorUserId,
    String expiresAt,
    String workspaceId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ApiKey {
    extra = Extras.normalize(extra);
  }
}
