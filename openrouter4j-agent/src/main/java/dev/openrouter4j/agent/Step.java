package dev.openrouter4j.agent;

import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesUsage;
import java.util.List;

/**
 * One step of the tool loop: one model response and the results of the tool calls it made.
 *
 * @param number 1 for the first step
 * @param response the model's response, whole
 * @param toolResults one per tool call, in call order (on a paused step, only the calls that ran)
 */
public record Step(int number, Response response, List<ToolResult> toolResults) {
  public Step {
    toolResults = List.copyOf(toolResults);
  }

  /** The step's output text (empty when the model only called tools). */
  public String text() {
    return response.text();
  }

  /** The function calls the model made in this step, in order. */
  public List<OutputItem.FunctionCall> toolCalls() {
    return response.functionCalls();
  }

  /** The step's usage as the server reported it, or null. */
  public ResponsesUsage usage() {
    return response.usage();
  }

  /**
   * Why the model stopped, in chat completions' words: {@code tool_calls} when it called a tool,
   * {@code stop} when it finished, {@code length} when {@code max_output_tokens} cut it short,
   * {@code content_filter}, {@code error} for a failed response, or the incomplete reason as sent.
   */
  public String finishReason() {
    if (Response.FAILED.equals(response.status())) return "error";
    if (Response.INCOMPLETE.equals(response.status())) {
      String reason = response.incompleteDetails() == null ? null : response.incompleteDetails().reason();
      if (reason == null || reason.equals("max_output_tokens")) return "length";
      return reason;
    }
    return toolCalls().isEmpty() ? "stop" : "tool_calls";
  }
}
