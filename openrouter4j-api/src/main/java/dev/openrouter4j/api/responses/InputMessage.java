package dev.openrouter4j.api.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code {type:"message"}} input item. One record serves the spec's three message shapes: the easy
 * message (role + string or parts), the input message item (with an id) and an assistant message
 * echoed from a response (id, output_text/refusal parts, status, phase). Role, status and phase are
 * Strings because these items are also read back from responses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputMessage(
    String role,
    MessageContent content,
    String id,
    String status,
    String phase,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
    implements InputItem {
  public static final String USER = "user";
  public static final String SYSTEM = "system";
  public static final String DEVELOPER = "developer";
  public static final String ASSISTANT = "assistant";

  public static InputMessage of(String role, String text) {
    return new InputMessage(role, MessageContent.of(text), null, null, null, null);
  }

  public static InputMessage of(String role, List<InputContent> parts) {
    return new InputMessage(role, MessageContent.of(parts), null, null, null, null);
  }

  @Override
  public String type() {
    return "message";
  }

  /** The content's text, whichever shape it has (empty when there is no content). */
  public String text() {
    return content == null ? "" : content.asText();
  }
}
