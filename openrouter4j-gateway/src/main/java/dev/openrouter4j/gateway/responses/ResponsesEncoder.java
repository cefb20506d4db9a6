package dev.openrouter4j.gateway.responses;

import dev.openrouter4j.api.responses.OutputContent;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.ReasoningPart;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponseError;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.ResponsesUsage;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.gateway.account.Cost;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical events to Responses stream events, one event at a time, and the {@link Response} they
 * add up to: the streaming reply writes the events, the non-streaming reply feeds the same events
 * and writes only {@link #response()}, so the two cannot disagree.
 *
 * <p>The state machine, in order: {@code response.created} and {@code response.in_progress} (the
 * response so far, no output); then output items, each {@code output_item.added} (status
 * in_progress) ... {@code output_item.done}, with a fixed id and output index:
 *
 * <ul>
 *   <li>a message ({@code msg_}): per content part {@code content_part.added}, {@code
 *       output_text.delta}… {@code output_text.done} (or {@code refusal.delta}… {@code
 *       refusal.done}), {@code content_part.done}; text after a refusal (or the reverse) is a new
 *       part;
 *   <li>reasoning ({@code rs_}): visible reasoning as a {@code reasoning_text} content part ({@code
 *       reasoning_text.delta}…, as OpenRouter streams it); a summary as summary parts, each {@code
 *       reasoning_summary_part.added}, {@code reasoning_summary_text.delta}… {@code
 *       reasoning_summary_text.done}, {@code reasoning_summary_part.done} (as OpenAI streams them),
 *       a new part when the canonical summary index changes; one part of either kind is open at a
 *       time. The done item carries them in {@code content[]} and {@code summary[]}; the signature
 *       and encrypted content go on the item ({@code signature}, {@code encrypted_content}, {@code
 *       format}). Reasoning after the item's encrypted content starts a new item: that content
 *       closes what it belongs to;
 *   <li>a function call ({@code fc_}) per tool call: {@code function_call_arguments.delta}… {@code
 *       .done}; parallel calls are items of their own and may be open together.
 * </ul>
 *
 * A message or reasoning item is closed when anything else starts; every open item is closed at the
 * finish (status completed, or incomplete when cut by the token limit or a content filter) or the
 * failure (incomplete). Then exactly one terminal event: {@code response.completed}, {@code
 * response.incomplete} ({@code incomplete_details.reason} max_output_tokens or content_filter) or
 * {@code response.failed} ({@code error{code, message}}). Sequence numbers count from 0 by one.
 * Only choice 0 is encoded: the Responses API has no {@code n}.
 */
public final class ResponsesEncoder {
  private enum Kind { MESSAGE, REASONING, FUNCTION_CALL }

  private final Generation generation;
  private final ResponseEnvelope envelope;
  private final String idSuffix;
  private final List<Item> items = new ArrayList<>();
  private final Map<Integer, Item> calls = new LinkedHashMap<>();
  private Item open;
  private int sequence;
  private boolean started;
  private TokenUsage usage;
  private String finishReason;
  private Response terminal;

  public ResponsesEncoder(Generation generation, ResponsesRequest request) {
    this.generation = generation;
    this.envelope = new ResponseEnvelope(generation, request);
    String id = generation.id();
    this.idSuffix = id.substring(id.lastIndexOf('-') + 1);
  }

  /** One output item as it is being streamed. */
  private static final class Item {
    final Kind kind;
    final int index;
    final String id;
    final List<Part> parts = new ArrayList<>();
    Part part;
    /** Summary parts (type summary_text); {@code summary} is the open one. */
    final List<Part> summaries = new ArrayList<>();
    Part summary;
    /** The canonical summary index of the open summary part. */
    int summaryKey;
    String callId;
    String name;
    final StringBuilder arguments = new StringBuilder();
    final StringBuilder signature = new StringBuilder();
    String encrypted;
    String format;
    OutputItem done;

    Item(Kind kind, int index, String id) {
      this.kind = kind;
      this.index = index;
      this.id = id;
    }
  }

  /** One content part: output_text, refusal or reasoning_text. */
  private static final class Part {
    final String type;
    final int index;
    final StringBuilder text = new StringBuilder();

    Part(String type, int index) {
      this.type = type;
      this.index = index;
    }

    OutputContent content() {
      return switch (type) {
        case "refusal" -> OutputContent.refusal(text.toString());
        case "reasoning_text" -> OutputContent.reasoningText(text.toString());
        default -> OutputContent.outputText(text.toString());
      };
    }
  }

  /** {@code response.created} and {@code response.in_progress}; nothing when already sent. */
  public List<StreamEvent> start() {
    if (started) return List.of();
    started = true;
    Response r = response();
    return List.of(StreamEvent.created(sequence++, r), StreamEvent.inProgress(sequence++, r));
  }

  /** The events for one canonical event (the lifecycle events first if not yet sent). */
  public List<StreamEvent> encode(LlmEvent event) {
    if (event instanceof LlmEvent.Failure f) return fail(f);
    if (terminal != null) return List.of();
    List<StreamEvent> out = new ArrayList<>(start());
    switch (event) {
      case LlmEvent.TextDelta e when e.choice() == 0 -> text(e.text(), "output_text", out);
      case LlmEvent.RefusalDelta e when e.choice() == 0 -> text(e.text(), "refusal", out);
      case LlmEvent.ReasoningDelta e when e.choice() == 0 -> reasoning(e, out);
      case LlmEvent.ReasoningSummaryDelta e when e.choice() == 0 -> summary(e, out);
      case LlmEvent.ReasoningEncrypted e when e.choice() == 0 -> encrypted(e, out);
      case LlmEvent.ToolCallStart e when e.choice() == 0 -> callStart(e.index(), e.id(), e.name(), out);
      case LlmEvent.ToolCallDelta e when e.choice() == 0 -> callDelta(e, out);
      case LlmEvent.ToolCallEnd e when e.choice() == 0 -> {
        Item call = calls.remove(e.index());
        if (call != null) close(call, Response.COMPLETED, out);
      }
      case LlmEvent.Finish e when e.choice() == 0 -> {
        finishReason = e.reason();
        closeAll(itemStatus(), out);
      }
      case LlmEvent.Usage e -> usage = usage == null ? e.usage() : usage.merge(e.usage());
      default -> {} // Start, other choices
    }
    return out;
  }

  /** The upstream finished: open items closed, then {@code response.completed} or {@code response.incomplete}. */
  public List<StreamEvent> finish() {
    if (terminal != null) return List.of();
    List<StreamEvent> out = new ArrayList<>(start());
    closeAll(itemStatus(), out);
    String reason = incompleteReason();
    if (reason == null) {
      terminal = envelope.snapshot(Response.COMPLETED, output(), responsesUsage(finishReason), null, null, null, nowSeconds());
      out.add(StreamEvent.completed(sequence++, terminal));
    } else {
      terminal = envelope.snapshot(Response.INCOMPLETE, output(), responsesUsage(finishReason), null, null, Response.IncompleteDetails.of(reason), null);
      out.add(StreamEvent.incomplete(sequence++, terminal));
    }
    return out;
  }

  /** The answer failed after it started: open items closed as incomplete, then {@code response.failed}. */
  public List<StreamEvent> fail(LlmEvent.Failure failure) {
    if (terminal != null) return List.of();
    List<StreamEvent> out = new ArrayList<>(start());
    closeAll(Response.INCOMPLETE, out);
    ResponseError error = ResponseError.of(errorCode(failure.status()), failure.message());
    terminal = envelope.snapshot(Response.FAILED, output(), responsesUsage("error"), error, failure.errorType(), null, null);
    out.add(StreamEvent.failed(sequence++, terminal));
    return out;
  }

  /** The final response once {@link #finish} or {@link #fail} ran; before that, the response so far. */
  public Response response() {
    if (terminal != null) return terminal;
    return envelope.snapshot(Response.IN_PROGRESS, output(), null, null, null, null, null);
  }

  public boolean terminated() {
    return terminal != null;
  }

  public boolean failed() {
    return terminal != null && Response.FAILED.equals(terminal.status());
  }

  public TokenUsage usage() {
    return usage;
  }

  private void text(String delta, String type, List<StreamEvent> out) {
    if (delta == null || delta.isEmpty()) return;
    Item m = open != null && open.kind == Kind.MESSAGE ? open : openItem(Kind.MESSAGE, out);
    if (m.part == null || !m.part.type.equals(type)) {
      closePart(m, out);
      m.part = new Part(type, m.parts.size());
      m.parts.add(m.part);
      out.add(StreamEvent.contentPartAdded(sequence++, m.id, m.index, m.part.index, new Part(type, 0).content()));
    }
    m.part.text.append(delta);
    out.add(
        "refusal".equals(type)
            ? new StreamEvent.RefusalDelta(sequence++, m.id, m.index, m.part.index, delta, null)
            : StreamEvent.outputTextDelta(sequence++, m.id, m.index, m.part.index, delta));
  }

  private void reasoning(LlmEvent.ReasoningDelta e, List<StreamEvent> out) {
    boolean hasText = e.text() != null && !e.text().isEmpty();
    if (!hasText && e.signature() == null) return;
    Item r = hasText ? reasoningItem(out) : open != null && open.kind == Kind.REASONING ? open : openItem(Kind.REASONING, out);
    if (e.format() != null) r.format = e.format();
    if (e.signature() != null) r.signature.append(e.signature());
    if (!hasText) return;
    closeSummary(r, out);
    if (r.part == null) {
      r.part = new Part("reasoning_text", r.parts.size());
      r.parts.add(r.part);
      out.add(StreamEvent.contentPartAdded(sequence++, r.id, r.index, r.part.index, OutputContent.reasoningText("")));
    }
    r.part.text.append(e.text());
    out.add(StreamEvent.reasoningTextDelta(sequence++, r.id, r.index, r.part.index, e.text()));
  }

  private void summary(LlmEvent.ReasoningSummaryDelta e, List<StreamEvent> out) {
    if (e.text() == null || e.text().isEmpty()) return;
    Item r = reasoningItem(out);
    if (e.format() != null) r.format = e.format();
    closePart(r, out);
    if (r.summary != null && r.summaryKey != e.summaryIndex()) closeSummary(r, out);
    if (r.summary == null) {
      r.summary = new Part(ReasoningPart.SUMMARY_TEXT, r.summaries.size());
      r.summaries.add(r.summary);
      r.summaryKey = e.summaryIndex();
      out.add(new StreamEvent.ReasoningSummaryPartAdded(sequence++, r.id, r.index, r.summary.index, ReasoningPart.summaryText(""), null));
    }
    r.summary.text.append(e.text());
    out.add(StreamEvent.reasoningSummaryTextDelta(sequence++, r.id, r.index, r.summary.index, e.text()));
  }

  /** The reasoning item new reasoning text goes to: the open one, unless its encrypted content already closed what it holds. */
  private Item reasoningItem(List<StreamEvent> out) {
    return open != null && open.kind == Kind.REASONING && open.encrypted == null ? open : openItem(Kind.REASONING, out);
  }

  /** Encrypted reasoning belongs to the open reasoning item, or starts one of its own. */
  private void encrypted(LlmEvent.ReasoningEncrypted e, List<StreamEvent> out) {
    Item r = open != null && open.kind == Kind.REASONING && open.encrypted == null ? open : null;
    if (r == null) {
      closeOpen(out);
      r = newItem(Kind.REASONING);
      r.encrypted = e.data();
      r.format = e.format();
      open = r;
      out.add(StreamEvent.outputItemAdded(sequence++, r.index, snapshot(r, Response.IN_PROGRESS)));
      return;
    }
    r.encrypted = e.data();
    if (e.format() != null) r.format = e.format();
  }

  private Item callStart(int index, String callId, String name, List<StreamEvent> out) {
    closeOpen(out);
    Item c = newItem(Kind.FUNCTION_CALL);
    c.callId = callId != null && !callId.isEmpty() ? callId : "call_" + c.id.substring(3);
    c.name = name == null ? "" : name;
    Item earlier = calls.put(index, c);
    if (earlier != null) close(earlier, Response.COMPLETED, out); // an index reused: the earlier call is over
    out.add(StreamEvent.outputItemAdded(sequence++, c.index, snapshot(c, Response.IN_PROGRESS)));
    return c;
  }

  private void callDelta(LlmEvent.ToolCallDelta e, List<StreamEvent> out) {
    Item c = calls.get(e.index());
    if (c == null) c = callStart(e.index(), null, null, out);
    if (e.arguments() == null || e.arguments().isEmpty()) return;
    c.arguments.append(e.arguments());
    out.add(StreamEvent.functionCallArgumentsDelta(sequence++, c.id, c.index, e.arguments()));
  }

  private Item openItem(Kind kind, List<StreamEvent> out) {
    closeOpen(out);
    Item item = newItem(kind);
    open = item;
    out.add(StreamEvent.outputItemAdded(sequence++, item.index, snapshot(item, Response.IN_PROGRESS)));
    return item;
  }

  private Item newItem(Kind kind) {
    int index = items.size();
    String prefix = switch (kind) {
      case MESSAGE -> "msg_";
      case REASONING -> "rs_";
      case FUNCTION_CALL -> "fc_";
    };
    Item item = new Item(kind, index, prefix + idSuffix + index);
    items.add(item);
    return item;
  }

  private void closeOpen(List<StreamEvent> out) {
    if (open != null) close(open, Response.COMPLETED, out);
  }

  private void closeAll(String status, List<StreamEvent> out) {
    if (open != null) close(open, status, out);
    for (Item call : calls.values()) close(call, status, out);
    calls.clear();
  }

  private void close(Item item, String status, List<StreamEvent> out) {
    if (item == open) open = null;
    if (item.done != null) return;
    switch (item.kind) {
      case MESSAGE -> closePart(item, out);
      case REASONING -> {
        closePart(item, out);
        closeSummary(item, out);
      }
      case FUNCTION_CALL -> {
        if (item.arguments.isEmpty()) {
          // no arguments streamed: send the empty object, so the call's arguments are valid JSON
          item.arguments.append("{}");
          out.add(StreamEvent.functionCallArgumentsDelta(sequence++, item.id, item.index, "{}"));
        }
        out.add(StreamEvent.functionCallArgumentsDone(sequence++, item.id, item.index, item.name, item.arguments.toString()));
      }
    }
    item.done = snapshot(item, status);
    out.add(StreamEvent.outputItemDone(sequence++, item.index, item.done));
  }

  private void closePart(Item item, List<StreamEvent> out) {
    Part p = item.part;
    if (p == null) return;
    item.part = null;
    String text = p.text.toString();
    out.add(
        switch (p.type) {
          case "refusal" -> new StreamEvent.RefusalDone(sequence++, item.id, item.index, p.index, text, null);
          case "reasoning_text" -> new StreamEvent.ReasoningTextDone(sequence++, item.id, item.index, p.index, text, null);
          default -> StreamEvent.outputTextDone(sequence++, item.id, item.index, p.index, text);
        });
    out.add(StreamEvent.contentPartDone(sequence++, item.id, item.index, p.index, p.content()));
  }

  private void closeSummary(Item item, List<StreamEvent> out) {
    Part p = item.summary;
    if (p == null) return;
    item.summary = null;
    String text = p.text.toString();
    out.add(new StreamEvent.ReasoningSummaryTextDone(sequence++, item.id, item.index, p.index, text, null));
    out.add(new StreamEvent.ReasoningSummaryPartDone(sequence++, item.id, item.index, p.index, ReasoningPart.summaryText(text), null));
  }

  /** The item as it stands; {@code output_item.added} carries it empty, {@code output_item.done} whole. */
  private static OutputItem snapshot(Item item, String status) {
    return switch (item.kind) {
      case MESSAGE -> {
        List<OutputContent> content = new ArrayList<>();
        if (!Response.IN_PROGRESS.equals(status)) for (Part p : item.parts) content.add(p.content());
        yield new OutputItem.Message(item.id, "assistant", content, status, null, null);
      }
      case REASONING -> {
        boolean whole = !Response.IN_PROGRESS.equals(status);
        List<ReasoningPart> summary = new ArrayList<>();
        List<ReasoningPart> content = null;
        if (whole) {
          for (Part p : item.summaries) summary.add(ReasoningPart.summaryText(p.text.toString()));
          if (!item.parts.isEmpty()) {
            content = new ArrayList<>();
            for (Part p : item.parts) content.add(ReasoningPart.reasoningText(p.text.toString()));
          }
        }
        String signature = whole && !item.signature.isEmpty() ? item.signature.toString() : null;
        yield new OutputItem.Reasoning(item.id, summary, content, item.encrypted, signature, item.format, status, null);
      }
      case FUNCTION_CALL -> new OutputItem.FunctionCall(
          item.id, item.callId, item.name, Response.IN_PROGRESS.equals(status) ? "" : item.arguments.toString(), status, null);
    };
  }

  private List<OutputItem> output() {
    List<OutputItem> out = new ArrayList<>(items.size());
    for (Item item : items) out.add(item.done != null ? item.done : snapshot(item, Response.IN_PROGRESS));
    return out;
  }

  private String itemStatus() {
    return incompleteReason() == null ? Response.COMPLETED : Response.INCOMPLETE;
  }

  /** {@code incomplete_details.reason} for the finish reason, or null when the answer is complete. */
  private String incompleteReason() {
    if ("length".equals(finishReason)) return "max_output_tokens";
    if ("content_filter".equals(finishReason)) return "content_filter";
    return null;
  }

  private ResponsesUsage responsesUsage(String reason) {
    if (usage == null) return null;
    Cost cost = generation.cost(usage, reason);
    return new ResponsesUsage(
        (int) usage.promptTokens(),
        (int) usage.completionTokens(),
        (int) usage.totalTokens(),
        new ResponsesUsage.InputTokensDetails((int) usage.cachedTokens(), usage.cacheWriteTokens() > 0 ? (int) usage.cacheWriteTokens() : null, null),
        new ResponsesUsage.OutputTokensDetails((int) usage.reasoningTokens(), null),
        cost.total(),
        false,
        cost.promptCost() == null ? null : new ResponsesUsage.CostDetails(cost.promptCost(), cost.completionCost(), null, null),
        null,
        null);
  }

  /** The Responses {@code error.code} for an HTTP-style status. */
  static String errorCode(int status) {
    return switch (status) {
      case 429 -> "rate_limit_exceeded";
      case 400, 413, 422 -> "invalid_prompt";
      default -> "server_error";
    };
  }

  private static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }
}
