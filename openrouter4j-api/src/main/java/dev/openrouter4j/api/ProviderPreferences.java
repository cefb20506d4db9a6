package dev.openrouter4j.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Enums.DataCollection;
import dev.openrouter4j.api.Enums.Partition;
import dev.openrouter4j.api.Enums.Quantization;
import dev.openrouter4j.api.Enums.SortBy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code provider}: how OpenRouter picks and falls back between the endpoints serving a model. The
 * schema forbids additional properties, so this record has no escape hatch for unknown keys.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProviderPreferences(
    List<String> order,
    List<String> only,
    List<String> ignore,
    Boolean allowFallbacks,
    Boolean requireParameters,
    DataCollection dataCollection,
    Boolean zdr,
    Boolean enforceDistillableText,
    List<Quantization> quantizations,
    Sort sort,
    MaxPrice maxPrice,
    Threshold preferredMinThroughput,
    Threshold preferredMaxLatency) {

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.order = order;
    b.only = only;
    b.ignore = ignore;
    b.allowFallbacks = allowFallbacks;
    b.requireParameters = requireParameters;
    b.dataCollection = dataCollection;
    b.zdr = zdr;
    b.enforceDistillableText = enforceDistillableText;
    b.quantizations = quantizations;
    b.sort = sort;
    b.maxPrice = maxPrice;
    b.preferredMinThroughput = preferredMinThroughput;
    b.preferredMaxLatency = preferredMaxLatency;
    return b;
  }

  /** {@code sort}: a plain strategy name, or {@code {by, partition}}. */
  public record Sort(SortBy by, Partition partition) {
    public static Sort by(SortBy by) {
      return new Sort(by, null);
    }

    @JsonCreator
    static Sort fromJson(JsonNode node) {
      if (node.isTextual()) {
        return new Sort(Json.mapper().convertValue(node, SortBy.class), null);
      }
      SortBy by = node.hasNonNull("by") ? Json.mapper().convertValue(node.get("by"), SortBy.class) : null;
      Partition partition =
          node.hasNonNull("partition")
              ? Json.mapper().convertValue(node.get("partition"), Partition.class)
              : null;
      return new Sort(by, partition);
    }

    @JsonValue
    Object toJson() {
      if (partition == null && by != null) {
        return by;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      if (by != null) m.put("by", by);
      if (partition != null) m.put("partition", partition);
      return m;
    }
  }

  /** {@code max_price}: USD ceilings; prompt and completion per million tokens. Sent as strings, as the schema says. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MaxPrice(
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal prompt,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal completion,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal image,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal audio,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal request) {
    public static MaxPrice tokens(double prompt, double completion) {
      return new MaxPrice(BigDecimal.valueOf(prompt), BigDecimal.valueOf(completion), null, null, null);
    }
  }

  /**
   * {@code preferred_min_throughput} (tokens/s) and {@code preferred_max_latency} (seconds): one
   * number, which means p50, or cut-offs per percentile.
   */
  public record Threshold(Double value, Double p50, Double p75, Double p90, Double p99) {
    public static Threshold of(double value) {
      return new Threshold(value, null, null, null, null);
    }

    public static Threshold percentiles(Double p50, Double p75, Double p90, Double p99) {
      return new Threshold(null, p50, p75, p90, p99);
    }

    /** The cut-off that applies at p50, whichever form was sent. */
    public Double median() {
      return value != null ? value : p50;
    }

    @JsonCreator
    static Threshold fromJson(JsonNode node) {
      if (node.isNumber()) {
        return of(node.doubleValue());
      }
      return new Threshold(null, num(node, "p50"), num(node, "p75"), num(node, "p90"), num(node, "p99"));
    }

    private static Double num(JsonNode node, String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) return null;
      if (!v.isNumber()) throw new IllegalArgumentException(field + " must be a number");
      return v.doubleValue();
    }

    @JsonValue
    Object toJson() {
      if (value != null) {
        return value;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      if (p50 != null) m.put("p50", p50);
      if (p75 != null) m.put("p75", p75);
      if (p90 != null) m.put("p90", p90);
      if (p99 != null) m.put("p99", p99);
      return m;
    }
  }

  public static final class Builder {
    private List<String> order;
    private List<String> only;
    private List<String> ignore;
    private Boolean allowFallbacks;
    private Boolean requireParameters;
    private DataCollection dataCollection;
    private Boolean zdr;
    private Boolean enforceDistillableText;
    private List<Quantization> quantizations;
    private Sort sort;
    private MaxPrice maxPrice;
    private Threshold preferredMinThroughput;
    private Threshold preferredMaxLatency;

    private Builder() {}

    public Builder order(List<String> order) { this.order = List.copyOf(order); return this; }
    public Builder order(String... order) { return order(List.of(order)); }
    public Builder only(List<String> only) { this.only = List.copyOf(only); return this; }
    public Builder only(String... only) { return only(List.of(only)); }
    public Builder ignore(List<String> ignore) { this.ignore = List.copyOf(ignore); return this; }
    public Builder ignore(String... ignore) { return ignore(List.of(ignore)); }
    public Builder allowFallbacks(Boolean v) { this.allowFallbacks = v; return this; }
    public Builder requireParameters(Boolean v) { this.requireParameters = v; return this; }
    public Builder dataCollection(DataCollection v) { this.dataCollection = v; return this; }
    public Builder zdr(Boolean v) { this.zdr = v; return this; }
    public Builder enforceDistillableText(Boolean v) { this.enforceDistillableText = v; return this; }
    public Builder quantizations(List<Quantization> v) { this.quantizations = List.copyOf(v); return this; }
    public Builder quantizations(Quantization... v) { return quantizations(List.of(v)); }
    public Builder sort(SortBy by) { this.sort = Sort.by(by); return this; }
    public Builder sort(Sort sort) { this.sort = sort; return this; }
    public Builder maxPrice(MaxPrice v) { this.maxPrice = v; return this; }
    public Builder preferredMinThroughput(Threshold v) { this.preferredMinThroughput = v; return this; }
    public Builder preferredMaxLatency(Threshold v) { this.preferredMaxLatency = v; return this; }

    public ProviderPreferences build() {
      return new ProviderPreferences(order, only, ignore, allowFallbacks, requireParameters, dataCollection,
          zdr, enforceDistillableText, quantizations, sort, maxPrice, preferredMinThroughput, preferredMaxLatency);
    }
  }
}
