package dev.openrouter4j.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code prompt_cache_options}: {@code {mode:"explicit", ttl?}} (OpenAI style explicit caching). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptCacheOptions(String mode, String ttl) {
  public static PromptCacheOptions explicit(String ttl) {
    return new PromptCacheOptions("explicit", ttl);
  }
}
