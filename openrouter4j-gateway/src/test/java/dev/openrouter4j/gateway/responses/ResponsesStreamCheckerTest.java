package dev.openrouter4j.gateway.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.gateway.event.LlmEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The checker and the schema validator themselves: they pass a good stream and catch broken ones. */
class ResponsesStreamCheckerTest {
  static List<StreamEvent> good() {
    ResponsesEncoder e = new ResponsesEncoder(ResponsesEncoderTest.GENERATION, ResponsesEncoderTest.HELLO);
    List<StreamEvent> out = new ArrayList<>(e.start());
    out.addAll(e.encode(new LlmEvent.TextDelta(0, "a")));
    out.addAll(e.encode(new LlmEvent.TextDelta(0, "b")));
    out.addAll(e.encode(new LlmEvent.ToolCallStart(0, 0, "c", "f")));
    out.addAll(e.encode(new LlmEvent.ToolCallDelta(0, 0, "{}")));
    out.addAll(e.finish());
    return out;
  }

  /** {@code events} with event {@code i} replaced (as JSON) and sequence numbers kept. */
  static List<StreamEvent> with(List<StreamEvent> events, int i, UnaryOperator<ObjectNode> change) {
    List<StreamEvent> out = new ArrayList<>(events);
    ObjectNode json = Json.mapper().valueToTree(events.get(i));
    out.set(i, Json.mapper().convertValue(change.apply(json), StreamEvent.class));
    return out;
  }

  @Test
  void theEncodersStreamPasses() {
    assertEquals("completed", ResponsesStreamChecker.check(good()).status());
  }

  @Test
  void brokenStreamsAreCaught() {
    List<StreamEvent> good = good();
    int delta = good.stream().map(StreamEvent::type).toList().indexOf("response.output_text.delta");
    int argsDone = good.stream().map(StreamEvent::type).toList().indexOf("response.function_call_arguments.done");
    int last = good.size() - 1;
    List<List<StreamEvent>> broken = List.of(
        with(good, 3, j -> j.put("sequence_number", 7)),
        with(good, delta, j -> j.put("item_id", "msg_other")),
        with(good, delta, j -> j.put("content_index", 1)),
        with(good, argsDone, j -> j.put("arguments", "{\"x\":1}")),
        good.subList(0, last),
        swap(good, 0, 1),
        with(good, last, j -> {
          ((ObjectNode) j.get("response")).put("status", "failed");
          return j;
        }));
    for (List<StreamEvent> events : broken) {
      assertThrows(AssertionError.class, () -> ResponsesStreamChecker.check(events), events.toString());
    }
  }

  static List<StreamEvent> summaries() {
    ResponsesEncoder e = new ResponsesEncoder(ResponsesEncoderTest.GENERATION, ResponsesEncoderTest.HELLO);
    List<StreamEvent> out = new ArrayList<>(e.start());
    for (LlmEvent event : ResponsesEncoderTest.SUMMARIES) out.addAll(e.encode(event));
    out.addAll(e.finish());
    return out;
  }

  @Test
  void summaryPartsOutOfOrderAreCaught() {
    List<StreamEvent> good = summaries();
    assertEquals("completed", ResponsesStreamChecker.check(good).status());
    List<String> types = good.stream().map(StreamEvent::type).toList();
    int added = types.indexOf("response.reasoning_summary_part.added");
    int delta = types.indexOf("response.reasoning_summary_text.delta");
    int textDone = types.indexOf("response.reasoning_summary_text.done");
    int partDone = types.indexOf("response.reasoning_summary_part.done");
    int secondAdded = types.lastIndexOf("response.reasoning_summary_part.added");
    int itemDone = types.indexOf("response.output_item.done");
    int last = good.size() - 1;
    List<List<StreamEvent>> broken = List.of(
        renumber(swap(good, added, delta)), // a delta before its part was added
        renumber(swap(good, textDone, partDone)), // part done before its text
        renumber(swap(good, partDone, secondAdded)), // a part added while another is open
        with(good, added, j -> j.put("summary_index", 1)),
        with(good, delta, j -> j.put("summary_index", 1)),
        with(good, delta, j -> j.put("item_id", "rs_other")),
        with(good, textDone, j -> j.put("text", "other")),
        with(good, partDone, j -> {
          ((ObjectNode) j.get("part")).put("text", "other");
          return j;
        }),
        with(good, itemDone, j -> {
          ((ObjectNode) j.get("item")).putArray("summary");
          return j;
        }),
        without(good, partDone), // the item done with a part still open
        with(good, last, j -> {
          ((ObjectNode) j.path("response").path("output").get(0)).putArray("summary");
          return j;
        }));
    for (List<StreamEvent> events : broken) {
      assertThrows(AssertionError.class, () -> ResponsesStreamChecker.check(events), events.toString());
    }
  }

  /** {@code events} with sequence numbers counted again, so only the order is wrong. */
  static List<StreamEvent> renumber(List<StreamEvent> events) {
    List<StreamEvent> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      ObjectNode json = Json.mapper().valueToTree(events.get(i));
      json.put("sequence_number", i);
      out.add(Json.mapper().convertValue(json, StreamEvent.class));
    }
    return out;
  }

  static List<StreamEvent> without(List<StreamEvent> events, int i) {
    List<StreamEvent> out = new ArrayList<>(events);
    out.remove(i);
    return renumber(out);
  }

  static List<StreamEvent> swap(List<StreamEvent> events, int a, int b) {
    List<StreamEvent> out = new ArrayList<>(events);
    out.set(a, events.get(b));
    out.set(b, events.get(a));
    return out;
  }

  @Test
  void theSchemasResolveTheirReferencesAndCatchViolations() {
    Response done = ResponsesStreamChecker.check(good());
    ObjectNode body = ResponseJson.response(done);
    assertTrue(ResponsesSchemas.violations("ResponseResource", body).isEmpty());
    ObjectNode noModel = body.deepCopy();
    noModel.remove("model");
    assertFalse(ResponsesSchemas.violations("ResponseResource", noModel).isEmpty());
    ObjectNode badStatus = body.deepCopy();
    ((ObjectNode) badStatus.path("output").get(0)).put("status", "bogus");
    assertFalse(ResponsesSchemas.violations("ResponseResource", badStatus).isEmpty(), "output[0] -> ItemField -> Message -> MessageStatus");
    ObjectNode nullTemperature = body.deepCopy();
    nullTemperature.putNull("temperature");
    assertFalse(ResponsesSchemas.violations("ResponseResource", nullTemperature).isEmpty());
    JsonNode delta = ResponseJson.event(StreamEvent.outputTextDelta(4, "msg_1", 0, 0, "x"));
    ObjectNode noDelta = delta.deepCopy();
    noDelta.remove("delta");
    assertTrue(ResponsesSchemas.violations("ResponseOutputTextDeltaStreamingEvent", delta).isEmpty());
    assertFalse(ResponsesSchemas.violations("ResponseOutputTextDeltaStreamingEvent", noDelta).isEmpty());
  }
}
