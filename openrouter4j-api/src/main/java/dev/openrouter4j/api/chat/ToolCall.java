package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code tool_calls[]} of an assistant message: {@code {id, type:"function", function:{name,
 * arguments}}}. {@code arguments} is the JSON text the model wrote, not parsed, because models
 * sometimes write invalid JSON and the caller decides what to do about it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToolCall(String id, String type, FunctionCall function) {
  public static ToolCall function(String id, String name, String arguments) {
    return new ToolCall(id, "function", new FunctionCall(name, arguments));
  }

  /** {@code function}: the tool's name and its arguments as a JSON string. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FunctionCall(String name, String arguments) {}
}
