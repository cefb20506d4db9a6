package dev.openrouter4j.gateway.provider.simulated;

import dev.openrouter4j.api.chat.ChatDelta;
import dev.openrouter4j.api.chat.ChatStreamChoice;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.chat.ChatUsage;
import dev.openrouter4j.api.chat.StreamError;
import dev.openrouter4j.api.chat.ToolCallDelta;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical events as OpenAI {@code chat.completion.chunk}s, in the order OpenAI streams them: a
 * first delta with {@code role: assistant} and empty content, content deltas, tool-call deltas
 * ({@code index}, {@code id}, {@code type}, {@code function.name} and empty arguments first, then
 * argument pieces), a chunk with the {@code finish_reason}, and, once the events are over, a usage
 * chunk with {@code choices: []}. A {@code Failure} becomes OpenRouter's mid-stream error chunk
 * (top-level {@code error}, finish {@code error}).
 */
final class ChunkEncoder {
  private static final ChatDelta EMPTY = new ChatDelta(null, null, null, null, null, null, null, null, null);

  private final long created;
  private String id;
  private String model;
  private TokenUsage usage;

  ChunkEncoder(String model, long createdEpochSeconds) {
    this.model = model;
    this.created = createdEpochSeconds;
  }

  /** The chunks for one event: usually one, none for events OpenAI has no chunk for. */
  List<ChatStreamChunk> encode(LlmEvent event) {
    return switch (event) {
      case LlmEvent.Start s -> {
        id = s.upstreamId();
        if (s.upstreamModel() != null) model = s.upstreamModel();
        yield List.of(chunk(0, new ChatDelta("assistant", "", null, null, null, null, null, null, null), null));
      }
      case LlmEvent.TextDelta t -> List.of(chunk(t.choice(), ChatDelta.content(t.text()), null));
      case LlmEvent.ReasoningDelta r when r.text() != null ->
          List.of(chunk(r.choice(), new ChatDelta(null, null, r.text(), null, null, null, null, null, null), null));
      case LlmEvent.RefusalDelta r ->
          List.of(chunk(r.choice(), new ChatDelta(null, null, null, r.text(), null, null, null, null, null), null));
      case LlmEvent.ToolCallStart s -> {
        var function = new ToolCallDelta.FunctionDelta(s.name(), "");
        yield List.of(chunk(s.choice(), tool(new ToolCallDelta(s.index(), s.id(), "function", function)), null));
      }
      case LlmEvent.ToolCallDelta d -> {
        var function = new ToolCallDelta.FunctionDelta(null, d.arguments());
        yield List.of(chunk(d.choice(), tool(new ToolCallDelta(d.index(), null, null, function)), null));
      }
      case LlmEvent.Finish f -> List.of(chunk(f.choice(), EMPTY, f.reason()));
      case LlmEvent.Usage u -> {
        // held back: OpenAI sends usage in its own chunk after the finish
        usage = usage == null ? u.usage() : usage.merge(u.usage());
        yield List.of();
      }
      case LlmEvent.Failure f -> List.of(error(f));
      default -> List.of();
    };
  }

  /** The closing usage chunk, or null when no usage was reported. */
  ChatStreamChunk usageChunk() {
    if (usage == null) return null;
    return new ChatStreamChunk(
        id, ChatStreamChunk.OBJECT, created, model, List.of(), null, null, usage(usage), null, null, null, null);
  }

  static ChatUsage usage(TokenUsage u) {
    ChatUsage.PromptTokensDetails prompt =
        u.cachedTokens() > 0 || u.cacheWriteTokens() > 0
            ? new ChatUsage.PromptTokensDetails((int) u.cachedTokens(), (int) u.cacheWriteTokens(), null, null, null)
            : null;
    ChatUsage.CompletionTokensDetails completion =
        u.reasoningTokens() > 0
            ? new ChatUsage.CompletionTokensDetails((int) u.reasoningTokens(), null, null, null, null)
            : null;
    return new ChatUsage(
        (int) u.promptTokens(), (int) u.completionTokens(), (int) u.totalTokens(), prompt, completion, null, null, null, null, null);
  }

  private ChatStreamChunk chunk(int choice, ChatDelta delta, String finishReason) {
    ChatStreamChoice c = new ChatStreamChoice(choice, delta, finishReason, null, null, null);
    return new ChatStreamChunk(id, ChatStreamChunk.OBJECT, created, model, List.of(c), null, null, null, null, null, null, null);
  }

  private static ChatDelta tool(ToolCallDelta call) {
    return new ChatDelta(null, null, null, null, List.of(call), null, null, null, null);
  }

  private ChatStreamChunk error(LlmEvent.Failure f) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (f.errorType() != null) metadata.put("error_type", f.errorType());
    if (f.providerCode() != null) metadata.put("provider_code", f.providerCode());
    StreamError error = new StreamError(f.status(), f.message(), metadata.isEmpty() ? null : metadata, null);
    ChatStreamChoice c = new ChatStreamChoice(0, ChatDelta.content(""), "error", null, null, null);
    return new ChatStreamChunk(id, ChatStreamChunk.OBJECT, created, model, List.of(c), null, null, null, null, null, error, null);
  }
}
