package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code stream_options}: {@code {include_usage?}}. Deprecated upstream: OpenRouter always sends
 * usage in the last chunk, so the flag has no effect; it is modelled so callers can still send it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StreamOptions(Boolean includeUsage) {
  public static StreamOptions withUsage() {
    return new StreamOptions(true);
  }
}
