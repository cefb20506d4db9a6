package dev.openrouter4j.gateway.provider.openai;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatChoice;
import dev.openrouter4j.api.chat.ChatDelta;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChoice;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.chat.ChatUsage;
import dev.openrouter4j.api.chat.ReasoningDetail;
import dev.openrouter4j.api.chat.StreamError;
import dev.openrouter4j.api.chat.ToolCall;
import dev.openrouter4j.api.chat.ToolCallDelta;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.provider.SseUpstreamCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * OpenAI chat completions (and OpenRouter's superset of them) to canonical events: stream chunks
 * one by one, or a whole {@code chat.completion}. Tool calls are told apart by their {@code index};
 * a call is ended when its choice finishes, since the format has no explicit end.
 */
public final class ChatChunkDecoder implements SseUpstreamCall.Decoder {
  private static final ObjectReader CHUNK = Json.mapper().readerFor(ChatStreamChunk.class);
  private static final ObjectReader RESULT = Json.mapper().readerFor(ChatResult.class);

  private boolean started;
  /** Open tool calls per choice, by index. */
  private final Map<Integer, Set<Integer>> openCalls = new HashMap<>();
  private final Set<Integer> finished = new LinkedHashSet<>();
  /** Per choice, the index of the last summary part. */
  private final Map<Integer, Integer> summaryIndex = new HashMap<>();

  @Override
  public void event(SseEvent event, Consumer<LlmEvent> out) {
    ChatStreamChunk chunk;
    try {
      chunk = CHUNK.readValue(event.data());
    } catch (IOException e) {
      throw new UncheckedIOException("upstream sent an invalid chunk: " + e.getMessage(), e);
    }
    chunk(chunk, out);
  }

  /** As {@link #event}, for a chunk's JSON still in bytes (the relay fast path's chunks that it does not relay as they are). */
  public void event(byte[] json, int offset, int length, Consumer<LlmEvent> out) {
    ChatStreamChunk chunk;
    try {
      chunk = CHUNK.readValue(json, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("upstream sent an invalid chunk: " + e.getMessage(), e);
    }
    chunk(chunk, out);
  }

  void chunk(ChatStreamChunk chunk, Consumer<LlmEvent> out) {
    if (!started) {
      started = true;
      out.accept(new LlmEvent.Start(chunk.id(), chunk.model()));
    }
    if (chunk.choices() != null) {
      for (ChatStreamChoice choice : chunk.choices()) {
        int index = choice.index() == null ? 0 : choice.index();
        if (choice.delta() != null) delta(index, choice.delta(), out);
        if (choice.finishReason() != null && !"error".equals(choice.finishReason()) && finished.add(index)) {
          endToolCalls(index, out);
          out.accept(new LlmEvent.Finish(index, normalise(choice.finishReason()), nativeReason(choice)));
        }
      }
    }
    if (chunk.usage() != null) out.accept(new LlmEvent.Usage(usage(chunk.usage())));
    if (chunk.error() != null) out.accept(failure(chunk.error()));
  }

  private void delta(int choice, ChatDelta d, Consumer<LlmEvent> out) {
    if (d.reasoning() != null && !d.reasoning().isEmpty() && !summaryOnly(d.reasoningDetails())) {
      out.accept(new LlmEvent.ReasoningDelta(choice, d.reasoning(), signature(d), format(d)));
    } else if (signature(d) != null) {
      out.accept(new LlmEvent.ReasoningDelta(choice, null, signature(d), format(d)));
    }
    if (d.reasoningDetails() != null) {
      for (ReasoningDetail detail : d.reasoningDetails()) {
        if (detail instanceof ReasoningDetail.Summary sum) summary(choice, sum, out);
        if (detail instanceof ReasoningDetail.Encrypted e) out.accept(new LlmEvent.ReasoningEncrypted(choice, e.data(), e.format()));
      }
    }
    if (d.content() != null && !d.content().isEmpty()) out.accept(new LlmEvent.TextDelta(choice, d.content()));
    if (d.refusal() != null && !d.refusal().isEmpty()) out.accept(new LlmEvent.RefusalDelta(choice, d.refusal()));
    if (d.toolCalls() != null) {
      for (ToolCallDelta call : d.toolCalls()) {
        int index = call.index() == null ? 0 : call.index();
        Set<Integer> open = openCalls.computeIfAbsent(choice, c -> new LinkedHashSet<>());
        if (open.add(index)) {
          String name = call.function() == null ? null : call.function().name();
          out.accept(new LlmEvent.ToolCallStart(choice, index, call.id(), name));
        }
        String args = call.function() == null ? null : call.function().arguments();
        if (args != null && !args.isEmpty()) out.accept(new LlmEvent.ToolCallDelta(choice, index, args));
      }
    }
  }

  /**
   * Whether the details hold summaries and no reasoning text: then the plain {@code reasoning}
   * string is OpenRouter's copy of the summary text (it carries whatever reasoning a model shows),
   * and passing it on as reasoning too would say the summary twice.
   */
  private static boolean summaryOnly(java.util.List<ReasoningDetail> details) {
    if (details == null) return false;
    boolean summary = false;
    for (ReasoningDetail detail : details) {
      if (detail instanceof ReasoningDetail.Text t && t.text() != null && !t.text().isEmpty()) return false;
      if (detail instanceof ReasoningDetail.Summary) summary = true;
    }
    return summary;
  }

  /** A {@code reasoning.summary} detail; its {@code index} tells the parts apart (absent: the part goes on). */
  private void summary(int choice, ReasoningDetail.Summary detail, Consumer<LlmEvent> out) {
    int index = detail.index() != null ? detail.index() : summaryIndex.getOrDefault(choice, 0);
    summaryIndex.put(choice, index);
    if (detail.summary() != null && !detail.summary().isEmpty()) {
      out.accept(new LlmEvent.ReasoningSummaryDelta(choice, index, detail.summary(), detail.format()));
    }
  }

  private static String signature(ChatDelta d) {
    if (d.reasoningDetails() == null) return null;
    for (ReasoningDetail detail : d.reasoningDetails()) {
      if (detail instanceof ReasoningDetail.Text t && t.signature() != null) return t.signature();
    }
    return null;
  }

  private static String format(ChatDelta d) {
    if (d.reasoningDetails() == null) return null;
    for (ReasoningDetail detail : d.reasoningDetails()) {
      if (detail instanceof ReasoningDetail.Text t && t.format() != null) return t.format();
    }
    return null;
  }

  @Override
  public void end(Consumer<LlmEvent> out) {
    // an upstream that ended without finishing its calls: close them so encoders stay consistent
    for (Integer choice : openCalls.keySet()) {
      if (!finished.contains(choice)) endToolCalls(choice, out);
    }
  }

  private void endToolCalls(int choice, Consumer<LlmEvent> out) {
    Set<Integer> open = openCalls.remove(choice);
    if (open != null) {
      for (int index : open) out.accept(new LlmEvent.ToolCallEnd(choice, index));
    }
  }

  /** A whole {@code chat.completion} body as the events a stream of it would have given. */
  public static void decodeResult(byte[] body, Consumer<LlmEvent> out) {
    ChatResult result;
    try {
      result = RESULT.readValue(body);
    } catch (IOException e) {
      throw new UncheckedIOException("upstream sent an invalid completion: " + e.getMessage(), e);
    }
    if (result == null) throw new UncheckedIOException(new IOException("upstream sent an empty body"));
    out.accept(new LlmEvent.Start(result.id(), result.model()));
    if (result.choices() != null) {
      for (ChatChoice choice : result.choices()) {
        int index = choice.index() == null ? 0 : choice.index();
        var m = choice.message();
        if (m != null) {
          // as a stream would say it: the reasoning text, then its signature; the text from the
          // details when the plain string is missing; encrypted reasoning too
          List<ReasoningDetail> details = m.reasoningDetails() == null ? List.of() : m.reasoningDetails();
          String signature = null;
          String format = null;
          StringBuilder detailText = new StringBuilder();
          for (ReasoningDetail detail : details) {
            if (detail instanceof ReasoningDetail.Text t) {
              if (t.signature() != null) signature = t.signature();
              if (t.format() != null) format = t.format();
              if (t.text() != null) detailText.append(t.text());
            }
          }
          String reasoning = m.reasoning() != null && !m.reasoning().isEmpty() ? m.reasoning() : detailText.toString();
          if (!reasoning.isEmpty() && !summaryOnly(details)) out.accept(new LlmEvent.ReasoningDelta(index, reasoning, null, format));
          if (signature != null) out.accept(new LlmEvent.ReasoningDelta(index, null, signature, format));
          for (ReasoningDetail detail : details) {
            if (detail instanceof ReasoningDetail.Encrypted e) out.accept(new LlmEvent.ReasoningEncrypted(index, e.data(), e.format()));
          }
          // each summary detail of a whole message is a part of its own
          int part = 0;
          for (ReasoningDetail detail : details) {
            if (detail instanceof ReasoningDetail.Summary sum && sum.summary() != null && !sum.summary().isEmpty()) {
              out.accept(new LlmEvent.ReasoningSummaryDelta(index, part++, sum.summary(), sum.format()));
            }
          }
          String text = m.content() == null ? null : m.content().asText();
          if (text != null && !text.isEmpty()) out.accept(new LlmEvent.TextDelta(index, text));
          if (m.refusal() != null && !m.refusal().isEmpty()) out.accept(new LlmEvent.RefusalDelta(index, m.refusal()));
          if (m.toolCalls() != null) {
            int i = 0;
            for (ToolCall call : m.toolCalls()) {
              out.accept(new LlmEvent.ToolCallStart(index, i, call.id(), call.function() == null ? null : call.function().name()));
              String args = call.function() == null ? null : call.function().arguments();
              if (args != null && !args.isEmpty()) out.accept(new LlmEvent.ToolCallDelta(index, i, args));
              out.accept(new LlmEvent.ToolCallEnd(index, i));
              i++;
            }
          }
        }
        if (choice.finishReason() != null) {
          out.accept(new LlmEvent.Finish(index, normalise(choice.finishReason()), choice.nativeFinishReason() != null ? choice.nativeFinishReason() : choice.finishReason()));
        }
      }
    }
    if (result.usage() != null) out.accept(new LlmEvent.Usage(usage(result.usage())));
  }

  static TokenUsage usage(ChatUsage u) {
    long prompt = u.promptTokens() == null ? 0 : u.promptTokens();
    long completion = u.completionTokens() == null ? 0 : u.completionTokens();
    long cached = u.promptTokensDetails() != null && u.promptTokensDetails().cachedTokens() != null ? u.promptTokensDetails().cachedTokens() : 0;
    long written = u.promptTokensDetails() != null && u.promptTokensDetails().cacheWriteTokens() != null ? u.promptTokensDetails().cacheWriteTokens() : 0;
    long reasoning =
        u.completionTokensDetails() != null && u.completionTokensDetails().reasoningTokens() != null ? u.completionTokensDetails().reasoningTokens() : 0;
    return new TokenUsage(prompt, completion, cached, written, reasoning, u.cost());
  }

  static LlmEvent.Failure failure(StreamError e) {
    Object type = e.metadata() == null ? null : e.metadata().get("error_type");
    Object code = e.metadata() == null ? null : e.metadata().get("provider_code");
    int status = e.code() == null ? 502 : e.code();
    return new LlmEvent.Failure(status, e.message() == null ? "upstream error" : e.message(),
        type == null ? "provider_unavailable" : type.toString(), code == null ? null : code.toString());
  }

  /** OpenRouter's finish reasons; an unknown value counts as a normal stop. */
  static String normalise(String reason) {
    return switch (reason) {
      case "stop", "end_turn", "stop_sequence", "eos" -> "stop";
      case "length", "max_tokens", "model_length" -> "length";
      case "tool_calls", "function_call", "tool_use" -> "tool_calls";
      case "content_filter", "refusal", "safety" -> "content_filter";
      case "error" -> "error";
      default -> "stop";
    };
  }

  private static String nativeReason(ChatStreamChoice choice) {
    return choice.nativeFinishReason() != null ? choice.nativeFinishReason() : choice.finishReason();
  }
}
