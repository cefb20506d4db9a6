package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code prompt}: a stored prompt template by id, with {@code variables} whose values are strings or
 * input_text/input_image/input_file parts ({@link InputContent} values write as such; read back, they
 * are Strings or Maps).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prompt(
    String id, Map<String, Object> variables, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public static Prompt of(String id) {
    return new Prompt(id, null, null);
  }

  public static Prompt of(String id, Map<String, Object> variables) {
    return new Prompt(id, variables, null);
  }
}
