package dev.openrouter4j.api.chat;

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
import dev.openrouter4j.api.CacheControl;
import java.util.Map;

/**
 * One element of an array {@code content} ({@code ChatContentItems}), told apart by {@code type}.
 * {@code detail} and the audio {@code format} are Strings, not enums: parts are also read back from
 * responses and the audio format list is open-ended.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = ContentPart.Unknown.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ContentPart.TextPart.class, name = "text"),
  @JsonSubTypes.Type(value = ContentPart.ImagePart.class, name = "image_url"),
  @JsonSubTypes.Type(value = ContentPart.AudioPart.class, name = "input_audio"),
  @JsonSubTypes.Type(value = ContentPart.VideoPart.class, name = "video_url"),
  @JsonSubTypes.Type(value = ContentPart.InputVideoPart.class, name = "input_video"),
  @JsonSubTypes.Type(value = ContentPart.FilePart.class, name = "file"),
})
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder("type")
public sealed interface ContentPart {
  @JsonProperty("type")
  String type();

  static TextPart text(String text) {
    return new TextPart(text, null, null);
  }

  static ImagePart imageUrl(String url) {
    return new ImagePart(new ImageUrl(url, null));
  }

  /** {@code detail}: auto, low, high or original. */
  static ImagePart imageUrl(String url, String detail) {
    return new ImagePart(new ImageUrl(url, detail));
  }

  /** {@code data} is base64; {@code format} e.g. wav, mp3, flac, m4a, ogg, aiff, aac, pcm16, pcm24. */
  static AudioPart inputAudio(String data, String format) {
    return new AudioPart(new InputAudio(data, format));
  }

  static VideoPart videoUrl(String url) {
    return new VideoPart(new VideoUrl(url));
  }

  /** A file by content: {@code fileData} is a base64 data URL or a URL. */
  static FilePart file(String filename, String fileData) {
    return new FilePart(new FileData(fileData, null, filename));
  }

  /** A file uploaded earlier through the files API. */
  static FilePart fileId(String fileId) {
    return new FilePart(new FileData(null, fileId, null));
  }

  /** {@code {type:"text", text, cache_control?, prompt_cache_breakpoint?}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record TextPart(String text, CacheControl cacheControl, PromptCacheBreakpoint promptCacheBreakpoint)
      implements ContentPart {
    @Override public String type() { return "text"; }

    /** This part with an Anthropic-style cache marker. */
    public TextPart withCacheControl(CacheControl cacheControl) {
      return new TextPart(text, cacheControl, promptCacheBreakpoint);
    }

    /** This part with an OpenAI-style explicit cache breakpoint. */
    public TextPart withPromptCacheBreakpoint() {
      return new TextPart(text, cacheControl, PromptCacheBreakpoint.explicit());
    }
  }

  /** {@code prompt_cache_breakpoint}: {@code {mode:"explicit"}}. */
  record PromptCacheBreakpoint(String mode) {
    public static PromptCacheBreakpoint explicit() {
      return new PromptCacheBreakpoint("explicit");
    }
  }

  /** {@code {type:"image_url", image_url:{url, detail?}}}; url is http(s) or a data URL. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ImagePart(ImageUrl imageUrl) implements ContentPart {
    @Override public String type() { return "image_url"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ImageUrl(String url, String detail) {}

  /** {@code {type:"input_audio", input_audio:{data, format}}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AudioPart(InputAudio inputAudio) implements ContentPart {
    @Override public String type() { return "input_audio"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record InputAudio(String data, String format) {}

  /** {@code {type:"video_url", video_url:{url}}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record VideoPart(VideoUrl videoUrl) implements ContentPart {
    @Override public String type() { return "video_url"; }
  }

  /** {@code {type:"input_video", video_url:{url}}}: the deprecated spelling of {@link VideoPart}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record InputVideoPart(VideoUrl videoUrl) implements ContentPart {
    @Override public String type() { return "input_video"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record VideoUrl(String url) {}

  /** {@code {type:"file", file:{file_data?, file_id?, filename?}}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FilePart(FileData file) implements ContentPart {
    @Override public String type() { return "file"; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FileData(String fileData, String fileId, String filename) {}

  /** A part type this version does not model: its type and every other field as sent. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
  @JsonIgnoreProperties(value = {})
  record Unknown(@JsonProperty("type") String type, @JsonAnySetter @JsonAnyGetter Map<String, Object> fields)
      implements ContentPart {}
}
