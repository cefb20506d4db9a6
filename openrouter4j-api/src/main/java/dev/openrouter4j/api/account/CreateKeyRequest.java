package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /keys}. Only {@code name} is required. Without a {@code limit} the key has
 * no spending limit (USD); without {@code expires_at} (ISO 8601, UTC) it never expires.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateKeyRequest(
    String name,
    Double limit,
    LimitReset limitReset,
    Boolean includeByokInLimit,
    String expiresAt,
    String creatorUserId,
    String workspaceId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extraBody) {
  public CreateKeyRequest {
    extraBody = Extras.normalize(extraBody);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.limit = limit;
    b.limitReset = limitReset;
    b.includeByokInLimit = includeByokInLimit;
    b.expiresAt = expiresAt;
    b.creatorUserId = creatorUserId;
    b.workspaceId = workspaceId;
    if (extraBody != null) b.extraBody = new LinkedHashMap<>(extraBody);
    return b;
  }

  public static final class Builder {
    private String name;
    private Double limit;
    private LimitReset limitReset;
    private Boolean includeByokInLimit;
    private String expiresAt;
    private String creatorUserId;
    private String workspaceId;
    private Map<String, Object> extraBody;

    private Builder() {}

    public Builder name(String v) { this.name = v; return this; }
    /** Spending limit in USD. */
    public Builder limit(Double v) { this.limit = v; return this; }
    public Builder limitReset(LimitReset v) { this.limitReset = v; return this; }
    /** Whether BYOK usage counts towards the limit. */
    public Builder includeByokInLimit(Boolean v) { this.includeByokInLimit = v; return this; }
    /** ISO 8601 UTC timestamp, e.g. {@code 2027-12-31T23:59:59Z}. */
    public Builder expiresAt(String v) { this.expiresAt = v; return this; }
    public Builder expiresAt(Instant v) { this.expiresAt = v == null ? null : DateTimeFormatter.ISO_INSTANT.format(v); return this; }
    /** Organization member the key is created for (organization management keys only). */
    public Builder creatorUserId(String v) { this.creatorUserId = v; return this; }
    public Builder workspaceId(String v) { this.workspaceId = v; return this; }

    public Builder putExtraBody(String key, Object value) {
      if (extraBody == null) extraBody = new LinkedHashMap<>();
      extraBody.put(key, value);
      return this;
    }

    public CreateKeyRequest build() {
      return new CreateKeyRequest(name, limit, limitReset, includeByokInLimit, expiresAt, creatorUserId, workspaceId, extraBody);
    }
  }
}
