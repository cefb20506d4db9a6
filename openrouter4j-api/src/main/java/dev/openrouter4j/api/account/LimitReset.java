package dev.openrouter4j.api.account;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How often a key's spending limit resets ({@code limit_reset} in key requests; UTC midnight). */
public enum LimitReset {
  @JsonProperty("daily") DAILY,
  @JsonProperty("weekly") WEEKLY,
  @JsonProperty("monthly") MONTHLY
}
