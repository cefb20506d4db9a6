package dev.openrouter4j.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** {@code trace}: observability identifiers; the schema allows any further keys. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Trace(
    String traceId,
    String traceName,
    String spanName,
    String generationName,
    String parentSpanId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public static Trace of(String traceId, String traceName) {
    return new Trace(traceId, traceName, null, null, null, null);
  }
}
