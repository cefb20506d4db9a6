package dev.openrouter4j.api.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import java.util.List;
import java.util.Map;

/** {@code benchmarks}: third-party scores. {@code design_arena} is required when present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Benchmarks(
    ArtificialAnalysis artificialAnalysis,
    List<DesignArenaEntry> designArena,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public Benchmarks {
    extra = Extras.normalize(extra);
  }

  /** {@code artificial_analysis}: the three indexes are required keys, each nullable. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ArtificialAnalysis(
      Double intelligenceIndex,
      Double codingIndex,
      Double agenticIndex,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public ArtificialAnalysis {
      extra = Extras.normalize(extra);
    }
  }

  /** One entry of {@code design_arena}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record DesignArenaEntry(
      String arena,
      String category,
      Double elo,
      Integer rank,
      Double winRate,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public DesignArenaEntry {
      extra = Extras.normalize(extra);
    }
  }
}
