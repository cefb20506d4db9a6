package dev.openrouter4j.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Anthropic-style {@code cache_control}: {@code {type:"ephemeral", ttl?: "5m"|"1h"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CacheControl(String type, String ttl) {
  public static CacheControl ephemeral() {
    return new CacheControl("ephemeral", null);
  }

  public static CacheControl ephemeral(String ttl) {
    return new CacheControl("ephemeral", ttl);
  }
}
