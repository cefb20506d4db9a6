package dev.openrouter4j.api.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code delta.tool_calls[]}: a fragment of one tool call. {@code index} says which call it belongs
 * to; {@code id}, {@code type} and {@code function.name} usually come in the first fragment only,
 * and {@code function.arguments} is a piece of the JSON text to append.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCallDelta(Integer index, String id, String type, FunctionDelta function) {
  /** {@code function}: {@code {name?, arguments?}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FunctionDelta(String name, String arguments) {}
}
