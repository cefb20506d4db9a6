package dev.openrouter4j.api.responses;

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
import java.util.Map;

/** {@code output_text.annotations[]}: a citation or file reference on a span of output text, told apart by {@code type}. */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = Annotation.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = Annotation.UrlCitation.class, name = "url_citation"),
  @JsonSubTypes.Type(value = Annotation.FileCitation.class, name = "file_citation"),
  @JsonSubTypes.Type(value = Annotation.FilePath.class, name = "file_path"),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface Annotation {
  @JsonProperty("type")
  String type();

  static UrlCitation urlCitation(String url, String title, int startIndex, int endIndex) {
    return new UrlCitation(url, title, startIndex, endIndex, null, null);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record UrlCitation(
      String url,
      String title,
      Integer startIndex,
      Integer endIndex,
      String content,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements Annotation {
    @Override public String type() { return "url_citation"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FileCitation(
      String fileId, String filename, Integer index, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements Annotation {
    @Override public String type() { return "file_citation"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FilePath(String fileId, Integer index, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements Annotation {
    @Override public String type() { return "file_path"; }
  }

  /** An annotation type this version does not model: its type and every other field as sent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements Annotation {}
}
