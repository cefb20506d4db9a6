package dev.openrouter4j.gateway.provider.simulated;

import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatTool;
import dev.openrouter4j.api.chat.ChatTool.FunctionDefinition;
import dev.openrouter4j.api.chat.MessageContent;
import dev.openrouter4j.api.chat.ToolCall;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.provider.simulated.Script.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what the simulated model says, deterministically from the request: the same request
 * always gets the same answer, so tests can assert on it and benchmarks compare like with like.
 *
 * <ul>
 *   <li>Text: {@code outputTokens} tokens, each one word and a space, cycling through a fixed word
 *       list from a point chosen by the hash of the last user message; cut short with finish {@code
 *       length} by {@code max_completion_tokens}/{@code max_tokens}.
 *   <li>Tools: when the request offers function tools, {@code tool_choice} is not {@code none} and
 *       the last message is not a tool result (so a tool loop ends), one call to the named or first
 *       function, arguments from {@link SchemaSample}, streamed in {@value #ARGUMENT_PIECE}-character
 *       tokens, finish {@code tool_calls}. The token limit does not apply: cut arguments would be
 *       invalid JSON, which is a different fault than the one a test asked for.
 *   <li>Usage: prompt tokens are all message characters / 4 (at least 1); completion tokens are the
 *       tokens sent.
 * </ul>
 */
final class AnswerPlanner {
  static final int ARGUMENT_PIECE = 8;

  private static final String[] WORDS = (
      "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et "
          + "dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea "
          + "commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur "
          + "excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum")
      .split(" ");

  private AnswerPlanner() {}

  static Script plan(ChatRequest request, String id, String model, SimulationProfile profile) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(new LlmEvent.Start(id, model), false));
    long promptTokens = promptTokens(request);
    FunctionDefinition tool = toolToCall(request);
    long completionTokens;
    String finish;
    if (tool != null) {
      steps.add(new Step(new LlmEvent.ToolCallStart(0, 0, "call_" + id, tool.name()), false));
      List<String> pieces = pieces(SchemaSample.arguments(tool.parameters()));
      for (String piece : pieces) steps.add(new Step(new LlmEvent.ToolCallDelta(0, 0, piece), true));
      steps.add(new Step(new LlmEvent.ToolCallEnd(0, 0), false));
      completionTokens = pieces.size();
      finish = "tool_calls";
    } else {
      int tokens = Math.min(profile.outputTokens(), limit(request));
      int start = Math.floorMod(lastUserText(request).hashCode(), WORDS.length);
      for (int i = 0; i < tokens; i++) {
        steps.add(new Step(new LlmEvent.TextDelta(0, WORDS[(start + i) % WORDS.length] + " "), true));
      }
      completionTokens = tokens;
      finish = tokens < profile.outputTokens() ? "length" : "stop";
    }
    steps.add(new Step(new LlmEvent.Usage(new TokenUsage(promptTokens, completionTokens, 0, 0, 0)), false));
    steps.add(new Step(new LlmEvent.Finish(0, finish, finish), false));
    return new Script(steps);
  }

  /** The function to call, or null to answer with text. */
  static FunctionDefinition toolToCall(ChatRequest request) {
    if (request.tools() == null || request.messages() == null || request.messages().isEmpty()) return null;
    if (request.messages().getLast() instanceof ChatMessage.ToolMessage) return null;
    if (request.toolChoice() != null && "none".equals(request.toolChoice().mode())) return null;
    String named = request.toolChoice() == null ? null : request.toolChoice().functionName();
    FunctionDefinition first = null;
    for (ChatTool tool : request.tools()) {
      if (!(tool instanceof ChatTool.FunctionTool f) || f.function() == null) continue;
      if (named != null && named.equals(f.function().name())) return f.function();
      if (first == null) first = f.function();
    }
    return first;
  }

  static long promptTokens(ChatRequest request) {
    long chars = 0;
    if (request.messages() != null) {
      for (ChatMessage m : request.messages()) chars += characters(m);
    }
    return Math.max(1, chars / 4);
  }

  private static long characters(ChatMessage m) {
    return switch (m) {
      case ChatMessage.SystemMessage s -> length(s.content());
      case ChatMessage.DeveloperMessage d -> length(d.content());
      case ChatMessage.UserMessage u -> length(u.content());
      case ChatMessage.ToolMessage t -> length(t.content());
      case ChatMessage.AssistantMessage a -> {
        long n = length(a.content());
        if (a.toolCalls() != null) {
          for (ToolCall c : a.toolCalls()) {
            if (c.function() == null) continue;
            n += length(c.function().name()) + length(c.function().arguments());
          }
        }
        yield n;
      }
      case ChatMessage.Unknown u -> 0;
    };
  }

  private static long length(MessageContent content) {
    return content == null ? 0 : content.asText().length();
  }

  private static long length(String s) {
    return s == null ? 0 : s.length();
  }

  private static String lastUserText(ChatRequest request) {
    if (request.messages() == null) return "";
    for (ChatMessage m : request.messages().reversed()) {
      if (m instanceof ChatMessage.UserMessage u && u.content() != null) return u.content().asText();
    }
    return "";
  }

  private static int limit(ChatRequest request) {
    int limit = Integer.MAX_VALUE;
    if (request.maxCompletionTokens() != null) limit = Math.min(limit, Math.max(0, request.maxCompletionTokens()));
    if (request.maxTokens() != null) limit = Math.min(limit, Math.max(0, request.maxTokens()));
    return limit;
  }

  /** Splits on code points, so a piece never ends inside a surrogate pair. */
  private static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = Math.min(text.length(), i + ARGUMENT_PIECE);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end++;
      out.add(text.substring(i, end));
      i = end;
    }
    return out;
  }
}
