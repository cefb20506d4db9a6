package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import dev.openrouter4j.gateway.routing.Candidate;
import dev.openrouter4j.gateway.routing.RoutePlan;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one generation request carries through the stages: the typed context of the
 * pipeline (no string-keyed attributes). Confined to the request's event loop.
 */
final class Exchange {
  /** One upstream attempt, for the error history and the generation record. */
  record Attempt(String provider, String model, int status, long latencyMs) {}

  final HttpServerRequest http;
  final long startNanos;
  final Promise<Void> abandoned = Promise.promise();
  final List<Attempt> attempts = new ArrayList<>();

  Generation generation;
  /** The request as its dialect read it. */
  Dialect.Request api;
  /** Its canonical form, which routing and the providers take. */
  ChatRequest request;
  boolean stream;
  Map<String, String> forwardHeaders = Map.of();
  RoutePlan plan;
  Candidate served;
  UpstreamCall call;
  /** The translate stage's sink, once the answer is being translated (a background run's, for {@link #cancel}). */
  dev.openrouter4j.gateway.provider.EventSink reply;
  long firstContentNanos;
  /** The conversation's session id (body, else the x-session-id header), or null. */
  String sessionId;
  /** What stickiness is keyed by: the calling key's hash and the session id, else prompt_cache_key; or null. */
  String stickyKey;
  /** Who is calling (set once authenticated). */
  dev.openrouter4j.gateway.http.Authenticator.Caller caller;
  /** The request body's size, for the prompt part of the credit estimate. */
  long bodyBytes;
  /** The credit held for this request until it is settled (null: none, or already settled). */
  dev.openrouter4j.gateway.account.CreditLedger.Reservation reservation;
  double estimate;
  /** The last finish reason the upstream sent. */
  String finishReason;
  /** Whether the record was queued and the cost settled. */
  boolean accounted;
  /**
   * The answer text passed on so far (text, reasoning, refusals, tool names and arguments; relayed
   * text as the upstream escaped it), in characters: what a cancelled answer's completion tokens
   * are estimated from when the upstream reported none.
   */
  long answerChars;
  /** Set when the answer ended because the client left (the request is counted as a 499). */
  boolean endedByClientLeaving;

  /** Whether the client left while it was still being answered (a background run's client does not count). */
  boolean leftMidAnswer() {
    return !detached && isAbandoned();
  }

  /** Counts the answer text an event carries. */
  void count(dev.openrouter4j.gateway.event.LlmEvent event) {
    answerChars += switch (event) {
      case dev.openrouter4j.gateway.event.LlmEvent.TextDelta t -> length(t.text());
      case dev.openrouter4j.gateway.event.LlmEvent.ReasoningDelta r -> length(r.text());
      case dev.openrouter4j.gateway.event.LlmEvent.ReasoningSummaryDelta r -> length(r.text());
      case dev.openrouter4j.gateway.event.LlmEvent.RefusalDelta r -> length(r.text());
      case dev.openrouter4j.gateway.event.LlmEvent.ToolCallStart t -> length(t.name());
      case dev.openrouter4j.gateway.event.LlmEvent.ToolCallDelta t -> length(t.arguments());
      default -> 0;
    };
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }

  Exchange(HttpServerRequest http, long startNanos) {
    this.http = http;
    this.startNanos = startNanos;
  }

  /** The exchange of a request that has just arrived: its body paused until read, and abandoned when its client goes. */
  static Exchange open(HttpServerRequest http) {
    Exchange x = new Exchange(http, System.nanoTime());
    http.pause();
    http.response().closeHandler(v -> x.abandon());
    return x;
  }

  Future<Void> abandonedFuture() {
    return abandoned.future();
  }

  boolean isAbandoned() {
    return abandoned.future().isComplete();
  }

  /** Whether the client was answered already and the work goes on without it (a background run). */
  boolean detached;

  /** The client went away: stop the upstream work at once, unless it runs in the background. */
  void abandon() {
    if (!detached) stop();
  }

  /** Stops the upstream work (the client left, or a background run was cancelled). */
  void stop() {
    if (abandoned.tryComplete() && call != null) call.cancel();
  }

  /**
   * A background run is cancelled: its upstream work stops, and an answer under way ends as failed
   * (its record says cancelled: {@link JsonReply} sees the run was stopped).
   */
  void cancel() {
    stop();
    if (reply != null) reply.fail(new java.util.concurrent.CancellationException("cancelled"));
  }
}
