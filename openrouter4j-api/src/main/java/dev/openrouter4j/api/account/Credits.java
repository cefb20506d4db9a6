package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.Map;

/** {@code GET /credits}: credits bought and used, in USD. Both are required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Credits(Double totalCredits, Double totalUsage, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public Credits {
    extra = Extras.normalize(extra);
  }

  public static Credits of(double totalCredits, double totalUsage) {
    return new Credits(totalCredits, totalUsage, null);
  }

  /** {@code total_credits - total_usage}, or null when either is missing. */
  public Double remaining() {
    return totalCredits == null || totalUsage == null ? null : totalCredits - totalUsage;
  }
}
