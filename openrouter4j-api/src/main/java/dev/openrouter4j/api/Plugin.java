package dev.openrouter4j.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Enums.WebSearchEngine;
import java.util.List;
import java.util.Map;

/** {@code plugins[]}: OpenRouter's request plugins, told apart by {@code id}. */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "id",
    visible = true,
    defaultImpl = Plugin.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = Plugin.AutoRouter.class, name = "auto-router"),
  @JsonSubTypes.Type(value = Plugin.AutoBetaRouter.class, name = "auto-beta-router"),
  @JsonSubTypes.Type(value = Plugin.Moderation.class, name = "moderation"),
  @JsonSubTypes.Type(value = Plugin.Web.class, name = "web"),
  @JsonSubTypes.Type(value = Plugin.WebFetch.class, name = "web-fetch"),
  @JsonSubTypes.Type(value = Plugin.FileParser.class, name = "file-parser"),
  @JsonSubTypes.Type(value = Plugin.ResponseHealing.class, name = "response-healing"),
  @JsonSubTypes.Type(value = Plugin.ContextCompression.class, name = "context-compression"),
  @JsonSubTypes.Type(value = Plugin.ParetoRouter.class, name = "pareto-router"),
  @JsonSubTypes.Type(value = Plugin.Fusion.class, name = "fusion"),
})
@JsonIgnoreProperties(value = "id", allowGetters = true)
@JsonPropertyOrder("id")
public sealed interface Plugin {
  @JsonProperty("id")
  String id();

  static Web web() {
    return new Web(true, null, null, null, null, null, null, null, null);
  }

  static FileParser fileParser(String pdfEngine) {
    return new FileParser(true, new FileParser.Pdf(pdfEngine));
  }

  static ResponseHealing responseHealing() {
    return new ResponseHealing(true);
  }

  static ContextCompression middleOut() {
    return new ContextCompression(true, "middle-out");
  }

  static Moderation moderation() {
    return new Moderation();
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AutoRouter(
      Boolean enabled,
      List<String> allowedModels,
      List<String> excludedModels,
      String costTier,
      Integer costQualityTradeoff,
      Boolean pinModel)
      implements Plugin {
    @Override public String id() { return "auto-router"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AutoBetaRouter(
      Boolean enabled, List<String> allowedModels, List<String> excludedModels, String costTier, Integer costQualityTradeoff)
      implements Plugin {
    @Override public String id() { return "auto-beta-router"; }
  }

  record Moderation() implements Plugin {
    @Override public String id() { return "moderation"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Web(
      Boolean enabled,
      WebSearchEngine engine,
      Integer maxResults,
      Integer maxUses,
      String searchPrompt,
      List<String> includeDomains,
      List<String> excludeDomains,
      String mode,
      UserLocation userLocation)
      implements Plugin {
    @Override public String id() { return "web"; }
  }

  /** {@code user_location} of web search: an approximate place. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UserLocation(String type, String city, String region, String country, String timezone) {
    public static UserLocation approximate(String city, String region, String country, String timezone) {
      return new UserLocation("approximate", city, region, country, timezone);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record WebFetch(List<String> allowedDomains, List<String> blockedDomains, Integer maxContentTokens, Integer maxUses)
      implements Plugin {
    @Override public String id() { return "web-fetch"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FileParser(Boolean enabled, Pdf pdf) implements Plugin {
    @Override public String id() { return "file-parser"; }

    /** {@code pdf.engine}: mistral-ocr, native, cloudflare-ai (pdf-text is deprecated). */
    public record Pdf(String engine) {}
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ResponseHealing(Boolean enabled) implements Plugin {
    @Override public String id() { return "response-healing"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ContextCompression(Boolean enabled, String engine) implements Plugin {
    @Override public String id() { return "context-compression"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ParetoRouter(Boolean enabled, Double maxPrice, Double minCodingScore, String priceSource) implements Plugin {
    @Override public String id() { return "pareto-router"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Fusion(
      Boolean enabled,
      List<String> analysisModels,
      String model,
      String preset,
      Integer maxToolCalls,
      List<Map<String, Object>> tools)
      implements Plugin {
    @Override public String id() { return "fusion"; }
  }

  /** A plugin this version does not model: its id and every other field as sent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("id") String id, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements Plugin {}
}
