package dev.openrouter4j.gateway.event;

/**
 * The canonical stream every upstream format decodes into and every client format encodes from.
 * {@code choice} is the completion index (0 unless the request asked for several). Events of one
 * choice arrive in order; a tool call is {@link ToolCallStart}, any number of {@link ToolCallDelta},
 * then {@link ToolCallEnd} (an adapter whose format has no explicit end emits it before {@link
 * Finish}). {@link Usage} may come at any point, usually last; {@link Failure} ends the stream.
 */
public sealed interface LlmEvent {

  /** The upstream's own id and model name, when its format reports them. */
  record Start(String upstreamId, String upstreamModel) implements LlmEvent {}

  record TextDelta(int choice, String text) implements LlmEvent {}

  /**
   * Visible reasoning (Anthropic thinking, OpenAI-compatible {@code reasoning}); {@code signature}
   * (Anthropic) arrives as its own delta with null text. {@code format} names the reasoning dialect
   * as OpenRouter's {@code reasoning_details} do (e.g. {@code anthropic-claude-v1}), or null.
   */
  record ReasoningDelta(int choice, String text, String signature, String format) implements LlmEvent {}

  /**
   * A reasoning summary's text (OpenAI's {@code summary[]} parts, OpenRouter's {@code
   * reasoning.summary} details): not the reasoning itself, so kept apart from {@link
   * ReasoningDelta}. A summary has parts; consecutive deltas with the same {@code summaryIndex} are
   * one part, and a different index starts the next one (encoders number parts themselves, so the
   * index only has to change at a part's boundary). {@code format} as in {@link ReasoningDelta}.
   */
  record ReasoningSummaryDelta(int choice, int summaryIndex, String text, String format) implements LlmEvent {}

  /** Reasoning the provider returns only in encrypted or redacted form. */
  record ReasoningEncrypted(int choice, String data, String format) implements LlmEvent {}

  record RefusalDelta(int choice, String text) implements LlmEvent {}

  record ToolCallStart(int choice, int index, String id, String name) implements LlmEvent {}

  record ToolCallDelta(int choice, int index, String arguments) implements LlmEvent {}

  record ToolCallEnd(int choice, int index) implements LlmEvent {}

  record Usage(TokenUsage usage) implements LlmEvent {}

  /**
   * The end of one choice. {@code reason} is normalised to OpenRouter's set ({@code stop}, {@code
   * length}, {@code tool_calls}, {@code content_filter}, {@code error}); {@code nativeReason} is
   * what the upstream said.
   */
  record Finish(int choice, String reason, String nativeReason) implements LlmEvent {}

  /**
   * The upstream failed after it had started answering. {@code status} is the HTTP-style code
   * OpenRouter reports ({@code 502} provider unavailable, {@code 529} overloaded, …); {@code
   * errorType} is an {@code ApiErrorType} such as {@code provider_unavailable}.
   */
  record Failure(int status, String message, String errorType, String providerCode) implements LlmEvent {}
}
