package dev.openrouter4j.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ReasoningDetail;
import dev.openrouter4j.api.chat.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Chat messages as the Messages API's {@code system} and alternating {@code messages}. System and
 * developer messages, wherever they stand, become the top-level system prompt; tool results become
 * {@code tool_result} blocks of a user turn; consecutive turns of one role are merged, since
 * Anthropic requires user and assistant to alternate.
 */
final class AnthropicMessages {
  static final String REASONING_FORMAT = "anthropic-claude-v1";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ArrayNode system = JSON.arrayNode();
  private final List<Turn> turns = new ArrayList<>();

  private record Turn(String role, ArrayNode blocks) {}

  private AnthropicMessages() {}

  /** Adds {@code system} (when there is one) and {@code messages} to {@code body}. */
  static void write(List<ChatMessage> messages, ObjectNode body) {
    AnthropicMessages m = new AnthropicMessages();
    for (ChatMessage message : messages == null ? List.<ChatMessage>of() : messages) m.add(message);
    if (!m.system.isEmpty()) body.set("system", compact(m.system));
    ArrayNode out = body.putArray("messages");
    for (Turn t : m.turns) out.addObject().put("role", t.role()).set("content", compact(t.blocks()));
  }

  private void add(ChatMessage message) {
    switch (message) {
      case ChatMessage.SystemMessage s -> system.addAll(AnthropicContent.blocks(s.content()));
      case ChatMessage.DeveloperMessage d -> system.addAll(AnthropicContent.blocks(d.content()));
      case ChatMessage.UserMessage u -> append("user", AnthropicContent.blocks(u.content()));
      case ChatMessage.AssistantMessage a -> append("assistant", assistant(a));
      case ChatMessage.ToolMessage t -> append("user", JSON.arrayNode().add(toolResult(t)));
      case ChatMessage.Unknown u -> throw AnthropicErrors.unsupported("messages with role " + u.role());
    }
  }

  private void append(String role, ArrayNode blocks) {
    // An empty turn would be rejected; dropping it also lets its neighbours merge.
    if (blocks.isEmpty()) return;
    Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
    if (last != null && last.role().equals(role)) {
      last.blocks().addAll(blocks);
    } else {
      turns.add(new Turn(role, blocks));
    }
  }

  /** Thinking first (Anthropic checks it precedes a tool use it led to), then text, then tool uses. */
  private static ArrayNode assistant(ChatMessage.AssistantMessage a) {
    ArrayNode out = JSON.arrayNode();
    if (a.reasoningDetails() != null) {
      for (ReasoningDetail d : a.reasoningDetails()) addThinking(out, d);
    }
    out.addAll(AnthropicContent.blocks(a.content()));
    if (a.toolCalls() != null) {
      for (ToolCall call : a.toolCalls()) {
        ObjectNode block = out.addObject().put("type", "tool_use").put("id", call.id());
        block.put("name", call.function() == null ? null : call.function().name());
        block.set("input", toolInput(call.function() == null ? null : call.function().arguments()));
      }
    }
    return out;
  }

  /**
   * Only Anthropic's own signed thinking can go back (the signature is verified upstream): details
   * in another provider's format, or text without a signature, are left out rather than rejected.
   */
  private static void addThinking(ArrayNode out, ReasoningDetail detail) {
    if (detail.format() != null && !detail.format().equals(REASONING_FORMAT)) return;
    if (detail instanceof ReasoningDetail.Text t && t.signature() != null && !t.signature().isEmpty()) {
      out.addObject().put("type", "thinking").put("thinking", t.text() == null ? "" : t.text()).put("signature", t.signature());
    } else if (detail instanceof ReasoningDetail.Encrypted e && e.data() != null) {
      out.addObject().put("type", "redacted_thinking").put("data", e.data());
    }
  }

  /**
   * The arguments a model wrote, as the object Anthropic requires. Blank or unparseable arguments
   * (models do write broken JSON) become {@code {}}: the call is history, its result follows, and
   * refusing would leave the conversation unusable on Anthropic while other providers accept it.
   */
  static JsonNode toolInput(String arguments) {
    if (arguments == null || arguments.isBlank()) return JSON.objectNode();
    try {
      JsonNode parsed = Json.mapper().readTree(arguments);
      return parsed != null && parsed.isObject() ? parsed : JSON.objectNode();
    } catch (Exception notJson) {
      return JSON.objectNode();
    }
  }

  private static ObjectNode toolResult(ChatMessage.ToolMessage t) {
    ObjectNode block = JSON.objectNode().put("type", "tool_result").put("tool_use_id", t.toolCallId());
    ArrayNode content = AnthropicContent.blocks(t.content());
    if (!content.isEmpty()) block.set("content", compact(content));
    return block;
  }

  /** A lone plain text block is written as a string, the form clients and Anthropic's docs use. */
  private static JsonNode compact(ArrayNode blocks) {
    if (blocks.size() == 1) {
      JsonNode only = blocks.get(0);
      if (only.path("type").asText().equals("text") && !only.has("cache_control")) return only.get("text");
    }
    return blocks;
  }
}
