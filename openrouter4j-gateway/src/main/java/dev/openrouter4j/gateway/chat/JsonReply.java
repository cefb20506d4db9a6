package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.api.Json;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * The translate stage for a non-streaming client: events folded into the dialect's one JSON body. A
 * failure after content keeps the partial output and reports the error in the body (chat: {@code
 * error}, as OpenRouter does; responses: status {@code failed}).
 */
final class JsonReply implements EventSink {
  private final Exchange x;
  private final Dialect.BodyWriter writer;
  private final Promise<StreamReply.Outcome> finished = Promise.promise();

  JsonReply(Exchange x, Dialect.BodyWriter writer) {
    this.x = x;
    this.writer = writer;
  }

  Future<StreamReply.Outcome> outcome() {
    return finished.future();
  }

  void start(Attempts.Opened opened) {
    opened.sink().attach(this);
  }

  @Override
  public void event(LlmEvent event) {
    if (finished.future().isComplete() || responding) return;
    x.count(event);
    if (event instanceof LlmEvent.Finish f && f.choice() == 0) x.finishReason = f.reason();
    writer.accept(event);
  }

  /** The whole body, already written by the relay fast path; the events that follow are for accounting. */
  private byte[] relayedBody;

  @Override
  public void relayed(byte[] body, int offset, int length, int textBytes) {
    relayedBody = java.util.Arrays.copyOfRange(body, offset, offset + length);
  }

  @Override
  public void end() {
    respond();
  }

  @Override
  public void fail(Throwable cause) {
    if (finished.future().isComplete() || responding) return;
    if (x.leftMidAnswer()) {
      // the cancelled call's connection breaking, not the upstream failing
      abandoned();
      return;
    }
    // a background run cancelled (Exchange.cancel): the cancel itself, or its call's connection breaking
    cancelled = x.isAbandoned();
    writer.accept(new LlmEvent.Failure(502, "upstream broke mid-answer: " + cause.getMessage(), "provider_unavailable", null));
    respond();
  }

  private void respond() {
    if (finished.future().isComplete() || responding) return;
    responding = true;
    byte[] body;
    try {
      body = relayedBody != null ? relayedBody : Json.mapper().writeValueAsBytes(writer.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    // the body goes out once the writer has persisted it (a stored response is readable before the client has it)
    writer.persist().onComplete(ar -> {
      if (ar.failed()) System.getLogger(JsonReply.class.getName()).log(System.Logger.Level.ERROR, "persisting the answer failed", ar.cause());
      HttpServerResponse r = x.http.response();
      if (!r.closed() && !r.ended()) {
        r.setStatusCode(200).putHeader("content-type", "application/json").putHeader("x-generation-id", x.generation.id());
        r.end(Buffer.buffer(body));
      }
      finished.tryComplete(new StreamReply.Outcome(writer.usage(), writer.failed() && !cancelled, cancelled));
    });
  }

  /** Set when the answer was cut short by a cancel: its record says cancelled, not failed. */
  private boolean cancelled;

  /**
   * The client left before its answer was complete (its upstream call is cancelled, and tells this
   * sink nothing more): nobody to answer, and the answer ends here as cancelled.
   */
  void abandoned() {
    if (finished.future().isComplete() || responding) return;
    responding = true;
    finished.tryComplete(new StreamReply.Outcome(writer.usage(), false, true));
  }

  /** Set once the body is being persisted: later events change nothing. */
  private boolean responding;
}
