package dev.openrouter4j.gateway.responses;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.InputMessage;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.gateway.store.ResponseStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of stored input items, and the conversation a {@code previous_response_id} chain stands
 * for. Pure. Input items are kept as the item list the API's {@code input_items} endpoint returns:
 * a string input is a user message, message content is always a list of parts, and every item has an
 * id (the client's, else {@code <prefix><generation suffix>_in<index>}, unique within the response).
 */
public final class StoredItems {
  private static final TypeReference<List<InputItem>> ITEMS = new TypeReference<>() {};

  private StoredItems() {}

  /** The request's input as the stored item list. */
  public static ArrayNode inputItems(List<InputItem> input, String generationId) {
    String suffix = generationId.substring(generationId.lastIndexOf('-') + 1);
    ArrayNode out = Json.mapper().createArrayNode();
    for (int i = 0; i < input.size(); i++) {
      ObjectNode item = Json.mapper().valueToTree(input.get(i));
      if (!item.has("type")) item.put("type", "message");
      String type = item.path("type").asText();
      if (input.get(i) instanceof InputMessage m && item.path("content").isTextual()) {
        ArrayNode parts = item.putArray("content");
        ObjectNode part = parts.addObject();
        part.put("type", InputMessage.ASSISTANT.equals(m.role()) ? "output_text" : "input_text");
        part.put("text", m.text());
        if (InputMessage.ASSISTANT.equals(m.role())) part.putArray("annotations");
      }
      if (!item.hasNonNull("id")) {
        ObjectNode withId = Json.mapper().createObjectNode();
        withId.put("id", prefix(type) + suffix + "_in" + i);
        withId.setAll(item);
        item = withId;
      }
      out.add(item);
    }
    return out;
  }

  private static String prefix(String type) {
    return switch (type) {
      case "message" -> "msg_";
      case "function_call" -> "fc_";
      case "function_call_output" -> "fco_";
      case "reasoning" -> "rs_";
      default -> "item_";
    };
  }

  /** The conversation of a chain (oldest first): each response's input items, then its output as input. */
  public static List<InputItem> conversation(List<ResponseStore.Row> chain) {
    List<InputItem> items = new ArrayList<>();
    try {
      for (ResponseStore.Row row : chain) {
        items.addAll(Json.mapper().readValue(row.inputItems(), ITEMS));
        Response response = Json.mapper().readValue(row.response(), Response.class);
        items.addAll(response.outputAsInput());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a stored response is not readable", e);
    }
    return items;
  }

  /** One page of a stored item list, in the list shape of {@code GET /responses/{id}/input_items}. */
  public static ObjectNode page(String itemsJson, int limit, boolean ascending, String after) {
    JsonNode items;
    try {
      items = Json.mapper().readTree(itemsJson);
    } catch (IOException e) {
      throw new UncheckedIOException("stored input items are not readable", e);
    }
    List<JsonNode> ordered = new ArrayList<>();
    items.forEach(ordered::add);
    if (!ascending) java.util.Collections.reverse(ordered);
    int start = 0;
    if (after != null) {
      start = -1;
      for (int i = 0; i < ordered.size(); i++) {
        if (after.equals(ordered.get(i).path("id").asText(null))) {
          start = i + 1;
          break;
        }
      }
      if (start < 0) return null;
    }
    int end = Math.min(ordered.size(), start + limit);
    ObjectNode page = Json.mapper().createObjectNode();
    page.put("object", "list");
    ArrayNode data = page.putArray("data");
    for (int i = start; i < end; i++) data.add(ordered.get(i));
    if (data.isEmpty()) {
      page.putNull("first_id");
      page.putNull("last_id");
    } else {
      page.put("first_id", data.get(0).path("id").asText());
      page.put("last_id", data.get(data.size() - 1).path("id").asText());
    }
    page.put("has_more", end < ordered.size());
    return page;
  }
}
