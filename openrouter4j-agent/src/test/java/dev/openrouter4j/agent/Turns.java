package dev.openrouter4j.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.agent.MockServer.Reply;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Scripted model turns: a Response, as one JSON body or as the Responses SSE stream OpenRouter sends. */
final class Turns {
  private static final AtomicInteger IDS = new AtomicInteger();

  private Turns() {}

  static OutputItem call(String callId, String name, String arguments) {
    return OutputItem.functionCall("fc_" + callId, callId, name, arguments, Response.COMPLETED);
  }

  static OutputItem message(String text) {
    return OutputItem.message("msg_" + IDS.incrementAndGet(), Response.COMPLETED, text);
  }

  static ResponsesUsage usage(int input, int output, Double cost) {
    ResponsesUsage u = ResponsesUsage.of(input, output);
    return new ResponsesUsage(
        u.inputTokens(), u.outputTokens(), u.totalTokens(), u.inputTokensDetails(), u.outputTokensDetails(), cost, null, null, null, null);
  }

  static Response response(ResponsesUsage usage, OutputItem... output) {
    return Response.builder()
        .id("resp_" + IDS.incrementAndGet())
        .createdAt(1_700_000_000L)
        .model("openai/gpt-4o-mini")
        .status(Response.COMPLETED)
        .output(output)
        .usage(usage)
        .build();
  }

  static Response response(OutputItem... output) {
    return response(usage(10, 5, 0.001), output);
  }

  static Reply json(Response response) {
    return Reply.json(200, write(response));
  }

  /** created, each item's added / deltas / done, then completed (or incomplete) with the whole response. */
  static Reply sse(Response response) {
    List<String> events = new ArrayList<>();
    int seq = 0;
    Response started = response.toBuilder().status(Response.IN_PROGRESS).output(List.of()).usage(null).build();
    events.add(event("response.created", seq++, Map.of("response", started)));
    List<OutputItem> output = response.output();
    for (int i = 0; i < output.size(); i++) {
      OutputItem item = output.get(i);
      if (item instanceof OutputItem.Message m) {
        events.add(event("response.output_item.added", seq++, Map.of("output_index", i,
            "item", new OutputItem.Message(m.id(), "assistant", List.of(), Response.IN_PROGRESS, null, null))));
        for (String piece : m.text().split("(?<= )")) {
          events.add(event("response.output_text.delta", seq++, Map.of("output_index", i, "item_id", m.id(), "content_index", 0, "delta", piece)));
        }
      } else if (item instanceof OutputItem.FunctionCall f) {
        events.add(event("response.output_item.added", seq++, Map.of("output_index", i,
            "item", new OutputItem.FunctionCall(f.id(), f.callId(), f.name(), "", Response.IN_PROGRESS, null))));
        events.add(event("response.function_call_arguments.delta", seq++, Map.of("output_index", i, "item_id", f.id(), "delta", f.arguments())));
        events.add(event("response.function_call_arguments.done", seq++, Map.of("output_index", i, "item_id", f.id(), "arguments", f.arguments())));
      }
      events.add(event("response.output_item.done", seq++, Map.of("output_index", i, "item", item)));
    }
    String terminal = Response.INCOMPLETE.equals(response.status()) ? "response.incomplete" : "response.completed";
    events.add(event(terminal, seq, Map.of("response", response)));
    events.add("data: [DONE]\n\n");
    return Reply.sse(events);
  }

  private static String event(String type, int seq, Map<String, Object> fields) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", type);
    e.put("sequence_number", seq);
    e.putAll(fields);
    return "event: " + type + "\ndata: " + write(e) + "\n\n";
  }

  static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
