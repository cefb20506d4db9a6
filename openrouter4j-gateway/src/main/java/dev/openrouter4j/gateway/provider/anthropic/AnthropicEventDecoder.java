package dev.openrouter4j.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Messages API stream events ({@code message_start}, {@code content_block_*}, {@code
 * message_delta}, {@code message_stop}, {@code error}) as canonical events. The non-streaming decoder
 * replays a complete message through this too, so both paths share the block logic.
 *
 * <p>Usage and Finish are held until {@code message_stop} (or the end of the body): {@code
 * message_delta} usage is cumulative, so the last numbers are the ones to report, once.
 */
final class AnthropicEventDecoder {
  private static final String FORMAT = AnthropicMessages.REASONING_FORMAT;

  /**
   * An open content block. A tool call's index counts tool calls, not blocks; -1 for other blocks;
   * {@link #ANSWER} for the structured-output tool, whose input is the answer's text.
   */
  private static final class Block {
    final int toolIndex;
    boolean hasArguments;

    Block(int toolIndex) {
      this.toolIndex = toolIndex;
    }
  }

  private static final int ANSWER = -2;

  /** Whether the request's JSON answer comes as the structured-output tool's input (see the translator). */
  private final boolean structured;

  AnthropicEventDecoder() {
    this(false);
  }

  AnthropicEventDecoder(boolean structured) {
    this.structured = structured;
  }

  private final Map<Integer, Block> blocks = new HashMap<>();
  private int toolCalls;
  private JsonNode startUsage;
  private JsonNode finalUsage;
  private String stopReason;
  private boolean started;
  /** Finished or failed: whatever follows is ignored. */
  private boolean done;

  /** Decodes one event (its JSON data); unknown event and block types are ignored. */
  void event(JsonNode e, Consumer<LlmEvent> out) {
    if (done) return;
    switch (e.path("type").asText()) {
      case "message_start" -> {
        JsonNode message = e.path("message");
        started = true;
        startUsage = message.path("usage");
        out.accept(new LlmEvent.Start(text(message, "id"), text(message, "model")));
      }
      case "content_block_start" -> blockStart(e.path("index").asInt(), e.path("content_block"), out);
      case "content_block_delta" -> blockDelta(blocks.get(e.path("index").asInt()), e.path("delta"), out);
      case "content_block_stop" -> blockStop(blocks.remove(e.path("index").asInt()), out);
      case "message_delta" -> {
        JsonNode reason = e.path("delta").path("stop_reason");
        if (reason.isTextual()) stopReason = reason.asText();
        if (e.has("usage")) finalUsage = e.get("usage");
      }
      case "message_stop" -> finish(out);
      case "error" -> {
        done = true;
        out.accept(AnthropicErrors.failure(e));
      }
      default -> {} // ping, and event types newer than this adapter
    }
  }

  /**
   * The body ended. After a {@code message_delta} the answer is complete even if {@code
   * message_stop} was cut; before it, the stream was truncated, which fails the call.
   */
  void end(Consumer<LlmEvent> out) {
    if (done) return;
    if (stopReason == null) {
      throw new IllegalStateException(started ? "Anthropic stream ended before the message finished" : "Anthropic sent no message");
    }
    finish(out);
  }

  private void blockStart(int index, JsonNode block, Consumer<LlmEvent> out) {
    switch (block.path("type").asText()) {
      case "text" -> {
        String text = block.path("text").asText("");
        if (!text.isEmpty()) out.accept(new LlmEvent.TextDelta(0, text));
        blocks.put(index, new Block(-1));
      }
      case "thinking" -> {
        thinking(block.path("thinking").asText(""), out);
        signature(block.path("signature").asText(""), out);
        blocks.put(index, new Block(-1));
      }
      case "redacted_thinking" -> out.accept(new LlmEvent.ReasoningEncrypted(0, block.path("data").asText(), FORMAT));
      case "tool_use" -> {
        if (structured && AnthropicRequestTranslator.STRUCTURED_OUTPUT_TOOL.equals(text(block, "name"))) {
          Block answer = new Block(ANSWER);
          blocks.put(index, answer);
          JsonNode input = block.path("input");
          if (input.isObject() && !input.isEmpty()) answerText(answer, input.toString(), out);
          return;
        }
        Block b = new Block(toolCalls++);
        blocks.put(index, b);
        out.accept(new LlmEvent.ToolCallStart(0, b.toolIndex, text(block, "id"), text(block, "name")));
        // Streams start with input {} and send the JSON as deltas; a complete message has it here.
        JsonNode input = block.path("input");
        if (input.isObject() && !input.isEmpty()) arguments(b, input.toString(), out);
      }
      default -> {} // server tools, citations, …: not part of the canonical stream yet
    }
  }

