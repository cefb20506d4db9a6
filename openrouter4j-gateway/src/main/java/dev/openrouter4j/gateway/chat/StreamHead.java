package dev.openrouter4j.gateway.chat;

import io.vertx.core.http.HttpServerResponse;

/** The headers of a streamed answer, written once: when the first event is ready, or when waiting long enough to send keep-alive comments. */
final class StreamHead {
  private StreamHead() {}

  static void commit(Exchange x) {
    HttpServerResponse r = x.http.response();
    if (r.headWritten() || r.closed()) return;
    r.setStatusCode(200)
        .setChunked(true)
        .putHeader("content-type", "text/event-stream")
        .putHeader("cache-control", "no-cache")
        .putHeader("x-generation-id", x.generation.id());
  }
}
