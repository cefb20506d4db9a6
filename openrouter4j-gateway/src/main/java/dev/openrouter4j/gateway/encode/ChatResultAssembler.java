package dev.openrouter4j.gateway.encode;

import dev.openrouter4j.api.chat.ChatChoice;
import dev.openrouter4j.api.chat.ChatMessage.AssistantMessage;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ReasoningDetail;
import dev.openrouter4j.api.chat.ToolCall;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical events to one {@code chat.completion}: what a non-streaming client gets. A failure
 * after some output keeps the partial output and adds OpenRouter's {@code error} to the body.
 */
public final class ChatResultAssembler {
  private final Map<Integer, ChoiceState> choices = new TreeMap<>();
  private TokenUsage usage;
  private LlmEvent.Failure failure;

  private static final class ChoiceState {
    final StringBuilder text = new StringBuilder();
    /** The plain {@code reasoning} string: reasoning text and summary text as they came. */
    final StringBuilder reasoning = new StringBuilder();
    /** The reasoning text alone (the {@code reasoning.text} detail). */
    final StringBuilder reasoningText = new StringBuilder();
    /** Summary parts, and the canonical index of the last one. */
    final List<StringBuilder> summaries = new ArrayList<>();
    int summaryIndex;
    String summaryFormat;
    final StringBuilder refusal = new StringBuilder();
    final StringBuilder signature = new StringBuilder();
    String reasoningFormat;
    final List<String[]> encrypted = new ArrayList<>(); // {data, format}
    final Map<Integer, String[]> toolCalls = new TreeMap<>(); // index -> {id, name}
    final Map<Integer, StringBuilder> arguments = new LinkedHashMap<>();
    String finishReason;
    String nativeFinishReason;
  }

  public void accept(LlmEvent event) {
    switch (event) {
      case LlmEvent.TextDelta e -> state(e.choice()).text.append(e.text());
      case LlmEvent.ReasoningDelta e -> {
        ChoiceState s = state(e.choice());
        if (e.text() != null) {
          s.reasoning.append(e.text());
          s.reasoningText.append(e.text());
        }
        if (e.signature() != null) s.signature.append(e.signature());
        if (e.format() != null) s.reasoningFormat = e.format();
      }
      case LlmEvent.ReasoningSummaryDelta e -> summary(state(e.choice()), e);
      case LlmEvent.ReasoningEncrypted e -> state(e.choice()).encrypted.add(new String[] {e.data(), e.format()});
      case LlmEvent.RefusalDelta e -> state(e.choice()).refusal.append(e.text());
      case LlmEvent.ToolCallStart e -> {
        state(e.choice()).toolCalls.put(e.index(), new String[] {e.id(), e.name()});
        state(e.choice()).arguments.put(e.index(), new StringBuilder());
      }
      case LlmEvent.ToolCallDelta e ->
          state(e.choice()).arguments.computeIfAbsent(e.index(), i -> new StringBuilder()).append(e.arguments());
      case LlmEvent.Finish e -> {
        state(e.choice()).finishReason = e.reason();
        state(e.choice()).nativeFinishReason = e.nativeReason();
      }
      case LlmEvent.Usage e -> usage = usage == null ? e.usage() : usage.merge(e.usage());
      case LlmEvent.Failure e -> failure = e;
      case LlmEvent.Start s -> {}
      case LlmEvent.ToolCallEnd e -> {}
    }
  }

  public TokenUsage usage() {
    return usage;
  }

  public LlmEvent.Failure failure() {
    return failure;
  }

  /** The finish reason of the first choice, "error" after a failure. */
  public String finishReason() {
    if (failure != null) return "error";
    return choices.isEmpty() ? null : choices.values().iterator().next().finishReason;
  }

  public ChatResult result(Generation generation) {
    if (choices.isEmpty()) state(0);
    List<ChatChoice> out = new ArrayList<>();
    for (Map.Entry<Integer, ChoiceState> entry : choices.entrySet()) {
      ChoiceState s = entry.getValue();
      List<ToolCall> calls = new ArrayList<>();
      for (Map.Entry<Integer, String[]> call : s.toolCalls.entrySet()) {
        StringBuilder args = s.arguments.getOrDefault(call.getKey(), new StringBuilder());
        calls.add(ToolCall.function(call.getValue()[0], call.getValue()[1], args.isEmpty() ? "{}" : args.toString()));
      }
      // summaries first, then the text, then encrypted (the order ResponsesMessages gives a reasoning item's details); index = position
      List<ReasoningDetail> details = new ArrayList<>();
      for (StringBuilder part : s.summaries) details.add(new ReasoningDetail.Summary(null, s.summaryFormat, details.size(), part.toString()));
      if (!s.reasoningText.isEmpty() || !s.signature.isEmpty()) {
        details.add(new ReasoningDetail.Text(null, s.reasoningFormat, details.size(), s.reasoningText.toString(), s.signature.isEmpty() ? null : s.signature.toString()));
      }
      for (String[] e : s.encrypted) {
        details.add(new ReasoningDetail.Encrypted(null, e[1] != null ? e[1] : s.reasoningFormat, details.size(), e[0]));
      }
      AssistantMessage message =
          AssistantMessage.builder()
              .content(s.text.isEmpty() && !calls.isEmpty() ? null : s.text.toString())
              .toolCalls(calls.isEmpty() ? null : calls)
              .refusal(s.refusal.isEmpty() ? null : s.refusal.toString())
              .reasoning(s.reasoning.isEmpty() ? null : s.reasoning.toString())
              .reasoningDetails(details.isEmpty() ? null : details)
              .build();
      String finish = failure != null ? "error" : s.finishReason;
      out.add(new ChatChoice(entry.getKey(), finish, s.nativeFinishReason, message, null, null));
    }
    Map<String, Object> extra = null;
    if (failure != null) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", failure.status());
      error.put("message", failure.message());
      if (failure.errorType() != null) error.put("metadata", Map.of("error_type", failure.errorType()));
      extra = Map.of("error", error);
    }
    return new ChatResult(
        generation.id(), ChatResult.OBJECT, generation.created(), generation.model(), null, out,
        usage == null ? null : generation.usage(usage, finishReason()), null, generation.provider(), null, extra);
  }

  /** A summary part per canonical index change; in the plain {@code reasoning} string parts are set apart by a blank line, as {@code ChatChunkEncoder} streams them. */
  private static void summary(ChoiceState s, LlmEvent.ReasoningSummaryDelta e) {
    if (e.text() == null || e.text().isEmpty()) return;
    if (e.format() != null) s.summaryFormat = e.format();
    if (s.summaries.isEmpty() || s.summaryIndex != e.summaryIndex()) {
      if (!s.summaries.isEmpty()) s.reasoning.append("\n\n");
      s.summaries.add(new StringBuilder());
      s.summaryIndex = e.summaryIndex();
    }
    s.summaries.get(s.summaries.size() - 1).append(e.text());
    s.reasoning.append(e.text());
  }

  private ChoiceState state(int choice) {
    return choices.computeIfAbsent(choice, c -> new ChoiceState());
  }
}