  private void blockDelta(Block block, JsonNode delta, Consumer<LlmEvent> out) {
    if (block == null) return;
    switch (delta.path("type").asText()) {
      case "text_delta" -> {
        String text = delta.path("text").asText("");
        if (!text.isEmpty()) out.accept(new LlmEvent.TextDelta(0, text));
      }
      case "thinking_delta" -> thinking(delta.path("thinking").asText(""), out);
      case "signature_delta" -> signature(delta.path("signature").asText(""), out);
      case "input_json_delta" -> {
        if (block.toolIndex == ANSWER) answerText(block, delta.path("partial_json").asText(""), out);
        else arguments(block, delta.path("partial_json").asText(""), out);
      }
      default -> {}
    }
  }

  private void blockStop(Block block, Consumer<LlmEvent> out) {
    if (block != null && block.toolIndex == ANSWER) {
      if (!block.hasArguments) out.accept(new LlmEvent.TextDelta(0, "{}"));
      return;
    }
    if (block == null || block.toolIndex < 0) return;
    // A call without arguments streams only "": canonical arguments are always a JSON object.
    if (!block.hasArguments) out.accept(new LlmEvent.ToolCallDelta(0, block.toolIndex, "{}"));
    out.accept(new LlmEvent.ToolCallEnd(0, block.toolIndex));
  }

  private static void arguments(Block block, String json, Consumer<LlmEvent> out) {
    if (block.toolIndex < 0 || json.isEmpty()) return;
    block.hasArguments = true;
    out.accept(new LlmEvent.ToolCallDelta(0, block.toolIndex, json));
  }

  private static void answerText(Block block, String json, Consumer<LlmEvent> out) {
    if (json.isEmpty()) return;
    block.hasArguments = true;
    out.accept(new LlmEvent.TextDelta(0, json));
  }

  private static void thinking(String text, Consumer<LlmEvent> out) {
    if (!text.isEmpty()) out.accept(new LlmEvent.ReasoningDelta(0, text, null, FORMAT));
  }

  private static void signature(String signature, Consumer<LlmEvent> out) {
    if (!signature.isEmpty()) out.accept(new LlmEvent.ReasoningDelta(0, null, signature, FORMAT));
  }

  private void finish(Consumer<LlmEvent> out) {
    done = true;
    // Blocks still open were cut short; their tool calls still need an end.
    blocks.keySet().stream().sorted().toList().forEach(i -> blockStop(blocks.remove(i), out));
    out.accept(new LlmEvent.Usage(usage()));
    // the forced structured-output call ends with tool_use; for the client the answer just stopped
    String reason = structured && toolCalls == 0 && "tool_use".equals(stopReason) ? "stop" : reason(stopReason);
    out.accept(new LlmEvent.Finish(0, reason, stopReason));
  }

  /** Anthropic counts cache reads and writes apart from input; canonical prompt tokens include them. */
  private TokenUsage usage() {
    long input = count("input_tokens");
    long cacheRead = count("cache_read_input_tokens");
    long cacheWrite = count("cache_creation_input_tokens");
    return new TokenUsage(input + cacheRead + cacheWrite, count("output_tokens"), cacheRead, cacheWrite, 0);
  }

  /** The latest report of a count: message_delta's when it has one, else message_start's. */
  private long count(String field) {
    if (finalUsage != null && finalUsage.path(field).isNumber()) return finalUsage.get(field).asLong();
    return startUsage == null ? 0 : startUsage.path(field).asLong(0);
  }

  static String reason(String stopReason) {
    if (stopReason == null) return "stop";
    return switch (stopReason) {
      case "max_tokens", "model_context_window_exceeded" -> "length";
      case "tool_use" -> "tool_calls";
      case "refusal" -> "content_filter";
      default -> "stop"; // end_turn, stop_sequence, pause_turn
    };
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText() : null;
  }
}
