package dev.openrouter4j.gateway.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesUsage;
import dev.openrouter4j.api.responses.StreamEvent;
import java.util.List;

/**
 * A {@link Response} (and the stream events that carry one) as the gateway writes it: the wire
 * model's JSON, plus every key the Open Responses schema requires that the wire model leaves out
 * when it is null. The wire model follows OpenRouter's schema, where these keys are optional; the
 * Open Responses schema requires them, null or not, and strict clients check. Written here rather
 * than in the wire model, so the SDK's own round trips stay byte for byte.
 */
public final class ResponseJson {
  /** Top-level keys required by {@code ResponseResource} that may be null. */
  static final List<String> REQUIRED_NULLABLE =
      List.of(
          "completed_at", "incomplete_details", "previous_response_id", "instructions", "error", "reasoning",
          "max_output_tokens", "max_tool_calls", "metadata", "safety_identifier", "prompt_cache_key");

  private ResponseJson() {}

  public static ObjectNode response(Response response) {
    ObjectNode node = Json.mapper().valueToTree(response);
    for (String key : REQUIRED_NULLABLE) {
      if (!node.has(key)) node.putNull(key);
    }
    // Open Responses requires usage (Usage or null); OpenRouter's OpenResponsesResult extends
    // BaseResponsesResult, whose usage is a non-null OpenAIResponsesUsage. Only an object satisfies
    // both, so a response without counts yet (in progress, failed before any) says zero tokens.
    if (!node.hasNonNull("usage")) node.set("usage", Json.mapper().valueToTree(ResponsesUsage.of(0, 0)));
    JsonNode reasoning = node.get("reasoning");
    if (reasoning instanceof ObjectNode r) {
      if (!r.has("effort")) r.putNull("effort");
      if (!r.has("summary")) r.putNull("summary");
    }
    for (JsonNode tool : node.path("tools")) {
      if (tool instanceof ObjectNode t && "function".equals(t.path("type").asText())) {
        if (!t.has("description")) t.putNull("description");
        if (!t.has("strict")) t.putNull("strict");
      }
    }
    if (node.path("text").path("format") instanceof ObjectNode f && "json_schema".equals(f.path("type").asText())) {
      // Open Responses requires the key (string or null), OpenRouter's schema types it a string
      // and @openrouter/sdk rejects null (the whole format parses as UNKNOWN): "" satisfies both
      if (!f.hasNonNull("description")) f.put("description", "");
      if (!f.has("strict")) f.put("strict", false);
    }
    return node;
  }

  /** A stream event; a lifecycle event's {@code response} written as {@link #response}. */
  public static ObjectNode event(StreamEvent event) {
    ObjectNode node = Json.mapper().valueToTree(event);
    if (event instanceof StreamEvent.Lifecycle l && l.response() != null) node.set("response", response(l.response()));
    return node;
  }
}
