package dev.openrouter4j.api.models;

import dev.openrouter4j.api.QueryParams;
import java.util.List;
import java.util.Map;

/**
 * The query filters of {@code GET /models}. Only what is set is sent; without {@code offset} and
 * {@code limit} the server returns the full list. Prices are USD per million tokens; lists are sent
 * comma-separated. {@link Builder#param} sends a filter this version does not model. The RSS
 * variants ({@code use_rss}) are not JSON and are not offered.
 */
public final class ModelsListParams {
  private static final ModelsListParams NONE = builder().build();

  private final Map<String, String> query;

  private ModelsListParams(Map<String, String> query) {
    this.query = query;
  }

  public static ModelsListParams none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder(Map.of());
  }

  public Builder toBuilder() {
    return new Builder(query);
  }

  /** Parameter name to value, in the order they were set. */
  public Map<String, String> toQuery() {
    return query;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelsListParams p && p.query.equals(query);
  }

  @Override
  public int hashCode() {
    return query.hashCode();
  }

  @Override
  public String toString() {
    return "ModelsListParams" + query;
  }

  /** {@code category}: use-case categories. */
  public enum Category {
    PROGRAMMING("programming"),
    ROLEPLAY("roleplay"),
    MARKETING("marketing"),
    MARKETING_SEO("marketing/seo"),
    TECHNOLOGY("technology"),
    SCIENCE("science"),
    TRANSLATION("translation"),
    LEGAL("legal"),
    FINANCE("finance"),
    HEALTH("health"),
    TRIVIA("trivia"),
    ACADEMIA("academia");

    private final String value;

    Category(String value) {
      this.value = value;
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /** {@code sort}: the server-side orderings. */
  public enum Sort {
    MOST_POPULAR("most-popular"),
    NEWEST("newest"),
    TOP_WEEKLY("top-weekly"),
    PRICING_LOW_TO_HIGH("pricing-low-to-high"),
    PRICING_HIGH_TO_LOW("pricing-high-to-low"),
    CONTEXT_HIGH_TO_LOW("context-high-to-low"),
    THROUGHPUT_HIGH_TO_LOW("throughput-high-to-low"),
    LATENCY_LOW_TO_HIGH("latency-low-to-high"),
    INTELLIGENCE_HIGH_TO_LOW("intelligence-high-to-low"),
    CODING_HIGH_TO_LOW("coding-high-to-low"),
    AGENTIC_HIGH_TO_LOW("agentic-high-to-low"),
    DESIGN_ARENA_ELO_HIGH_TO_LOW("design-arena-elo-high-to-low");

    private final String value;

    Sort(String value) {
      this.value = value;
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /** {@code region}: only models with endpoints in this data region. */
  public enum Region {
    EU("eu"),
    US("us");

    private final String value;

    Region(String value) {
      this.value = value;
    }

    @Override
    public String toString() {
      return value;
    }
  }

  public static final class Builder {
    private final QueryParams query;

    private Builder(Map<String, String> initial) {
      this.query = new QueryParams(initial);
    }

    public Builder offset(Integer v) { query.set("offset", v); return this; }
    /** 1 to 1000. */
    public Builder limit(Integer v) { query.set("limit", v); return this; }
    public Builder category(Category v) { query.set("category", v); return this; }
    /** Models supporting all of these request parameters, e.g. {@code tools}. */
    public Builder supportedParameters(String... v) { query.set("supported_parameters", List.of(v)); return this; }
    /** e.g. {@code text}, {@code image}, {@code audio}, {@code file}. */
    public Builder inputModalities(String... v) { query.set("input_modalities", List.of(v)); return this; }
    /** e.g. {@code text}, {@code image}, {@code audio}, {@code embeddings}, or {@code all}; the server defaults to {@code text}. */
    public Builder outputModalities(String... v) { query.set("output_modalities", List.of(v)); return this; }
    public Builder sort(Sort v) { query.set("sort", v); return this; }
    /** Free-text search by model name or slug. */
    public Builder q(String v) { query.set("q", v); return this; }
    /** Minimum context length in tokens. */
    public Builder context(Integer v) { query.set("context", v); return this; }
    public Builder minPrice(Double v) { query.set("min_price", v); return this; }
    public Builder maxPrice(Double v) { query.set("max_price", v); return this; }
    public Builder minOutputPrice(Double v) { query.set("min_output_price", v); return this; }
    public Builder maxOutputPrice(Double v) { query.set("max_output_price", v); return this; }
    /** Model family, e.g. {@code GPT}, {@code Claude}. */
    public Builder arch(String v) { query.set("arch", v); return this; }
    public Builder modelAuthors(String... v) { query.set("model_authors", List.of(v)); return this; }
    /** Hosting provider names, e.g. {@code OpenAI}. */
    public Builder providers(String... v) { query.set("providers", List.of(v)); return this; }
    /** True: only distillable models; false: none of them. */
    public Builder distillable(Boolean v) { query.set("distillable", v); return this; }
    /** True: only models with zero-data-retention endpoints (false sends nothing). */
    public Builder zdr(boolean v) { query.set("zdr", v ? "true" : null); return this; }
    public Builder region(Region v) { query.set("region", v); return this; }
    public Builder minAgeDays(Integer v) { query.set("min_age_days", v); return this; }
    public Builder maxAgeDays(Integer v) { query.set("max_age_days", v); return this; }
    public Builder minIntelligenceIndex(Double v) { query.set("min_intelligence_index", v); return this; }
    public Builder maxIntelligenceIndex(Double v) { query.set("max_intelligence_index", v); return this; }
    public Builder minCodingIndex(Double v) { query.set("min_coding_index", v); return this; }
    public Builder maxCodingIndex(Double v) { query.set("max_coding_index", v); return this; }
    public Builder minAgenticIndex(Double v) { query.set("min_agentic_index", v); return this; }
    public Builder maxAgenticIndex(Double v) { query.set("max_agentic_index", v); return this; }
    /** A fraction in [0, 1]. */
    public Builder minToolSuccessRate(Double v) { query.set("min_tool_success_rate", v); return this; }
    public Builder maxToolSuccessRate(Double v) { query.set("max_tool_success_rate", v); return this; }

    /** Any other query parameter, sent as is (null removes it). */
    public Builder param(String name, String value) { query.set(name, value); return this; }

    public ModelsListParams build() {
      return new ModelsListParams(query.toMap());
    }
  }
}
