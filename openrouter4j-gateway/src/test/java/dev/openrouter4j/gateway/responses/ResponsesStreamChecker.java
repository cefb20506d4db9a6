package dev.openrouter4j.gateway.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.responses.OutputContent;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.ReasoningPart;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponseAccumulator;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.api.sse.SseParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Responses streaming state machine, checked on a whole stream; the first broken rule fails
 * with the event's position. The rules:
 *
 * <ul>
 *   <li>{@code sequence_number} counts 0, 1, 2, … with no gaps;
 *   <li>{@code response.created} then {@code response.in_progress} come first, and exactly one
 *       terminal event ({@code completed}, {@code incomplete} or {@code failed}) comes last, with
 *       the status it names (failed has an error; incomplete has incomplete_details); the response
 *       id never changes;
 *   <li>items are added at output indexes 0, 1, 2, … with unique ids and status in_progress; every
 *       event of an item names its index and id, comes after its {@code output_item.added} and
 *       before its {@code output_item.done}, and every item is done before the terminal event;
 *   <li>content parts are added at content indexes 0, 1, … of their item; text, refusal and
 *       reasoning deltas go to an open part of their type; each {@code *.done} text equals its
 *       deltas, and its {@code content_part.done} part carries it; an item's done content equals
 *       its parts; function call arguments only on function_call items, {@code .done} equal to the
 *       deltas;
 *   <li>summary parts only on reasoning items, added at summary indexes 0, 1, … with no other part
 *       (summary or content) of the item open; each is {@code reasoning_summary_part.added}, {@code
 *       reasoning_summary_text.delta}…, {@code reasoning_summary_text.done} (equal to the deltas),
 *       {@code reasoning_summary_part.done} (carrying that text); the done item's {@code summary[]}
 *       equals its parts;
 *   <li>the terminal response's output equals the done items, and equals what the SDK's {@link
 *       ResponseAccumulator} assembles from the events.
 * </ul>
 *
 * {@link #checkSse} also checks the wire: {@code event:} names match the data's type, every payload
 * is valid against the Open Responses schemas, and {@code data: [DONE]} ends the stream.
 */
public final class ResponsesStreamChecker {
  private ResponsesStreamChecker() {}

  /** The outcome of a checked stream: the events and the terminal response. */
  public record Checked(List<StreamEvent> events, Response response) {}

  /** Checks a raw SSE body (framing, schemas, then the state machine). */
  public static Checked checkSse(String body) {
    List<StreamEvent> events = events(body, true);
    return new Checked(events, check(events));
  }

  /** The events of a raw SSE body, its framing checked, and each payload against the schemas if {@code schemas}. */
  public static List<StreamEvent> events(String body, boolean schemas) {
    return events(body, schemas, true);
  }

  /** As {@link #events(String, boolean)}; without {@code ended}, the beginning of a stream the reader left: no [DONE] due. */
  public static List<StreamEvent> events(String body, boolean schemas, boolean ended) {
    List<SseEvent> frames = new ArrayList<>();
    SseParser parser = new SseParser(frames::add, 64 << 20, 64 << 20);
    parser.feed(body.getBytes(StandardCharsets.UTF_8));
    require(!ended || !frames.isEmpty(), "no events in: " + body);
    require(!ended || frames.get(frames.size() - 1).isDone(), "the stream does not end with data: [DONE]");
    List<StreamEvent> events = new ArrayList<>();
    for (int i = 0; i < frames.size() - (ended ? 1 : 0); i++) {
      SseEvent f = frames.get(i);
      require(!f.isDone(), "[DONE] before the end, at frame " + i);
      JsonNode json;
      try {
        json = Json.mapper().readTree(f.data());
      } catch (Exception e) {
        throw new AssertionError("frame " + i + " is not JSON: " + f.data(), e);
      }
      require(Objects.equals(f.event(), json.path("type").asText()), "frame " + i + ": event: " + f.event() + " but type " + json.path("type"));
      if (schemas) ResponsesSchemas.assertValidEvent(json);
      events.add(Json.mapper().convertValue(json, StreamEvent.class));
    }
    return events;
  }

  /** Checks the events as one complete stream; returns the terminal response. */
  public static Response check(List<StreamEvent> events) {
    return new State().run(events);
  }

  private static final class Part {
    final String type;
    final StringBuilder deltas = new StringBuilder();
    String doneText;
    boolean done;

    Part(String type) {
      this.type = type;
    }
  }

  private static final class Item {
    final String id;
    final String type;
    final List<Part> parts = new ArrayList<>();
    final List<Part> summaries = new ArrayList<>();
    final StringBuilder arguments = new StringBuilder();
    String argumentsDone;
    OutputItem done;

    Item(String id, String type) {
      this.id = id;
      this.type = type;
    }
  }

  private static final class State {
    final List<Item> items = new ArrayList<>();
    final Set<String> ids = new HashSet<>();
    final Map<String, Integer> indexById = new HashMap<>();
    int position;
    String responseId;
    Response terminal;

    Response run(List<StreamEvent> events) {
      require(events.size() >= 3, "a stream has at least created, in_progress and a terminal event: " + types(events));
      require(events.get(0) instanceof StreamEvent.Created, "the first event is " + events.get(0).type());
      require(events.get(1) instanceof StreamEvent.InProgress, "the second event is " + events.get(1).type());
      for (StreamEvent e : events) {
        require(terminal == null, "an event after the terminal one: " + e.type());
        require(Objects.equals(e.sequenceNumber(), position), "sequence_number " + e.sequenceNumber() + " where " + position + " was due (" + e.type() + ")");
        accept(e);
        position++;
      }
      require(terminal != null, "no terminal event; last was " + events.get(events.size() - 1).type());
      List<OutputItem> done = new ArrayList<>();
      for (Item item : items) done.add(item.done);
      sameJson(done, terminal.output(), "the terminal response's output differs from the done items");
      ResponseAccumulator acc = new ResponseAccumulator().acceptAll(events);
      sameJson(terminal.output(), acc.assembledOutput(), "the terminal response's output differs from the accumulated events");
      sameJson(terminal, acc.response(), "the accumulator's response differs from the terminal one");
      return terminal;
    }

    void accept(StreamEvent e) {
      switch (e) {
        case StreamEvent.Lifecycle l -> lifecycle(l);
        case StreamEvent.OutputItemAdded a -> {
          require(a.outputIndex() == items.size(), "item added at output_index " + a.outputIndex() + " where " + items.size() + " was due");
          String id = id(a.item());
          require(id != null && ids.add(id), "item id missing or reused: " + id);
          String status = status(a.item());
          // reasoning items need no status (OpenAI sends none); messages and function calls start in_progress
          require("in_progress".equals(status) || (status == null && a.item() instanceof OutputItem.Reasoning), "item added with status " + status);
          items.add(new Item(id, a.item().type()));
          indexById.put(id, a.outputIndex());
        }
        case StreamEvent.OutputItemDone d -> {
          Item item = open(d.outputIndex(), id(d.item()), e);
          require(item.type.equals(d.item().type()), "item " + item.id + " added as " + item.type + ", done as " + d.item().type());
          for (Part p : item.parts) require(p.done, "item " + item.id + " done with a part still open");
          for (Part p : item.summaries) require(p.done, "item " + item.id + " done with a summary part still open");
          if (d.item() instanceof OutputItem.Reasoning r) {
            List<String> expected = item.summaries.stream().map(p -> p.doneText).toList();
            List<String> actual = r.summary() == null ? List.of() : r.summary().stream().map(ReasoningPart::text).toList();
            require(expected.equals(actual), "reasoning " + item.id + " done with summary " + actual + " where its parts said " + expected);
          }
          require(!"in_progress".equals(status(d.item())), "item " + item.id + " done with status in_progress");
          if (d.item() instanceof OutputItem.Message m) {
            List<OutputContent> expected = new ArrayList<>();
            for (Part p : item.parts) expected.add(content(p));
            sameJson(expected, m.content(), "message " + item.id + " done with content other than its parts");
          }
          if (d.item() instanceof OutputItem.Reasoning r && !item.parts.isEmpty()) {
            require(r.content() != null && r.content().size() == item.parts.size(), "reasoning " + item.id + " done without its text");
            for (int i = 0; i < item.parts.size(); i++) {
              require(Objects.equals(r.content().get(i).text(), item.parts.get(i).doneText), "reasoning " + item.id + " text differs");
            }
          }
          if (d.item() instanceof OutputItem.FunctionCall f) {
            require(item.argumentsDone != null, "function call " + item.id + " done before function_call_arguments.done");
            require(Objects.equals(f.arguments(), item.argumentsDone), "function call " + item.id + " done with other arguments");
          }
          item.done = d.item();
        }
        case StreamEvent.ContentPartAdded a -> {
          Item item = open(a.outputIndex(), a.itemId(), e);
          require(a.contentIndex() == item.parts.size(), "part added at content_index " + a.contentIndex() + " where " + item.parts.size() + " was due");
          require(item.parts.isEmpty() || item.parts.get(item.parts.size() - 1).done, "a part added while another is open in " + item.id);
          require(item.summaries.isEmpty() || item.summaries.get(item.summaries.size() - 1).done, "a part added while a summary part is open in " + item.id);
          require(text(a.part()).isEmpty(), "a part added with text");
          item.parts.add(new Part(a.part().type()));
        }
        case StreamEvent.ContentPartDone d -> {
          Part p = part(d.outputIndex(), d.itemId(), d.contentIndex(), d.part().type(), e);
          require(p.doneText != null, "content_part.done before the part's text was done");
          require(p.doneText.equals(text(d.part())), "content_part.done carries other text than its deltas");
          p.done = true;
        }
        case StreamEvent.OutputTextDelta d -> part(d.outputIndex(), d.itemId(), d.contentIndex(), "output_text", e).deltas.append(d.delta());
        case StreamEvent.OutputTextDone d -> textDone(part(d.outputIndex(), d.itemId(), d.contentIndex(), "output_text", e), d.text());
        case StreamEvent.RefusalDelta d -> part(d.outputIndex(), d.itemId(), d.contentIndex(), "refusal", e).deltas.append(d.delta());
        case StreamEvent.RefusalDone d -> textDone(part(d.outputIndex(), d.itemId(), d.contentIndex(), "refusal", e), d.refusal());
        case StreamEvent.ReasoningTextDelta d -> part(d.outputIndex(), d.itemId(), d.contentIndex(), "reasoning_text", e).deltas.append(d.delta());
        case StreamEvent.ReasoningTextDone d -> textDone(part(d.outputIndex(), d.itemId(), d.contentIndex(), "reasoning_text", e), d.text());
        case StreamEvent.ReasoningSummaryPartAdded a -> {
          Item item = reasoning(a.outputIndex(), a.itemId(), e);
          require(a.summaryIndex() != null && a.summaryIndex() == item.summaries.size(),
              "summary part added at summary_index " + a.summaryIndex() + " where " + item.summaries.size() + " was due");
          require(item.summaries.isEmpty() || item.summaries.get(item.summaries.size() - 1).done, "a summary part added while another is open in " + item.id);
          require(item.parts.isEmpty() || item.parts.get(item.parts.size() - 1).done, "a summary part added while a content part is open in " + item.id);
          require(a.part() != null && ReasoningPart.SUMMARY_TEXT.equals(a.part().type()) && "".equals(a.part().text()), "a summary part added as " + a.part());
          item.summaries.add(new Part(ReasoningPart.SUMMARY_TEXT));
        }
        case StreamEvent.ReasoningSummaryTextDelta d -> summary(d.outputIndex(), d.itemId(), d.summaryIndex(), e).deltas.append(d.delta());
        case StreamEvent.ReasoningSummaryTextDone d -> textDone(summary(d.outputIndex(), d.itemId(), d.summaryIndex(), e), d.text());
        case StreamEvent.ReasoningSummaryPartDone d -> {
          Part p = summary(d.outputIndex(), d.itemId(), d.summaryIndex(), e);
          require(p.doneText != null, "reasoning_summary_part.done before reasoning_summary_text.done");
          require(d.part() != null && ReasoningPart.SUMMARY_TEXT.equals(d.part().type()) && p.doneText.equals(d.part().text()),
              "reasoning_summary_part.done carries other text than its deltas");
          p.done = true;
        }
        case StreamEvent.FunctionCallArgumentsDelta d -> {
          Item item = call(d.outputIndex(), d.itemId(), e);
          require(item.argumentsDone == null, "arguments after function_call_arguments.done");
          item.arguments.append(d.delta());
        }
        case StreamEvent.FunctionCallArgumentsDone d -> {
          Item item = call(d.outputIndex(), d.itemId(), e);
          require(item.argumentsDone == null, "function_call_arguments.done twice");
          require(d.arguments().equals(item.arguments.toString()), "function_call_arguments.done differs from its deltas");
          item.argumentsDone = d.arguments();
        }
        default -> throw new AssertionError("unexpected event at " + position + ": " + e.type());
      }
    }

    void lifecycle(StreamEvent.Lifecycle l) {
      Response r = l.response();
      require(r != null, l.type() + " without a response");
      if (responseId == null) responseId = r.id();
      require(Objects.equals(responseId, r.id()), "the response id changed from " + responseId + " to " + r.id());
      switch (l) {
        case StreamEvent.Created c -> require(position == 0 && "in_progress".equals(r.status()), "response.created out of place");
        case StreamEvent.InProgress p -> require(position == 1 && "in_progress".equals(r.status()), "response.in_progress out of place");
        case StreamEvent.Completed c -> {
          require("completed".equals(r.status()) && r.error() == null, "response.completed with status " + r.status());
          terminal = finished(r);
        }
        case StreamEvent.Incomplete i -> {
          require("incomplete".equals(r.status()) && r.incompleteDetails() != null, "response.incomplete with status " + r.status());
          terminal = finished(r);
        }
        case StreamEvent.Failed f -> {
          require("failed".equals(r.status()) && r.error() != null && r.error().code() != null && r.error().message() != null,
              "response.failed without status failed and an error");
          terminal = finished(r);
        }
        default -> throw new AssertionError("unexpected lifecycle event " + l.type());
      }
    }

    Response finished(Response r) {
      for (Item item : items) require(item.done != null, "item " + item.id + " not done before the terminal event");
      return r;
    }

    Item open(Integer outputIndex, String itemId, StreamEvent e) {
      require(outputIndex != null && outputIndex >= 0 && outputIndex < items.size(), e.type() + " for an item never added: " + outputIndex);
      Item item = items.get(outputIndex);
      require(item.id.equals(itemId), e.type() + " names item " + itemId + " at output_index " + outputIndex + ", which is " + item.id);
      require(item.done == null, e.type() + " for item " + item.id + " after its output_item.done");
      return item;
    }

    Item call(Integer outputIndex, String itemId, StreamEvent e) {
      Item item = open(outputIndex, itemId, e);
      require("function_call".equals(item.type), e.type() + " on a " + item.type + " item");
      return item;
    }

    Item reasoning(Integer outputIndex, String itemId, StreamEvent e) {
      Item item = open(outputIndex, itemId, e);
      require("reasoning".equals(item.type), e.type() + " on a " + item.type + " item");
      return item;
    }

    Part summary(Integer outputIndex, String itemId, Integer summaryIndex, StreamEvent e) {
      Item item = reasoning(outputIndex, itemId, e);
      require(summaryIndex != null && summaryIndex >= 0 && summaryIndex < item.summaries.size(), e.type() + " for a summary part never added: " + summaryIndex);
      Part p = item.summaries.get(summaryIndex);
      require(!p.done, e.type() + " after reasoning_summary_part.done");
      return p;
    }

    Part part(Integer outputIndex, String itemId, Integer contentIndex, String type, StreamEvent e) {
      Item item = open(outputIndex, itemId, e);
      require(contentIndex != null && contentIndex >= 0 && contentIndex < item.parts.size(), e.type() + " for a part never added: " + contentIndex);
      Part p = item.parts.get(contentIndex);
      require(!p.done, e.type() + " after content_part.done");
      require(p.type.equals(type), e.type() + " on a " + p.type + " part");
      return p;
    }

    void textDone(Part p, String text) {
      require(p.doneText == null, "a part's text done twice");
      require(Objects.equals(text, p.deltas.toString()), "the done text differs from its deltas: " + text + " vs " + p.deltas);
      p.doneText = text;
    }
  }

  private static OutputContent content(Part p) {
    return switch (p.type) {
      case "refusal" -> OutputContent.refusal(p.doneText);
      case "reasoning_text" -> OutputContent.reasoningText(p.doneText);
      default -> OutputContent.outputText(p.doneText);
    };
  }

  private static String text(OutputContent c) {
    return switch (c) {
      case OutputContent.OutputText t -> t.text();
      case OutputContent.Refusal r -> r.refusal();
      case OutputContent.ReasoningText r -> r.text();
      case OutputContent.Unknown u -> String.valueOf(u.fields().get("text"));
    };
  }

  private static String id(OutputItem item) {
    return switch (item) {
      case OutputItem.Message m -> m.id();
      case OutputItem.Reasoning r -> r.id();
      case OutputItem.FunctionCall f -> f.id();
      default -> null;
    };
  }

  private static String status(OutputItem item) {
    return switch (item) {
      case OutputItem.Message m -> m.status();
      case OutputItem.Reasoning r -> r.status();
      case OutputItem.FunctionCall f -> f.status();
      default -> null;
    };
  }

  private static List<String> types(List<StreamEvent> events) {
    return events.stream().map(StreamEvent::type).toList();
  }

  private static void sameJson(Object expected, Object actual, String message) {
    JsonNode a = Json.mapper().valueToTree(expected);
    JsonNode b = Json.mapper().valueToTree(actual);
    if (!a.equals(b)) throw new AssertionError(message + "\nexpected: " + a + "\nactual:   " + b);
  }

  private static void require(boolean condition, String message) {
    if (!condition) throw new AssertionError(message);
  }
}
