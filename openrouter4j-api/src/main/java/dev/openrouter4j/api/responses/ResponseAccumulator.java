package dev.openrouter4j.api.responses;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Folds a Responses stream into the final {@link Response}. Pure logic, not thread-safe: feed
 * events in order with {@link #accept}, then call {@link #response()}.
 *
 * <p>The response carried by the terminal event (completed, incomplete, failed) wins, because it is
 * what the server considers final: OpenRouter, for one, streams function calls with empty
 * arguments and fills them in only there. Output items are nonetheless assembled from the
 * added/delta/done events all along, so a stream cut before its terminal event still yields the
 * partial output: the text, function-call arguments and reasoning received so far.
 */
public final class ResponseAccumulator implements Consumer<StreamEvent> {
  private Response snapshot;
  private Response terminal;
  private StreamEvent.Error error;
  private final TreeMap<Integer, ItemState> items = new TreeMap<>();
  private final Map<String, Integer> indexById = new HashMap<>();

  /** Feeds one event. Events of types it has no use for (tool progress, debug, unknown) are skipped. */
  @Override
  public void accept(StreamEvent event) {
    if (event instanceof StreamEvent.Lifecycle l) {
      if (l.response() != null) {
        snapshot = l.response();
        if (l.terminal()) terminal = l.response();
      }
    } else if (event instanceof StreamEvent.Error e) {
      error = e;
    } else if (event instanceof StreamEvent.OutputItemAdded e) {
      if (e.item() != null) item(e.outputIndex(), idOf(e.item())).added = e.item();
    } else if (event instanceof StreamEvent.OutputItemDone e) {
      if (e.item() != null) item(e.outputIndex(), idOf(e.item())).done = e.item();
    } else if (event instanceof StreamEvent.ContentPartAdded e) {
      part(e.outputIndex(), e.itemId(), e.contentIndex()).base = e.part();
    } else if (event instanceof StreamEvent.ContentPartDone e) {
      part(e.outputIndex(), e.itemId(), e.contentIndex()).done = e.part();
    } else if (event instanceof StreamEvent.OutputTextDelta e) {
      part(e.outputIndex(), e.itemId(), e.contentIndex()).append("output_text", e.delta());
    } else if (event instanceof StreamEvent.OutputTextDone e) {
      part(e.outputIndex(), e.itemId(), e.contentIndex()).finish("output_text", e.text());
    } else if (event instanceof StreamEvent.OutputTextAnnotationAdded e) {
      if (e.annotation() != null) part(e.outputIndex(), e.itemId(), e.contentIndex()).annotations.add(e.annotation());
    } else if (event instanceof StreamEvent.RefusalDelta e) {
      part(e.outputIndex(), e.itemId(), e.contentIndex()).append("refusal", e.delta());
    } else if (event instanceof StreamEvent.RefusalDone e) {
      part(e.outputIndex(), e.itemId(), e.contentIndex()).finish("refusal", e.refusal());
    } else if (event instanceof StreamEvent.ReasoningTextDelta e) {
      part(e.outputIndex(), e.itemId(), e.contentIndex()).append("reasoning_text", e.delta());
    } else if (event instanceof StreamEvent.ReasoningTextDone e) {
      part(e.outputIndex(), e.itemId(), e.contentIndex()).finish("reasoning_text", e.text());
    } else if (event instanceof StreamEvent.ReasoningSummaryPartAdded e) {
      summary(e.outputIndex(), e.itemId(), e.summaryIndex());
    } else if (event instanceof StreamEvent.ReasoningSummaryPartDone e) {
      if (e.part() != null) summary(e.outputIndex(), e.itemId(), e.summaryIndex()).finish(null, e.part().text());
    } else if (event instanceof StreamEvent.ReasoningSummaryTextDelta e) {
      summary(e.outputIndex(), e.itemId(), e.summaryIndex()).append(null, e.delta());
    } else if (event instanceof StreamEvent.ReasoningSummaryTextDone e) {
      summary(e.outputIndex(), e.itemId(), e.summaryIndex()).finish(null, e.text());
    } else if (event instanceof StreamEvent.FunctionCallArgumentsDelta e) {
      ItemState s = item(e.outputIndex(), e.itemId());
      if (e.delta() != null) s.arguments.append(e.delta());
    } else if (event instanceof StreamEvent.FunctionCallArgumentsDone e) {
      ItemState s = item(e.outputIndex(), e.itemId());
      if (e.name() != null) s.name = e.name();
      if (e.arguments() != null && !e.arguments().isEmpty()) s.argumentsDone = e.arguments();
    }
  }

  /** Feeds every event of {@code events}, in order. */
  public ResponseAccumulator acceptAll(Iterable<? extends StreamEvent> events) {
    for (StreamEvent event : events) accept(event);
    return this;
  }

  /** Whether a terminal event (completed, incomplete, failed) has arrived. */
  public boolean terminated() {
    return terminal != null;
  }

  /** The {@code error} event, if the stream carried one. */
  public StreamEvent.Error error() {
    return error;
  }

  /** The output items as assembled from the item and delta events alone, in output order. */
  public List<OutputItem> assembledOutput() {
    List<OutputItem> out = new ArrayList<>(items.size());
    for (ItemState s : items.values()) {
      OutputItem item = s.build();
      if (item != null) out.add(item);
    }
    return out;
  }

  /**
   * The response: the terminal event's if one arrived (with the assembled output if it carried
   * none), else the last lifecycle snapshot with the output assembled so far. A stream that ended in
   * an {@code error} event without a terminal one reads as status failed with that error.
   */
  public Response response() {
    List<OutputItem> assembled = assembledOutput();
    if (terminal != null) {
      boolean noOutput = terminal.output() == null || terminal.output().isEmpty();
      return noOutput && !assembled.isEmpty() ? terminal.toBuilder().output(assembled).build() : terminal;
    }
    Response.Builder b =
        snapshot != null ? snapshot.toBuilder() : Response.builder().status(Response.IN_PROGRESS);
    b.output(assembled).outputText(null);
    if (error != null) {
      b.status(Response.FAILED).error(ResponseError.of(error.errorCode(), error.errorMessage()));
    }
    return b.build();
  }

  private static String idOf(OutputItem item) {
    if (item instanceof OutputItem.Message m) return m.id();
    if (item instanceof OutputItem.Reasoning r) return r.id();
    if (item instanceof OutputItem.FunctionCall f) return f.id();
    if (item instanceof OutputItem.WebSearchCall w) return w.id();
    if (item instanceof OutputItem.FileSearchCall f) return f.id();
    if (item instanceof OutputItem.ImageGenerationCall i) return i.id();
    if (item instanceof OutputItem.CodeInterpreterCall c) return c.id();
    if (item instanceof OutputItem.CustomToolCall c) return c.id();
    if (item instanceof OutputItem.Unknown u && u.fields() != null && u.fields().get("id") instanceof String id) {
      return id;
    }
    return null;
  }

  /** The item at {@code outputIndex}; by id when the index is missing, else the next free index. */
  private ItemState item(Integer outputIndex, String itemId) {
    Integer index = outputIndex;
    if (index == null && itemId != null) index = indexById.get(itemId);
    if (index == null) index = items.isEmpty() ? 0 : items.lastKey() + 1;
    ItemState s = items.computeIfAbsent(index, i -> new ItemState());
    if (itemId != null) {
      if (s.itemId == null) s.itemId = itemId;
      indexById.putIfAbsent(itemId, index);
    }
    return s;
  }

  private TextState part(Integer outputIndex, String itemId, Integer contentIndex) {
    return item(outputIndex, itemId).parts.computeIfAbsent(contentIndex == null ? 0 : contentIndex, i -> new TextState());
  }

  private TextState summary(Integer outputIndex, String itemId, Integer summaryIndex) {
    return item(outputIndex, itemId).summaries.computeIfAbsent(summaryIndex == null ? 0 : summaryIndex, i -> new TextState());
  }

  /** Text received for one content part or summary part. */
  private static final class TextState {
    OutputContent base;
    OutputContent done;
    String type;
    final StringBuilder deltas = new StringBuilder();
    String finalText;
    final List<Annotation> annotations = new ArrayList<>();

    void append(String partType, String delta) {
      if (partType != null) type = partType;
      if (delta != null) deltas.append(delta);
    }

    void finish(String partType, String text) {
      if (partType != null) type = partType;
      if (text != null) finalText = text;
    }

    String text() {
      return finalText != null ? finalText : deltas.toString();
    }

    String type() {
      if (done != null) return done.type();
      if (base != null) return base.type();
      return type;
    }

    OutputContent build() {
      if (done != null) return done;
      String t = type();
      if ("refusal".equals(t)) {
        return new OutputContent.Refusal(text(), base instanceof OutputContent.Refusal r ? r.extra() : null);
      }
      if ("reasoning_text".equals(t)) {
        return new OutputContent.ReasoningText(text(), base instanceof OutputContent.ReasoningText r ? r.extra() : null);
      }
      if ("output_text".equals(t)) {
        OutputContent.OutputText b = base instanceof OutputContent.OutputText o ? o : null;
        List<Annotation> all = new ArrayList<>();
        if (b != null && b.annotations() != null) all.addAll(b.annotations());
        all.addAll(annotations);
        return new OutputContent.OutputText(
            text(), List.copyOf(all), b == null ? null : b.logprobs(), b == null ? null : b.extra());
      }
      return base;
    }
  }

  /** Everything received for one output item. */
  private static final class ItemState {
    String itemId;
    OutputItem added;
    OutputItem done;
    final TreeMap<Integer, TextState> parts = new TreeMap<>();
    final TreeMap<Integer, TextState> summaries = new TreeMap<>();
    final StringBuilder arguments = new StringBuilder();
    String argumentsDone;
    String name;

    String arguments(String fallback) {
      if (argumentsDone != null) return argumentsDone;
      if (arguments.length() > 0) return arguments.toString();
      return fallback;
    }

    OutputItem build() {
      if (done != null) {
        // A done item is final, but keep streamed arguments if it came with none (OpenRouter sends "").
        if (done instanceof OutputItem.FunctionCall f && (f.arguments() == null || f.arguments().isEmpty())) {
          String args = arguments(f.arguments());
          return new OutputItem.FunctionCall(f.id(), f.callId(), f.name(), args, f.status(), f.extra());
        }
        return done;
      }
      OutputItem base = added != null ? added : synthesize();
      if (base instanceof OutputItem.Message m) {
        List<OutputContent> content = parts.isEmpty() ? m.content() : contentParts();
        return new OutputItem.Message(m.id(), m.role(), content, m.status(), m.phase(), m.extra());
      }
      if (base instanceof OutputItem.FunctionCall f) {
        String fname = f.name() != null ? f.name() : name;
        return new OutputItem.FunctionCall(f.id(), f.callId(), fname, arguments(f.arguments()), f.status(), f.extra());
      }
      if (base instanceof OutputItem.Reasoning r) {
        List<ReasoningPart> summary = summaries.isEmpty() ? r.summary() : summaryParts();
        List<ReasoningPart> content = parts.isEmpty() ? r.content() : reasoningParts();
        return new OutputItem.Reasoning(
            r.id(), summary, content, r.encryptedContent(), r.signature(), r.format(), r.status(), r.extra());
      }
      return base;
    }

    /** An item whose added event never came: shaped after the events that did. */
    private OutputItem synthesize() {
      if (arguments.length() > 0 || argumentsDone != null || name != null) {
        return new OutputItem.FunctionCall(itemId, null, name, "", Response.IN_PROGRESS, null);
      }
      boolean reasoning = !summaries.isEmpty();
      for (TextState p : parts.values()) reasoning |= "reasoning_text".equals(p.type());
      if (reasoning) {
        return new OutputItem.Reasoning(itemId, List.of(), null, null, null, null, Response.IN_PROGRESS, null);
      }
      if (!parts.isEmpty()) {
        return new OutputItem.Message(itemId, "assistant", List.of(), Response.IN_PROGRESS, null, null);
      }
      return null;
    }

    private List<OutputContent> contentParts() {
      List<OutputContent> out = new ArrayList<>();
      for (TextState p : parts.values()) {
        OutputContent c = p.build();
        if (c != null) out.add(c);
      }
      return out;
    }

    private List<ReasoningPart> reasoningParts() {
      List<ReasoningPart> out = new ArrayList<>();
      for (TextState p : parts.values()) {
        OutputContent c = p.build();
        if (c instanceof OutputContent.ReasoningText t) out.add(ReasoningPart.reasoningText(t.text()));
      }
      return out;
    }

    private List<ReasoningPart> summaryParts() {
      List<ReasoningPart> out = new ArrayList<>();
      for (TextState p : summaries.values()) out.add(ReasoningPart.summaryText(p.text()));
      return out;
    }
  }
}
