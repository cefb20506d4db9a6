package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.http.ApiError;
import dev.openrouter4j.gateway.http.Authenticator;
import dev.openrouter4j.gateway.responses.ResponseState;
import io.vertx.core.Future;
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
    return new ResponsesDialect(null);
  }

  /**
   * {@code POST /responses} with stored responses ({@code store}, {@code previous_response_id},
   * {@code background}) kept in {@code state}.
   */
  static Dialect responses(ResponseState state) {
    return new ResponsesDialect(state);
  }

  /** The API's name in metrics: {@code chat}, {@code responses}. */
  String name();

  /** The validate stage: the body to a request; throws an {@code ApiError} (400) naming what is wrong. */
  Request read(Buffer body);

  /** One request, read: its canonical form and the writers of its answer. */
  interface Request {
    /**
     * Loads what the request refers to, for the caller, before {@link #canonical} is asked for
     * (Responses: the conversation of {@code previous_response_id}). Fails with an {@link ApiError}.
     */
    default Future<Void> resolve(Authenticator.Caller caller) {
      return Future.succeededFuture();
    }

    /** The request in the canonical (chat completions) shape every provider adapter takes. */
    ChatRequest canonical();

    /**
     * The client's request in the Responses API's own shape, for an upstream that serves that API
     * (passed through rather than translated): the conversation of {@code previous_response_id}
     * already in {@code input}, {@code previous_response_id} and {@code background} cleared (they
     * are the gateway's state, which no upstream has). Null when the client speaks chat completions.
     * Asked for after {@link #resolve}.
     */
    default ResponsesRequest responses() {
      return null;
    }

    /** Non-null when the client asked to run the request in the background. */
    default Background background() {
      return null;
    }

    /** Whether the client asked for a stream. */
    boolean stream();

    /**
     * Whether the answer is {@code chat.completion.chunk}s or a {@code chat.completion} exactly as
     * {@code ChatChunkEncoder} and {@code ChatResultAssembler} write them, so an upstream speaking
     * that format may be relayed (the relay fast path).
     */
    default boolean readsChatFormat() {
      return false;
    }

    StreamWriter streamWriter(Generation generation);

    BodyWriter bodyWriter(Generation generation);
  }

  /**
   * A request run in the background: answered at once, its work going on without the client, which
   * polls for the result. The result itself is kept by the {@link BodyWriter}'s {@link
   * BodyWriter#persist}.
   */
  interface Background {
    /** Records the run as queued; {@code cancel} (callable from any thread) stops it. The body to answer with at once. */
    Future<Object> queue(Generation generation, Runnable cancel);

    /** An upstream has begun to answer: the run is {@code in_progress} (until then it is {@code queued}). */
    void started(Generation generation);

    /** The run is over: {@code failure} (null when it was answered) is kept as its result. */
    Future<Void> end(Generation generation, ApiError failure);
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

    /**
     * Called after {@link #end} or {@link #failure}, before their bytes go out: what must be done
     * before the client can see the end (Responses: storing the response, so that a later read
     * finds it).
     */
    default Future<Void> persist() {
      return Future.succeededFuture();
    }
  }

  /** Folds the events of a non-streaming answer into its one JSON body. */
  interface BodyWriter {
    void accept(LlmEvent event);

    /** The body, written with Jackson. */
    Object body();

    TokenUsage usage();

    boolean failed();

    /** Called after {@link #body}, before it goes out: as {@link StreamWriter#persist}. */
    default Future<Void> persist() {
      return Future.succeededFuture();
    }
  }
}
