package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Extras;
import dev.openrouter4j.api.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code PATCH /keys/{hash}}: only what is set changes. {@code limit} and
 * {@code limit_reset} may also be sent as an explicit {@code null}, which removes them
 * ({@link Builder#removeLimit()}, {@link Builder#removeLimitReset()}); such a null is kept in
 * {@code extraBody}, also when a request is read, so "absent" and "null" stay different.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UpdateKeyRequest(
    String name,
    Boolean disabled,
    Double limit,
    LimitReset limitReset,
    Boolean includeByokInLimit,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extraBody) {
  public UpdateKeyRequest {
    extraBody = Extras.normalize(extraBody);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when this request sends {@code "limit": null}: the key gets no spending limit. */
  public boolean removesLimit() {
    return limit == null && extraBody != null && extraBody.containsKey("limit");
  }

  /** True when this request sends {@code "limit_reset": null}: the limit no longer resets. */
  public boolean removesLimitReset() {
    return limitReset == null && extraBody != null && extraBody.containsKey("limit_reset");
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.disabled = disabled;
    b.limit = limit;
    b.limitReset = limitReset;
    b.includeByokInLimit = includeByokInLimit;
    if (extraBody != null) b.extraBody = new LinkedHashMap<>(extraBody);
    return b;
  }

  /** Reads a body keeping an explicit {@code null} for {@code limit} or {@code limit_reset}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static UpdateKeyRequest fromJson(ObjectNode node) throws JsonProcessingException {
    Builder b = new Builder();
    Map<String, Object> rest = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "name" -> b.name = v.isNull() ? null : Json.mapper().treeToValue(v, String.class);
        case "disabled" -> b.disabled = Json.mapper().treeToValue(v, Boolean.class);
        case "include_byok_in_limit" -> b.includeByokInLimit = Json.mapper().treeToValue(v, Boolean.class);
        case "limit" -> {
          if (v.isNull()) rest.put("limit", null);
          else b.limit = Json.mapper().treeToValue(v, Double.class);
        }
        case "limit_reset" -> {
          if (v.isNull()) rest.put("limit_reset", null);
          else b.limitReset = Json.mapper().treeToValue(v, LimitReset.class);
        }
        default -> rest.put(e.getKey(), Json.mapper().treeToValue(v, Object.class));
      }
    }
    b.extraBody = rest;
    return b.build();
  }

  public static final class Builder {
    private String name;
    private Boolean disabled;
    private Double limit;
    private LimitReset limitReset;
    private Boolean includeByokInLimit;
    private Map<String, Object> extraBody;

    private Builder() {}

    public Builder name(String v) { this.name = v; return this; }
    public Builder disabled(Boolean v) { this.disabled = v; return this; }
    public Builder includeByokInLimit(Boolean v) { this.includeByokInLimit = v; return this; }

    /** A new spending limit in USD (null: leave it as it is). */
    public Builder limit(Double v) {
      this.limit = v;
      removeExtra("limit");
      return this;
    }

    /** Sends {@code "limit": null}: the key gets no spending limit. */
    public Builder removeLimit() {
      this.limit = null;
      return putExtraBody("limit", null);
    }

    /** A new reset interval (null: leave it as it is). */
    public Builder limitReset(LimitReset v) {
      this.limitReset = v;
      removeExtra("limit_reset");
      return this;
    }

    /** Sends {@code "limit_reset": null}: the limit no longer resets. */
    public Builder removeLimitReset() {
      this.limitReset = null;
      return putExtraBody("limit_reset", null);
    }

    public Builder putExtraBody(String key, Object value) {
      if (extraBody == null) extraBody = new LinkedHashMap<>();
      extraBody.put(key, value);
      return this;
    }

    private void removeExtra(String key) {
      if (extraBody != null) extraBody.remove(key);
    }

    public UpdateKeyRequest build() {
      return new UpdateKeyRequest(name, disabled, limit, limitReset, includeByokInLimit, extraBody);
    }
  }
}
