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
    if (finished.future().isComplete()) return;
    if (event instanceof LlmEvent.Finish f && f.choice() == 0) x.finishReason = f.reason();
    writer.accept(event);
  }

  @Override
  public void end() {
    respond();
  }

  @Override
  public void fail(Throwable cause) {
    if (finished.future().isComplete()) return;
    writer.accept(new LlmEvent.Failure(502, "upstream broke mid-answer: " + cause.getMessage(), "provider_unavailable", null));
    respond();
  }

  private void respond() {
    if (finished.future().isComplete()) return;
    HttpServerResponse r = x.http.response();
    if (!r.closed() && !r.ended()) {
      try {
        byte[] body = Json.mapper().writeValueAsBytes(writer.body());
        r.setStatusCode(200).putHeader("content-type", "application/json").putHeader("x-generation-id", x.generation.id());
        r.end(Buffer.buffer(body));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    finished.tryComplete(new StreamReply.Outcome(writer.usage(), writer.failed()));
  }
}
