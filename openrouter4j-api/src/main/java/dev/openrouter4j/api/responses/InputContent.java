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
import java.util.List;
import java.util.Map;

/**
 * A content part of an input message or function call output, told apart by {@code type}. The
 * output_text and refusal parts are here too because an assistant message is echoed back as input.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = InputContent.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = InputContent.InputText.class, name = "input_text"),
  @JsonSubTypes.Type(value = InputContent.InputImage.class, name = "input_image"),
  @JsonSubTypes.Type(value = InputContent.InputFile.class, name = "input_file"),
  @JsonSubTypes.Type(value = InputContent.InputAudio.class, name = "input_audio"),
  @JsonSubTypes.Type(value = InputContent.InputVideo.class, name = "input_video"),
  @JsonSubTypes.Type(value = InputContent.OutputText.class, name = "output_text"),
  @JsonSubTypes.Type(value = InputContent.Refusal.class, name = "refusal"),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface InputContent {
  @JsonProperty("type")
  String type();

  static InputText text(String text) {
    return new InputText(text, null);
  }

  /** An image by URL or data URL, detail {@code auto}. */
  static InputImage imageUrl(String imageUrl) {
    return new InputImage("auto", imageUrl, null, null);
  }

  /** An image by URL or data URL; detail is auto, high, low or original. */
  static InputImage imageUrl(String imageUrl, String detail) {
    return new InputImage(detail, imageUrl, null, null);
  }

  static InputFile fileUrl(String fileUrl) {
    return new InputFile(null, null, fileUrl, null, null);
  }

  /** A file inline: {@code fileData} is a data URL ({@code data:application/pdf;base64,...}). */
  static InputFile fileData(String filename, String fileData) {
    return new InputFile(null, fileData, null, filename, null);
  }

  /** Base64 audio; format is mp3 or wav. */
  static InputAudio audio(String base64Data, String format) {
    return new InputAudio(new InputAudio.Audio(base64Data, format), null);
  }

  static InputVideo videoUrl(String videoUrl) {
    return new InputVideo(videoUrl, null);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record InputText(String text, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements InputContent {
    @Override public String type() { return "input_text"; }
  }

  /** {@code detail} is required on the wire ({@code auto|high|low|original}); the factories set auto. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record InputImage(
      String detail, String imageUrl, String fileId, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements InputContent {
    @Override public String type() { return "input_image"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record InputFile(
      String fileId,
      String fileData,
      String fileUrl,
      String filename,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements InputContent {
    @Override public String type() { return "input_file"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record InputAudio(Audio inputAudio, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements InputContent {
    @Override public String type() { return "input_audio"; }

    /** {@code input_audio}: base64 data and its format (mp3, wav). */
    public record Audio(String data, String format) {}
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record InputVideo(String videoUrl, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements InputContent {
    @Override public String type() { return "input_video"; }
  }

  /** Assistant text echoed back as input. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record OutputText(
      String text,
      List<Annotation> annotations,
      List<LogProb> logprobs,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
      implements InputContent {
    @Override public String type() { return "output_text"; }
  }

  /** An assistant refusal echoed back as input. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Refusal(String refusal, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements InputContent {
    @Override public String type() { return "refusal"; }
  }

  /** A content part this version does not model: its type and every other field as sent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements InputContent {}
}
