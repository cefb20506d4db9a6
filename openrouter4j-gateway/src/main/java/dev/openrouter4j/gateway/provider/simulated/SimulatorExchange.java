package dev.openrouter4j.gateway.provider.simulated;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.sse.SseWriter;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * One accepted chat request on the {@link SimulatorServer}: the call's events become SSE chunks as
 * they come (pausing the call while the socket's write queue is full), or are folded into one
 * {@code chat.completion} body. A cut closes the connection as it is, without the terminating chunk;
 * a client that goes away cancels the call.
 */
final class SimulatorExchange implements EventSink {
  private final HttpServerRequest request;
  private final HttpServerResponse response;
  private final UpstreamCall call;
  private final boolean stream;
  private final ChunkEncoder encoder;
  private final ChatAccumulator result = new ChatAccumulator();
  private LlmEvent.Failure failure;
  private boolean done;

  SimulatorExchange(HttpServerRequest request, UpstreamCall call, boolean stream, String model) {
    this.request = request;
    this.response = request.response();
    this.call = call;
    this.stream = stream;
    this.encoder = new ChunkEncoder(model, System.currentTimeMillis() / 1000);
  }

  void start() {
    if (response.closed()) {
      call.cancel();
      return;
    }
    response.closeHandler(v -> {
      if (!done) {
        done = true;
        call.cancel();
      }
    });
    if (stream) {
      response.setChunked(true).putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
      response.drainHandler(v -> call.resume());
    }
    call.start(this);
  }

  @Override
  public void event(LlmEvent event) {
    if (done) return;
    if (event instanceof LlmEvent.Failure f) failure = f;
    for (ChatStreamChunk chunk : encoder.encode(event)) {
      if (stream) {
        response.write(SseWriter.data(json(chunk)));
      } else {
        result.accept(chunk);
      }
    }
    if (stream && response.writeQueueFull()) call.pause();
  }

  @Override
  public void end() {
    if (done) return;
    done = true;
    ChatStreamChunk usage = encoder.usageChunk();
    if (!stream && failure != null) {
      SimulatorServer.error(response, failure.status(), failure.message(), failure.errorType());
    } else if (!stream) {
      if (usage != null) result.accept(usage);
      response.putHeader("content-type", "application/json").end(json(result.result()));
    } else if (failure != null) {
      // OpenRouter ends a stream after its error chunk, without usage or [DONE]
      response.end();
    } else {
      if (usage != null) response.write(SseWriter.data(json(usage)));
      response.end(Buffer.buffer(SseWriter.done()));
    }
  }

  @Override
  public void fail(Throwable cause) {
    if (done) return;
    done = true;
    // HTTP/1.x: reset() closes the connection at once, mid-body, the way a dying upstream does
    response.reset();
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("wire records must serialise", e);
    }
  }
}
