package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.sse.SseWriter;
import dev.openrouter4j.gateway.encode.ChatChunkEncoder;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * The translate stage for a streaming client: events to {@code chat.completion.chunk} SSE, written
 * with back-pressure (a full write queue pauses the upstream until the client drains it). A failure
 * after content ends the stream with OpenRouter's error chunk and {@code [DONE]}.
 */
final class StreamReply implements EventSink {
  private static final Buffer DONE = Buffer.buffer(SseWriter.done());

  private final Exchange x;
  private final HttpServerResponse response;
  private final ChatChunkEncoder encoder;
  private final Promise<Outcome> finished = Promise.promise();

  /** How the stream ended, for accounting. */
  record Outcome(ChatChunkEncoder encoder, boolean failed) {}

  StreamReply(Exchange x, ChatChunkEncoder encoder) {
    this.x = x;
    this.response = x.http.response();
    this.encoder = encoder;
  }

  io.vertx.core.Future<Outcome> outcome() {
    return finished.future();
  }

  void start(Attempts.Opened opened) {
    StreamHead.commit(x);
    response.drainHandler(v -> opened.call().resume());
    opened.sink().attach(this);
  }

  @Override
  public void event(LlmEvent event) {
    if (response.closed()) return;
    if (event instanceof LlmEvent.Failure f) {
      write(encoder.failure(f));
      finish(true);
      return;
    }
    ChatStreamChunk chunk = encoder.encode(event);
    if (chunk != null) write(chunk);
  }

  @Override
  public void end() {
    if (finished.future().isComplete()) return;
    ChatStreamChunk usage = encoder.usageChunk();
    if (usage != null) write(usage);
    finish(false);
  }

  @Override
  public void fail(Throwable cause) {
    if (finished.future().isComplete()) return;
    write(encoder.failure(new LlmEvent.Failure(502, "upstream stream broke: " + cause.getMessage(), "provider_unavailable", null)));
    finish(true);
  }

  private void finish(boolean failed) {
    if (!response.closed() && !response.ended()) {
      response.write(DONE);
      response.end();
    }
    finished.tryComplete(new Outcome(encoder, failed));
  }

  private void write(ChatStreamChunk chunk) {
    if (response.closed()) return;
    try {
      byte[] json = Json.mapper().writeValueAsBytes(chunk);
      Buffer b = Buffer.buffer(json.length + 8).appendString("data: ").appendBytes(json).appendString("\n\n");
      response.write(b);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (response.writeQueueFull() && x.call != null) x.call.pause();
  }
}
