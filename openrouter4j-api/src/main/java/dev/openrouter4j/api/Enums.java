package dev.openrouter4j.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The closed string sets the request schemas share (each constant carries its wire spelling). */
public final class Enums {
  private Enums() {}

  public enum ReasoningEffort {
    @JsonProperty("max") MAX,
    @JsonProperty("xhigh") XHIGH,
    @JsonProperty("high") HIGH,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("low") LOW,
    @JsonProperty("minimal") MINIMAL,
    @JsonProperty("none") NONE
  }

  public enum ReasoningSummary {
    @JsonProperty("auto") AUTO,
    @JsonProperty("concise") CONCISE,
    @JsonProperty("detailed") DETAILED
  }

  public enum ServiceTier {
    @JsonProperty("auto") AUTO,
    @JsonProperty("default") DEFAULT,
    @JsonProperty("fast") FAST,
    @JsonProperty("flex") FLEX,
    @JsonProperty("priority") PRIORITY,
    @JsonProperty("scale") SCALE
  }

  public enum DataCollection {
    @JsonProperty("allow") ALLOW,
    @JsonProperty("deny") DENY
  }

  public enum Quantization {
    @JsonProperty("int4") INT4,
    @JsonProperty("int8") INT8,
    @JsonProperty("fp4") FP4,
    @JsonProperty("mxfp4") MXFP4,
    @JsonProperty("nvfp4") NVFP4,
    @JsonProperty("fp6") FP6,
    @JsonProperty("fp8") FP8,
    @JsonProperty("mxfp8") MXFP8,
    @JsonProperty("fp16") FP16,
    @JsonProperty("bf16") BF16,
    @JsonProperty("fp32") FP32,
    @JsonProperty("unknown") UNKNOWN
  }

  public enum Modality {
    @JsonProperty("text") TEXT,
    @JsonProperty("image") IMAGE,
    @JsonProperty("audio") AUDIO
  }

  public enum SortBy {
    @JsonProperty("price") PRICE,
    @JsonProperty("throughput") THROUGHPUT,
    @JsonProperty("latency") LATENCY,
    @JsonProperty("exacto") EXACTO
  }

  public enum Partition {
    @JsonProperty("model") MODEL,
    @JsonProperty("none") NONE
  }

  public enum WebSearchEngine {
    @JsonProperty("native") NATIVE,
    @JsonProperty("exa") EXA,
    @JsonProperty("firecrawl") FIRECRAWL,
    @JsonProperty("parallel") PARALLEL,
    @JsonProperty("perplexity") PERPLEXITY,
    @JsonProperty("auto") AUTO
  }
}
