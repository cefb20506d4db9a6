package dev.openrouter4j.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.gateway.event.LlmEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete (non-streaming) Messages API answer as canonical events: the message is replayed as
 * the stream events it would have been, so both paths decode blocks, usage and stop reasons alike.
 */
final class AnthropicMessageDecoder {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AnthropicMessageDecoder() {}

  static List<LlmEvent> decode(JsonNode message) {
    return decode(message, false);
  }

  /** {@code structured}: the request asked for JSON, which comes as the structured-output tool's input. */
  static List<LlmEvent> decode(JsonNode message, boolean structured) {
    List<LlmEvent> events = new ArrayList<>();
    AnthropicEventDecoder decoder = new AnthropicEventDecoder(structured);
    decoder.event(JSON.objectNode().put("type", "message_start").set("message", message), events::add);
    int index = 0;
    for (JsonNode block : message.path("content")) {
      ObjectNode start = JSON.objectNode().put("type", "content_block_start").put("index", index);
      decoder.event(start.set("content_block", block), events::add);
      decoder.event(JSON.objectNode().put("type", "content_block_stop").put("index", index), events::add);
      index++;
    }
    ObjectNode delta = JSON.objectNode().put("type", "message_delta");
    delta.putObject("delta").set("stop_reason", message.get("stop_reason"));
    decoder.event(delta, events::add);
    decoder.event(JSON.objectNode().put("type", "message_stop"), events::add);
    return events;
  }
}
