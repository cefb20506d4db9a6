package dev.openrouter4j.agent;

import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.StreamEvent;

/**
 * What a streamed run reports as it happens. Every method is called on the thread that called
 * {@code run} or {@code resume}, in this order for each step: {@link #onEvent} (and {@link
 * #onTextDelta} for text) as the model's stream arrives; then {@link #onToolCall} for each call, in
 * call order; {@link #onToolResult} as each call finishes (tools run in parallel, so in the order
 * they finish); then {@link #onStepFinished}. A paused step reports its remaining results and
 * finishes on resume. Every method does nothing by default.
 */
public interface AgentListener {
  /** Listens to nothing. */
  AgentListener NONE = new AgentListener() {};

  /** Every event of the model's stream, as decoded. */
  default void onEvent(StreamEvent event) {}

  /** A piece of the model's output text. */
  default void onTextDelta(String delta) {}

  /** The model called a tool (with its final arguments), before it runs or waits for approval. */
  default void onToolCall(OutputItem.FunctionCall call) {}

  /** A tool call finished, failed, was refused or denied: {@code result.output()} goes to the model. */
  default void onToolResult(ToolResult result) {}

  /** A step is complete: its response and every tool result. */
  default void onStepFinished(Step step) {}
}
