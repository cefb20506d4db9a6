package dev.openrouter4j.gateway.provider.openai;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.responses.OutputContent;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponseError;
import dev.openrouter4j.api.responses.ResponsesUsage;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.provider.SseUpstreamCall;
import dev.openrouter4j.gateway.provider.UpstreamException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The Responses API's stream (OpenAI's, OpenRouter's, any server of {@code POST /responses}) to
 * canonical events, or a whole {@code response} body as the events its stream would have given: the
 * decoder of the pass-through path, whose events the gateway's own Responses encoder writes again
 * with the gateway's ids, model and usage.
 *
 * <p>Items are told apart by {@code output_index}. Text, refusal, reasoning text and reasoning
 * summary deltas become their canonical deltas (a summary part's text a {@link
 * LlmEvent.ReasoningSummaryDelta} with its {@code summary_index}); a reasoning item's {@code signature} and {@code encrypted_content} come from its final form (its
 * {@code output_item.done}, which can differ from the one it was added with); a function call is
 * start, argument deltas, end. What an item's deltas left out, its {@code .done} form or the
 * terminal response fills in: OpenRouter streams some calls with empty arguments and gives them
 * only in {@code response.completed}, so a call without arguments stays open until then. The
 * terminal event gives the usage and the finish ({@code incomplete} with {@code max_output_tokens}
 * is {@code length}); {@code response.failed} and the {@code error} event are a {@link
 * LlmEvent.Failure}. A stream that ends without a terminal event is broken (thrown from {@link
 * #end}), as is an event that is not JSON. Hosted tool items (web search, …) have no canonical
 * event and are skipped.
 */
public final class ResponsesEventDecoder implements SseUpstreamCall.Decoder {
  private static final ObjectReader EVENT = Json.mapper().readerFor(StreamEvent.class);
  private static final ObjectReader RESPONSE = Json.mapper().readerFor(Response.class);

  /** What the canonical stream has had of one output item. */
  private static final class Item {
    /** The item's type ({@code message}, {@code reasoning}, {@code function_call}, …). */
    final String type;
    /** The canonical tool-call index of a function call; -1 for other items. */
    int call = -1;
    final StringBuilder text = new StringBuilder();
    final StringBuilder refusal = new StringBuilder();
    final StringBuilder reasoning = new StringBuilder();
    /** Summary text passed on, by summary index. */
    final Map<Integer, StringBuilder> summaries = new TreeMap<>();
    final StringBuilder arguments = new StringBuilder();
    /** The latest encrypted reasoning not yet passed on. */
    String encrypted;
    String format;
    boolean encryptedSent;
    /** Done: nothing more is passed on for it (a call: its end was sent). */
    boolean ended;

    Item(String type) {
      this.type = type == null ? "" : type;
    }
  }

  private final Map<Integer, Item> items = new TreeMap<>();
  private boolean started;
  /** A terminal event or a failure was decoded: what follows is ignored. */
  private boolean over;
  private int calls;
  /** The output index of the item the canonical stream is in, or -1. */
  private int current = -1;

  @Override
  public void event(SseEvent event, Consumer<LlmEvent> out) {
    StreamEvent e;
    try {
      e = EVENT.readValue(event.data());
    } catch (IOException ex) {
      throw new UncheckedIOException("upstream sent an invalid Responses event: " + ex.getMessage(), ex);
    }
    if (e == null || e.type() == null) throw new IllegalStateException("upstream sent an event without a type: " + abbreviate(event.data()));
    event(e, out);
  }

  /** One parsed event. */
  public void event(StreamEvent e, Consumer<LlmEvent> out) {
    if (over) return;
    if (!started) {
      started = true;
      Response r = e instanceof StreamEvent.Lifecycle l ? l.response() : null;
      out.accept(new LlmEvent.Start(r == null ? null : r.id(), r == null ? null : r.model()));
    }
    switch (e) {
      case StreamEvent.OutputItemAdded a -> added(index(a.outputIndex()), a.item(), out);
      case StreamEvent.OutputTextDelta d -> text(item(d.outputIndex(), "message", out), d.delta(), out);
      case StreamEvent.RefusalDelta d -> refusal(item(d.outputIndex(), "message", out), d.delta(), out);
      case StreamEvent.ReasoningTextDelta d -> reasoning(item(d.outputIndex(), "reasoning", out), d.delta(), out);
      case StreamEvent.ReasoningSummaryTextDelta d -> summary(item(d.outputIndex(), "reasoning", out), index(d.summaryIndex()), d.delta(), out);
      case StreamEvent.ReasoningSummaryTextDone d -> completeSummary(item(d.outputIndex(), "reasoning", out), index(d.summaryIndex()), d.text(), out);
      case StreamEvent.ReasoningSummaryPartDone d ->
          completeSummary(item(d.outputIndex(), "reasoning", out), index(d.summaryIndex()), d.part() == null ? null : d.part().text(), out);
      case StreamEvent.FunctionCallArgumentsDelta d -> arguments(call(d.outputIndex(), out), d.delta(), out);
      case StreamEvent.FunctionCallArgumentsDone d -> completeArguments(call(d.outputIndex(), out), d.arguments(), out);
      case StreamEvent.OutputItemDone d -> done(index(d.outputIndex()), d.item(), out);
      case StreamEvent.Completed c -> terminal(c.response(), false, out);
      case StreamEvent.Incomplete c -> terminal(c.response(), true, out);
      case StreamEvent.Failed f -> failed(f.response(), out);
      case StreamEvent.Error err -> fail(err.errorCode(), err.errorMessage(), out);
      // created/in_progress, content and summary part added events and .done texts repeat what the
      // deltas said (a summary's .done may say more: it is reconciled, as the item's done form is); hosted tools, annotations and debug events have no canonical event
      default -> {}
    }
  }

  @Override
  public void end(Consumer<LlmEvent> out) {
    if (!over) throw new IllegalStateException("the upstream's Responses stream ended without a terminal event (response.completed, .incomplete or .failed)");
  }

  /** A whole {@code response} body (a non-streaming answer) as the events a stream of it would have given. */
  public static void decodeResponse(byte[] body, Consumer<LlmEvent> out) {
    Response r;
    try {
      r = RESPONSE.readValue(body);
    } catch (IOException e) {
      throw new UncheckedIOException("upstream sent an invalid response: " + e.getMessage(), e);
    }
    if (r == null) throw new IllegalStateException("upstream sent an empty body");
    ResponsesEventDecoder d = new ResponsesEventDecoder();
    d.started = true;
    out.accept(new LlmEvent.Start(r.id(), r.model()));
    String status = r.status() == null ? Response.COMPLETED : r.status();
    switch (status) {
      case Response.COMPLETED -> d.terminal(r, false, out);
      case Response.INCOMPLETE -> d.terminal(r, true, out);
      case Response.FAILED, Response.CANCELLED -> d.failed(r, out);
      default -> throw new IllegalStateException("upstream answered a response that is still " + status);
    }
  }

  private static int index(Integer outputIndex) {
    return outputIndex == null ? 0 : outputIndex;
  }

  /** The item at {@code outputIndex}, begun as {@code type} if no event announced it. */
  private Item item(Integer outputIndex, String type, Consumer<LlmEvent> out) {
    int index = index(outputIndex);
    Item item = items.get(index);
    if (item == null) {
      item = new Item(type);
      items.put(index, item);
    }
    enter(index, out);
    return item;
  }

  /** A function call's item; one whose start was not announced starts without id or name. */
  private Item call(Integer outputIndex, Consumer<LlmEvent> out) {
    Item item = item(outputIndex, "function_call", out);
    if (item.call < 0) startCall(item, null, null, out);
    return item;
  }

  /**
   * The canonical stream moves to the item at {@code index}: encrypted reasoning still held for the
   * item it leaves goes out now, while that reasoning item is still the one being written.
   */
  private void enter(int index, Consumer<LlmEvent> out) {
    if (current == index) return;
    Item left = current < 0 ? null : items.get(current);
    if (left != null) sendEncrypted(left, out);
    current = index;
  }

  private void added(int index, OutputItem item, Consumer<LlmEvent> out) {
    if (items.containsKey(index)) return;
    Item state = new Item(item.type());
    items.put(index, state);
    enter(index, out);
    switch (item) {
      case OutputItem.FunctionCall f -> {
        startCall(state, f.callId(), f.name(), out);
        if (f.arguments() != null && !f.arguments().isEmpty()) arguments(state, f.arguments(), out);
      }
      case OutputItem.Reasoning r -> {
        state.encrypted = r.encryptedContent();
        state.format = r.format();
      }
      default -> {}
    }
  }

  private void startCall(Item item, String callId, String name, Consumer<LlmEvent> out) {
    item.call = calls++;
    out.accept(new LlmEvent.ToolCallStart(0, item.call, callId, name));
  }

  private static void text(Item item, String delta, Consumer<LlmEvent> out) {
    if (delta == null || delta.isEmpty()) return;
    item.text.append(delta);
    out.accept(new LlmEvent.TextDelta(0, delta));
  }

  private static void refusal(Item item, String delta, Consumer<LlmEvent> out) {
    if (delta == null || delta.isEmpty()) return;
    item.refusal.append(delta);
    out.accept(new LlmEvent.RefusalDelta(0, delta));
  }

  private static void reasoning(Item item, String delta, Consumer<LlmEvent> out) {
    if (delta == null || delta.isEmpty()) return;
    item.reasoning.append(delta);
    out.accept(new LlmEvent.ReasoningDelta(0, delta, null, null));
  }

  private static void summary(Item item, int summaryIndex, String delta, Consumer<LlmEvent> out) {
    if (delta == null || delta.isEmpty()) return;
    item.summaries.computeIfAbsent(summaryIndex, i -> new StringBuilder()).append(delta);
    out.accept(new LlmEvent.ReasoningSummaryDelta(0, summaryIndex, delta, item.format));
  }

  /** A summary part's whole text ({@code .done}, or the item's final {@code summary[]}): what its deltas left out. */
  private static void completeSummary(Item item, int summaryIndex, String whole, Consumer<LlmEvent> out) {
    String rest = missing(item.summaries.getOrDefault(summaryIndex, new StringBuilder()), whole);
    if (rest != null) summary(item, summaryIndex, rest, out);
  }

  private static void arguments(Item item, String delta, Consumer<LlmEvent> out) {
    if (delta == null || delta.isEmpty()) return;
    item.arguments.append(delta);
    out.accept(new LlmEvent.ToolCallDelta(0, item.call, delta));
  }

  /** What {@code sent} lacks of {@code whole}: all of it when nothing was sent, the rest when it is a beginning, else nothing. */
  private static String missing(CharSequence sent, String whole) {
    if (whole == null || whole.isEmpty()) return null;
    if (sent.isEmpty()) return whole;
    String s = sent.toString();
    return whole.length() > s.length() && whole.startsWith(s) ? whole.substring(s.length()) : null;
  }

  private static void completeArguments(Item item, String whole, Consumer<LlmEvent> out) {
    String rest = missing(item.arguments, whole);
    if (rest != null) arguments(item, rest, out);
  }

  /** An item's final form ({@code output_item.done}, or the terminal response's output): what its deltas left out, then its end. */
  private void done(int index, OutputItem item, Consumer<LlmEvent> out) {
    Item state = items.get(index);
    if (state == null) {
      added(index, item, out);
      state = items.get(index);
    } else if (!state.type.equals(item.type())) {
      return; // not the item the events announced at this index: nothing to reconcile
    }
    if (state.ended) return;
    enter(index, out);
    switch (item) {
      case OutputItem.Message m -> {
        StringBuilder text = new StringBuilder();
        StringBuilder refusal = new StringBuilder();
        if (m.content() != null) {
          for (OutputContent part : m.content()) {
            if (part instanceof OutputContent.OutputText t && t.text() != null) text.append(t.text());
            if (part instanceof OutputContent.Refusal r && r.refusal() != null) refusal.append(r.refusal());
          }
        }
        String rest = missing(state.text, text.toString());
        if (rest != null) text(state, rest, out);
        rest = missing(state.refusal, refusal.toString());
        if (rest != null) refusal(state, rest, out);
        state.ended = true;
      }
      case OutputItem.Reasoning r -> {
        if (r.format() != null) state.format = r.format();
        if (r.summary() != null) {
          for (int i = 0; i < r.summary().size(); i++) completeSummary(state, i, r.summary().get(i).text(), out);
        }
        String rest = missing(state.reasoning, r.reasoningText());
        if (rest != null) reasoning(state, rest, out);
        if (r.signature() != null && !r.signature().isEmpty()) out.accept(new LlmEvent.ReasoningDelta(0, null, r.signature(), state.format));
        if (r.encryptedContent() != null) state.encrypted = r.encryptedContent();
        sendEncrypted(state, out);
        state.ended = true;
      }
      case OutputItem.FunctionCall f -> {
        completeArguments(state, f.arguments(), out);
        // OpenRouter may give a call's arguments only in the terminal response: until then it stays open
        if (!state.arguments.isEmpty()) endCall(state, out);
      }
      default -> state.ended = true;
    }
  }

  private static void endCall(Item item, Consumer<LlmEvent> out) {
    if (item.ended) return;
    item.ended = true;
    out.accept(new LlmEvent.ToolCallEnd(0, item.call));
  }

  private static void sendEncrypted(Item item, Consumer<LlmEvent> out) {
    if (item.encrypted == null || item.encryptedSent) return;
    item.encryptedSent = true;
    out.accept(new LlmEvent.ReasoningEncrypted(0, item.encrypted, item.format));
  }

  /** {@code response.completed} / {@code .incomplete} (or a whole body): what the items still lack, their ends, usage, finish. */
  private void terminal(Response r, boolean incomplete, Consumer<LlmEvent> out) {
    List<OutputItem> output = r == null || r.output() == null ? List.of() : r.output();
    for (int i = 0; i < output.size(); i++) {
      Item state = items.get(i);
      if (state == null || !state.ended) done(i, output.get(i), out);
    }
    for (Item item : items.values()) {
      if (item.call >= 0) endCall(item, out);
      sendEncrypted(item, out);
    }
    incomplete |= r != null && Response.INCOMPLETE.equals(r.status());
    String reason;
    String nativeReason;
    if (incomplete) {
      String why = r == null || r.incompleteDetails() == null ? null : r.incompleteDetails().reason();
      reason = "content_filter".equals(why) ? "content_filter" : "length";
      nativeReason = why == null ? Response.INCOMPLETE : why;
    } else {
      reason = calls > 0 ? "tool_calls" : "stop";
      nativeReason = Response.COMPLETED;
    }
    out.accept(new LlmEvent.Finish(0, reason, nativeReason));
    if (r != null && r.usage() != null) out.accept(new LlmEvent.Usage(usage(r.usage())));
    over = true;
  }

  private void failed(Response r, Consumer<LlmEvent> out) {
    if (r != null && r.usage() != null) out.accept(new LlmEvent.Usage(usage(r.usage())));
    ResponseError error = r == null ? null : r.error();
    fail(error == null ? null : error.code(), error == null ? null : error.message(), out);
  }

  private void fail(String code, String message, Consumer<LlmEvent> out) {
    over = true;
    out.accept(failure(code, message));
  }

  /** A Responses error as the failure the chat decoder would report: its HTTP-style status from the error code. */
  static LlmEvent.Failure failure(String code, String message) {
    int status = status(code);
    String text = message != null && !message.isBlank() ? message : code != null ? "upstream failed: " + code : "upstream failed";
    return new LlmEvent.Failure(status, text, UpstreamException.errorType(status), code);
  }

  /**
   * The status an error code stands for: a status itself (OpenRouter's codes are numbers), 429 for
   * rate limits and exhausted quota (OpenAI answers those with 429, and another endpoint may still
   * serve), 400 for a prompt or image the model refused, else 502.
   */
  static int status(String code) {
    if (code == null) return 502;
    if (code.length() == 3 && code.chars().allMatch(Character::isDigit)) {
      int n = Integer.parseInt(code);
      if (n >= 400 && n < 600) return n;
    }
    return switch (code) {
      case "rate_limit_exceeded", "insufficient_quota" -> 429;
      case "vector_store_timeout" -> 408;
      case "invalid_prompt", "context_length_exceeded", "invalid_request_error" -> 400;
      default -> code.contains("image") ? 400 : 502;
    };
  }

  static TokenUsage usage(ResponsesUsage u) {
    long input = u.inputTokens() == null ? 0 : u.inputTokens();
    long output = u.outputTokens() == null ? 0 : u.outputTokens();
    ResponsesUsage.InputTokensDetails in = u.inputTokensDetails();
    long cached = in == null || in.cachedTokens() == null ? 0 : in.cachedTokens();
    long written = in == null || in.cacheWriteTokens() == null ? 0 : in.cacheWriteTokens();
    long reasoning = u.outputTokensDetails() == null || u.outputTokensDetails().reasoningTokens() == null ? 0 : u.outputTokensDetails().reasoningTokens();
    return new TokenUsage(input, output, cached, written, reasoning, u.cost());
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
