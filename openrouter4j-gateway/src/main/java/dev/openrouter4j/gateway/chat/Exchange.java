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
  long firstContentNanos;
  /** The conversation's session id (body, else the x-session-id header), or null. */
  String sessionId;
  /** What stickiness is keyed by: the session id, else prompt_cache_key, or null. */
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

  Exchange(HttpServerRequest http, long startNanos) {
    this.http = http;
    this.startNanos = startNanos;
  }

  Future<Void> abandonedFuture() {
    return abandoned.future();
  }

  boolean isAbandoned() {
    return abandoned.future().isComplete();
  }

  /** The client went away: stop the upstream work at once. */
  void abandon() {
    if (abandoned.tryComplete() && call != null) call.cancel();
  }
}
