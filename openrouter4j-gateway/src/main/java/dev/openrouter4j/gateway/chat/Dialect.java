package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import io.vertx.core.buffer.Buffer;

/**
 * What differs between the client-facing APIs that share one pipeline ({@code chat/completions}
 * and {@code responses}): how a body becomes the canonical request, and how canonical events become
 * the answer. Everything in between (routing, fallback, keep-alive, back-pressure, accounting) is
 * one implementation, {@link GenerationHandler}. N upstream decoders and M client dialects meet in
 * {@link LlmEvent}; no dialect knows a provider.
 */
public interface Dialect {
  /** {@code POST /chat/completions}: the canonical request as it is. */
  static Dialect chat() {
    return new ChatDialect();
  }

  /** {@code POST /responses}: the stateless Responses API, translated to and from the canonical forms. */
  static Dialect responses() {
    return new ResponsesDialect();
  }

  /** The API's name in metrics: {@code chat}, {@code responses}. */
  String name();

  /** The validate stage: the body to a request; throws an {@code ApiError} (400) naming what is wrong. */
  Request read(Buffer body);

  /** One request, read: its canonical form and the writers of its answer. */
  interface Request {
    /** The request in the canonical (chat completions) shape every provider adapter takes. */
    ChatRequest canonical();

    /** Whether the client asked for a stream. */
    boolean stream();

    StreamWriter streamWriter(Generation generation);

    BodyWriter bodyWriter(Generation generation);
  }

  /** Writes a streamed answer as SSE bytes, one canonical event at a time. Never returns null. */
  interface StreamWriter {
    /** What goes out before the first event (the Responses lifecycle events; nothing for chat). */
    Buffer start();

    Buffer event(LlmEvent event);

    /** What closes a stream whose upstream finished its answer ({@code [DONE]} is added by the caller). */
    Buffer end();

    /** What closes a stream that failed after it started ({@code [DONE]} is added by the caller). */
    Buffer failure(LlmEvent.Failure failure);

    /** The usage reported so far, or null. */
    TokenUsage usage();
  }

  /** Folds the events of a non-streaming answer into its one JSON body. */
  interface BodyWriter {
    void accept(LlmEvent event);

    /** The body, written with Jackson. */
    Object body();

    TokenUsage usage();

    boolean failed();
  }
}
