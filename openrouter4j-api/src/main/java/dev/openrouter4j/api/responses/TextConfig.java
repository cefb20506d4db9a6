package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code text}: the output format and verbosity ({@code low|medium|high|xhigh|max}). Verbosity is a
 * String because the same record is read back from responses, where providers may add values.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextConfig(
    TextFormat format, String verbosity, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public static TextConfig of(TextFormat format) {
    return new TextConfig(format, null, null);
  }

  public static TextConfig of(TextFormat format, String verbosity) {
    return new TextConfig(format, verbosity, null);
  }

  public static TextConfig verbosity(String verbosity) {
    return new TextConfig(null, verbosity, null);
  }
}
