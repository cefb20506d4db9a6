package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code audio} of an assistant message or delta: {@code {id?, data? (base64), expires_at?,
 * transcript?}}. In a stream, {@code data} and {@code transcript} arrive in fragments.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AudioOutput(String id, String data, Long expiresAt, String transcript) {}
