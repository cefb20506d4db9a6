package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.RequestLimits;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponseAccumulator;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.errors.StreamException;
import dev.openrouter4j.internal.ClientCore;
import dev.openrouter4j.internal.StreamCodec;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** {@code responses}: {@code POST /responses} in the OpenResponses format, buffered or streamed. */
public final class ResponsesService {
  private static final String PATH = "responses";

  private final ClientCore core;
  private final boolean validate;
  private final JavaType responseType = Json.mapper().constructType(Response.class);

  ResponsesService(ClientCore core, boolean validate) {
    this.core = core;
    this.validate = validate;
  }

  public Response send(ResponsesRequest request) {
    return send(request, RequestOptions.none());
  }

  public Response send(ResponsesRequest request, RequestOptions options) {
    return sendWithResponse(request, options).body();
  }

  /** Like {@link #send}, keeping the status, headers and raw JSON. */
  public ApiResponse<Response> sendWithResponse(ResponsesRequest request, RequestOptions options) {
    JsonNode body = Requests.encode(request.toBuilder().stream(false).build(), RequestLimits.Api.RESPONSES, validate);
    return core.execute("POST", PATH, body, responseType, options);
  }

  public CompletableFuture<Response> sendAsync(ResponsesRequest request) {
    return sendAsync(request, RequestOptions.none());
  }

  public CompletableFuture<Response> sendAsync(ResponsesRequest request, RequestOptions options) {
    return core.async(() -> send(request, options));
  }

  /**
   * Sends the request with {@code stream:true}. An {@code error} or {@code response.failed} event is
   * thrown as a {@link StreamException} whose {@code partial()} is the {@link Response} so far.
   */
  public EventStream<StreamEvent> stream(ResponsesRequest request) {
    return stream(request, RequestOptions.none());
  }

  public EventStream<StreamEvent> stream(ResponsesRequest request, RequestOptions options) {
    JsonNode body = Requests.encode(request.toBuilder().stream(true).build(), RequestLimits.Api.RESPONSES, validate);
    return core.stream(PATH, body, new EventCodec(core.reader(StreamEvent.class)), options);
  }

  private static final class EventCodec implements StreamCodec<StreamEvent> {
    private final ObjectReader reader;
    private final ResponseAccumulator accumulator = new ResponseAccumulator();

    EventCodec(ObjectReader reader) {
      this.reader = reader;
    }

    @Override
    public StreamEvent decode(SseEvent event) throws IOException {
      return reader.readValue(event.data());
    }

    @Override
    public void inspect(StreamEvent event) {
      accumulator.accept(event);
      if (event instanceof StreamEvent.Error e) {
        throw new StreamException(e.errorCode(), e.errorMessage(), null, accumulator.response());
      }
      if (event instanceof StreamEvent.Failed f) {
        var error = f.response() == null ? null : f.response().error();
        throw new StreamException(
            error == null ? null : error.code(),
            error == null ? "the response failed" : error.message(),
            null,
            accumulator.response());
      }
    }
  }
}
