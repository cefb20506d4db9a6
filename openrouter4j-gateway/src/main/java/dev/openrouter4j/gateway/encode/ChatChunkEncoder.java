package dev.openrouter4j.gateway.encode;

import dev.openrouter4j.api.chat.ChatDelta;
import dev.openrouter4j.api.chat.ChatStreamChoice;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.chat.ReasoningDetail;
import dev.openrouter4j.api.chat.StreamError;
import dev.openrouter4j.api.chat.ToolCallDelta;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Canonical events to OpenRouter's {@code chat.completion.chunk}s, one event at a time. The role is
 * sent on each choice's first delta; usage comes last in a chunk with no choices (as OpenAI sends
 * it with {@code include_usage}); a failure becomes OpenRouter's mid-stream error chunk.
 */
public final class ChatChunkEncoder {
  public static final String OBJECT = "chat.completion.chunk";

  private final Generation generation;
  private final Set<Integer> choicesStarted = new HashSet<>();
  /** Per choice, the summary parts so far: {canonical index of the last part, parts count}. */
  private final Map<Integer, int[]> summaryParts = new HashMap<>();
  private TokenUsage usage;
  private String lastFinishReason;

  public ChatChunkEncoder(Generation generation) {
    this.generation = generation;
  }

  /** The chunk for this event, or null when the event has nothing to send yet. */
  public ChatStreamChunk encode(LlmEvent event) {
    return switch (event) {
      case LlmEvent.TextDelta e -> delta(e.choice(), new ChatDelta(role(e.choice()), e.text(), null, null, null, null, null, null, null));
      case LlmEvent.ReasoningDelta e -> delta(e.choice(), reasoning(e));
      case LlmEvent.ReasoningSummaryDelta e -> e.text() == null || e.text().isEmpty() ? null : delta(e.choice(), summary(e));
      case LlmEvent.ReasoningEncrypted e ->
          delta(e.choice(), new ChatDelta(role(e.choice()), null, null, null, null,
              List.of(new ReasoningDetail.Encrypted(null, e.format(), 0, e.data())), null, null, null));
      case LlmEvent.RefusalDelta e -> delta(e.choice(), new ChatDelta(role(e.choice()), null, null, e.text(), null, null, null, null, null));
      case LlmEvent.ToolCallStart e ->
          delta(e.choice(), toolCall(e.choice(), new ToolCallDelta(e.index(), e.id(), "function", new ToolCallDelta.FunctionDelta(e.name(), ""))));
      case LlmEvent.ToolCallDelta e ->
          delta(e.choice(), toolCall(e.choice(), new ToolCallDelta(e.index(), null, null, new ToolCallDelta.FunctionDelta(null, e.arguments()))));
      case LlmEvent.Finish e -> {
        lastFinishReason = e.reason();
        ChatDelta d = new ChatDelta(role(e.choice()), "", null, null, null, null, null, null, null);
        yield chunk(List.of(new ChatStreamChoice(e.choice(), d, e.reason(), e.nativeReason(), null, null)), null, null);
      }
      case LlmEvent.Usage e -> {
        usage = usage == null ? e.usage() : usage.merge(e.usage());
        yield null;
      }
      case LlmEvent.Failure e -> failure(e);
      case LlmEvent.Start s -> null;
      case LlmEvent.ToolCallEnd e -> null;
    };
  }

  /** The closing chunk carrying usage and cost; null when the upstream reported no usage. */
  public ChatStreamChunk usageChunk() {
    if (usage == null) return null;
    return chunk(List.of(), generation.usage(usage, lastFinishReason), null);
  }

  /** OpenRouter's in-stream error: a chunk with {@code error} and {@code finish_reason: "error"}. */
  public ChatStreamChunk failure(LlmEvent.Failure e) {
    lastFinishReason = "error";
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (e.errorType() != null) metadata.put("error_type", e.errorType());
    if (e.providerCode() != null) metadata.put("provider_code", e.providerCode());
    ChatDelta d = new ChatDelta(null, "", null, null, null, null, null, null, null);
    return chunk(
        List.of(new ChatStreamChoice(0, d, "error", null, null, null)),
        usage == null ? null : generation.usage(usage, "error"),
        new StreamError(e.status(), e.message(), metadata.isEmpty() ? null : metadata, null));
  }

  public TokenUsage usage() {
    return usage;
  }

  public String finishReason() {
    return lastFinishReason;
  }

  private String role(int choice) {
    return choicesStarted.add(choice) ? "assistant" : null;
  }

  private ChatDelta reasoning(LlmEvent.ReasoningDelta e) {
    ReasoningDetail detail = new ReasoningDetail.Text(null, e.format(), 0, e.text(), e.signature());
    return new ChatDelta(role(e.choice()), null, e.text(), null, null, List.of(detail), null, null, null);
  }

  /**
   * A summary delta as OpenRouter writes one: a {@code reasoning.summary} detail whose {@code index}
   * numbers the parts (the SDKs merge consecutive details of one index into one part), and the text
   * in the plain {@code reasoning} string too, where clients that read only that string find the
   * summary (OpenRouter's {@code reasoning} carries what reasoning a model shows, a summary for
   * OpenAI's). In the string a later part is set apart by a blank line, as the Responses API's
   * {@code summary[]} parts are joined.
   */
  private ChatDelta summary(LlmEvent.ReasoningSummaryDelta e) {
    int[] parts = summaryParts.get(e.choice());
    String reasoning = e.text();
    if (parts == null) {
      parts = new int[] {e.summaryIndex(), 1};
      summaryParts.put(e.choice(), parts);
    } else if (parts[0] != e.summaryIndex()) {
      parts[0] = e.summaryIndex();
      parts[1]++;
      reasoning = "\n\n" + reasoning;
    }
    ReasoningDetail detail = new ReasoningDetail.Summary(null, e.format(), parts[1] - 1, e.text());
    return new ChatDelta(role(e.choice()), null, reasoning, null, null, List.of(detail), null, null, null);
  }

  private ChatDelta toolCall(int choice, ToolCallDelta call) {
    return new ChatDelta(role(choice), null, null, null, List.of(call), null, null, null, null);
  }

  private ChatStreamChunk delta(int choice, ChatDelta delta) {
    return chunk(List.of(new ChatStreamChoice(choice, delta, null, null, null, null)), null, null);
  }

  private ChatStreamChunk chunk(List<ChatStreamChoice> choices, dev.openrouter4j.api.chat.ChatUsage chatUsage, StreamError error) {
    return new ChatStreamChunk(
        generation.id(), OBJECT, generation.created(), generation.model(), choices, null, null, chatUsage,
        generation.provider(), null, error, null);
  }
}
