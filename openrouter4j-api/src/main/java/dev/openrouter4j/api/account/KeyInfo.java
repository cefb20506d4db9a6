package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.Map;

/**
 * {@code GET /key}: the key making the request. Usage is in USD, in total and for the current UTC
 * day, week and month; {@code byok_usage*} is what was spent through your own provider keys.
 * {@code limit}, {@code limit_remaining}, {@code limit_reset} and {@code creator_user_id} are
 * required keys that may be null (no limit), so they are always written. {@code is_provisioning_key}
 * and {@code rate_limit} are deprecated upstream but still required.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeyInfo(
    String label,
    @JsonInclude(JsonInclude.Include.ALWAYS) Double limit,
    @JsonInclude(JsonInclude.Include.ALWAYS) Double limitRemaining,
    @JsonInclude(JsonInclude.Include.ALWAYS) String limitReset,
    Double usage,
    Double usageDaily,
    Double usageWeekly,
    Double usageMonthly,
    Double byokUsage,
    Double byokUsageDaily,
    Double byokUsageWeekly,
    Double byokUsageMonthly,
    Boolean includeByokInLimit,
    Boolean isFreeTier,
    Boolean isManagementKey,
    Boolean isProvisioningKey,
    @JsonInclude(JsonInclude.Include.ALWAYS) String creatorUserId,
    String expiresAt,
    RateLimit rateLimit,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public KeyInfo {
    extra = Extras.normalize(extra);
  }

  /** {@code rate_limit} (deprecated upstream and safe to ignore). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RateLimit(
      Integer requests, String interval, String note, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public RateLimit {
      extra = Extras.normalize(extra);
    }
  }
}
