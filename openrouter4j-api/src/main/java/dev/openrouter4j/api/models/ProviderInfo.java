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
 * One provider of {@code GET /providers}. {@code privacy_policy_url} is a required key that may be
 * null; {@code headquarters} and {@code datacenters} are ISO country codes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProviderInfo(
    String name,
    String slug,
    @JsonInclude(JsonInclude.Include.ALWAYS) String privacyPolicyUrl,
    String termsOfServiceUrl,
    String statusPageUrl,
    String headquarters,
    List<String> datacenters,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public ProviderInfo {
    extra = Extras.normalize(extra);
  }
}
