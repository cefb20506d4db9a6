package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.api.Json;
import dev.openrouter4j.gateway.encode.ChatResultAssembler;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;

/**
 * The translate stage for a non-streaming client: events folded into one {@code chat.completion}.
 * A failure after content keeps the partial output and adds the error to the body, as OpenRouter does.
 */
final class JsonReply implements EventSink {
  private final Exchange x;
  private final ChatResultAssembler assembler = new ChatResultAssembler();
  private final Promise<ChatResultAssembler> finished = Promise.promise();

  JsonReply(Exchange x) {
    this.x = x;
  }

  Future<ChatResultAssembler> outcome() {
    return finished.future();
  }

  void start(Attempts.Opened opened) {
    opened.sink().attach(this);
  }

  @Override
  public void event(LlmEvent event) {
    assembler.accept(event);
  }

  @Override
  public void end() {
    respond();
  }

  @Override
  public void fail(Throwable cause) {
    assembler.accept(new LlmEvent.Failure(502, "upstream broke mid-answer: " + cause.getMessage(), "provider_unavailable", null));
    respond();
  }

  private void respond() {
    if (finished.future().isComplete()) return;
    HttpServerResponse r = x.http.response();
    if (!r.closed() && !r.ended()) {
      try {
        byte[] body = Json.mapper().writeValueAsBytes(assembler.result(x.generation));
        r.setStatusCode(200).putHeader("content-type", "application/json").putHeader("x-generation-id", x.generation.id());
        r.end(io.vertx.core.buffer.Buffer.buffer(body));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    finished.tryComplete(assembler);
  }
}
