package dev.openrouter4j.gateway.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.RequestLimits;
import dev.openrouter4j.api.chat.ChatRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.responses.Input;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.http.ApiError;
import dev.openrouter4j.gateway.http.Authenticator;
import dev.openrouter4j.gateway.responses.ResponseJson;
import dev.openrouter4j.gateway.responses.ResponseState;
import dev.openrouter4j.gateway.responses.StoredItems;
import dev.openrouter4j.gateway.store.ResponseStore;
import io.vertx.core.Future;
import dev.openrouter4j.gateway.responses.ResponsesEncoder;
import dev.openrouter4j.gateway.responses.ResponsesTranslator;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code responses}: a {@link ResponsesRequest} translated to the canonical request; the answer
 * written by one {@link ResponsesEncoder}, as {@code event: <type>} / {@code data: <json>} SSE
 * (OpenAI's framing; OpenRouter sends the same data lines) or as the final response.
 *
 * <p>With {@link ResponseState} (the gateway's), responses are stored unless the request says
 * {@code store: false}: the final response is written to the store before its last bytes go out
 * (the terminal event, or the JSON body), so a client that has it can read it back from any
 * instance. {@code previous_response_id} puts the stored conversation before the input, and {@code
 * background: true} is answered at once with the queued response while the run goes on. Without
 * state (null) the request is served statelessly, as OpenRouter does.
 */
final class ResponsesDialect implements Dialect {
  private final RequestReader<ResponsesRequest> reader = new RequestReader<>(ResponsesRequest.class, RequestLimits.Api.RESPONSES);
  private final ResponseState state;

  ResponsesDialect(ResponseState state) {
    this.state = state;
  }

  @Override
  public String name() {
    return "responses";
  }

  @Override
  public Request read(Buffer body) {
    ResponsesRequest request = reader.read(body);
    if (state == null) {
      ChatRequest canonical = ResponsesTranslator.toChat(request);
      return new Stateful(request.toBuilder().store(false).build(), canonical, null);
    }
    boolean store = !Boolean.FALSE.equals(request.store());
    boolean background = Boolean.TRUE.equals(request.background());
    if (background && !store) throw ApiError.invalidField("background", "background responses must be stored: remove store: false");
    if (background && Boolean.TRUE.equals(request.stream())) {
      throw ApiError.invalidField("stream", "a background response cannot be streamed by this gateway: send it without stream and poll GET /api/v1/responses/{id}");
    }
    String previous = request.previousResponseId();
    if (previous != null && previous.isBlank()) throw ApiError.invalidField("previous_response_id", "must not be empty");
    // validated now (the input's own errors come before any lookup); translated again once the conversation is read
    ChatRequest canonical = ResponsesTranslator.toChat(request, List.of());
    return new Stateful(request.toBuilder().store(store).build(), canonical, state);
  }

  /** One request; {@code state} null when nothing is stored. */
  private static final class Stateful implements Request {
    final ResponsesRequest request;
    final ResponseState state;
    ChatRequest canonical;
    /** The conversation of {@code previous_response_id}, once read (empty without one). */
    List<InputItem> previous = List.of();
    ResponsesRequest upstream;
    String keyHash;

    Stateful(ResponsesRequest request, ChatRequest canonical, ResponseState state) {
      this.request = request;
      this.canonical = canonical;
      this.state = state;
    }

    boolean stored() {
      return state != null && Boolean.TRUE.equals(request.store());
    }

    @Override
    public Future<Void> resolve(Authenticator.Caller caller) {
      keyHash = caller.keyHash();
      if (state == null || request.previousResponseId() == null) return Future.succeededFuture();
      return state.conversation(request.previousResponseId(), keyHash).map(previous -> {
        canonical = ResponsesTranslator.toChat(request, previous);
        this.previous = previous;
        return null;
      });
    }

    @Override
    public ResponsesRequest responses() {
      if (upstream == null) {
        ResponsesRequest.Builder b = request.toBuilder().previousResponseId(null).background(null);
        if (!previous.isEmpty()) {
          List<InputItem> all = new ArrayList<>(previous);
          all.addAll(request.input().asItems());
          b.input(Input.of(all));
        }
        upstream = b.build();
      }
      return upstream;
    }

    @Override
    public ChatRequest canonical() {
      return canonical;
    }

    @Override
    public boolean stream() {
      return Boolean.TRUE.equals(request.stream());
    }

    @Override
    public Background background() {
      return state != null && Boolean.TRUE.equals(request.background()) ? new Queued(this) : null;
    }

    @Override
    public StreamWriter streamWriter(Generation generation) {
      return new Events(new ResponsesEncoder(generation, request), this);
    }

    @Override
    public BodyWriter bodyWriter(Generation generation) {
      return new Body(new ResponsesEncoder(generation, request), this);
    }

    /** Stores the finished response: a new row, or a background run's row brought to its end. */
    Future<Void> persist(Response response) {
      if (!stored()) return Future.succeededFuture();
      String json = ResponseJson.response(response).toString();
      if (Boolean.TRUE.equals(request.background())) {
        return state.blocking(() -> state.store().finish(response.id(), response.status(), json)).mapEmpty();
      }
      ResponseStore.Row row = row(response.id(), response.status(), json);
      return state.blocking(() -> {
        state.store().insert(row);
        return null;
      });
    }

    ResponseStore.Row row(String id, String status, String json) {
      String items = StoredItems.inputItems(request.input().asItems(), id).toString();
      return new ResponseStore.Row(id, keyHash, request.previousResponseId(), status, Boolean.TRUE.equals(request.background()), json, items);
    }
  }

  /** The background side of a stored request: queued at once, its result kept when it ends. */
  private record Queued(Stateful r) implements Background {
    @Override
    public Future<Object> queue(Generation generation, Runnable cancel) {
      Response queued = new ResponsesEncoder(generation, r.request).response().toBuilder().status(Response.QUEUED).build();
      ObjectNode body = ResponseJson.response(queued);
      ResponseStore.Row row = r.row(generation.id(), Response.QUEUED, body.toString());
      return r.state.blocking(() -> {
        r.state.store().insert(row);
        return null;
      }).map(v -> {
        r.state.running(generation.id(), cancel);
        return body;
      });
    }

    @Override
    public void started(Generation generation) {
      r.state.blocking(() -> {
        r.state.store().started(generation.id());
        return null;
      }).onFailure(t -> System.getLogger(ResponsesDialect.class.getName()).log(System.Logger.Level.WARNING, "marking a background response started failed", t));
    }

    @Override
    public Future<Void> end(Generation generation, ApiError failure) {
      Future<Void> kept = Future.succeededFuture();
      if (failure != null) {
        Body writer = (Body) r.bodyWriter(generation);
        Object errorType = failure.metadata() == null ? null : failure.metadata().get("error_type");
        writer.accept(new LlmEvent.Failure(failure.status(), failure.getMessage(), errorType == null ? null : errorType.toString(), null));
        writer.body();
        kept = writer.persist();
      }
      return kept.andThen(ar -> r.state.finished(generation.id()));
    }
  }

  private record Events(ResponsesEncoder encoder, Stateful request) implements StreamWriter {
    @Override
    public Buffer start() {
      return frames(encoder.start());
    }

    @Override
    public Buffer event(LlmEvent event) {
      return frames(encoder.encode(event));
    }

    @Override
    public Buffer end() {
      return frames(encoder.finish());
    }

    @Override
    public Buffer failure(LlmEvent.Failure failure) {
      return frames(encoder.fail(failure));
    }

    @Override
    public TokenUsage usage() {
      return encoder.usage();
    }

    @Override
    public Future<Void> persist() {
      return request.persist(encoder.response());
    }

    static Buffer frames(List<StreamEvent> events) {
      Buffer b = Buffer.buffer();
      try {
        for (StreamEvent e : events) {
          b.appendString("event: ").appendString(e.type()).appendString("\ndata: ");
          b.appendBytes(Json.mapper().writeValueAsBytes(ResponseJson.event(e))).appendString("\n\n");
        }
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return b;
    }
  }

  /** The same encoder, its events dropped: the body is the response they add up to. */
  private record Body(ResponsesEncoder encoder, Stateful request) implements BodyWriter {
    @Override
    public void accept(LlmEvent event) {
      encoder.encode(event);
    }

    @Override
    public Object body() {
      encoder.finish();
      return ResponseJson.response(encoder.response());
    }

    @Override
    public TokenUsage usage() {
      return encoder.usage();
    }

    @Override
    public boolean failed() {
      return encoder.failed();
    }

    @Override
    public Future<Void> persist() {
      return request.persist(encoder.response());
    }
  }
}
