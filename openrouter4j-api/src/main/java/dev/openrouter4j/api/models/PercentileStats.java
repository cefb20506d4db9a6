package dev.openrouter4j.api.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.Map;

/** Percentiles of a recent measurement: latency in seconds or throughput in tokens per second. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PercentileStats(
    Double p50, Double p75, Double p90, Double p99, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public PercentileStats {
    extra = Extras.normalize(extra);
  }

  public static PercentileStats of(double p50, double p75, double p90, double p99) {
    return new PercentileStats(p50, p75, p90, p99, null);
  }
}
