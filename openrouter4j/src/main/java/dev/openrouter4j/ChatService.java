package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.RequestLimits;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.errors.StreamException;
import dev.openrouter4j.internal.ClientCore;
import dev.openrouter4j.internal.StreamCodec;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code chat}: {@code POST /chat/completions}, buffered or streamed. */
public final class ChatService {
  private static final String PATH = "chat/completions";

  private final ClientCore core;
  private final boolean validate;
  private final JavaType resultType = Json.mapper().constructType(ChatResult.class);

  ChatService(ClientCore core, boolean validate) {
    this.core = core;
    this.validate = validate;
  }

  /** Sends the request with {@code stream:false} and returns the completion. */
  public ChatResult send(ChatRequest request) {
    return send(request, RequestOptions.none());
  }

  public ChatResult send(ChatRequest request, RequestOptions options) {
    return sendWithResponse(request, options).body();
  }

  /** Like {@link #send}, keeping the status, headers and raw JSON. */
  public ApiResponse<ChatResult> sendWithResponse(ChatRequest request, RequestOptions options) {
    JsonNode body = Requests.encode(request.toBuilder().stream(false).build(), RequestLimits.Api.CHAT, validate);
    return core.execute("POST", PATH, body, resultType, options);
  }

  public CompletableFuture<ChatResult> sendAsync(ChatRequest request) {
    return sendAsync(request, RequestOptions.none());
  }

  public CompletableFuture<ChatResult> sendAsync(ChatRequest request, RequestOptions options) {
    return core.async(() -> send(request, options));
  }

  /**
   * Sends the request with {@code stream:true}. Iterate the chunks as they arrive; close the stream
   * (try-with-resources) to stop early. A chunk carrying a top-level {@code error} is thrown as a
   * {@link StreamException} whose {@code partial()} is the {@link ChatResult} accumulated so far.
   */
  public EventStream<ChatStreamChunk> stream(ChatRequest request) {
    return stream(request, RequestOptions.none());
  }

  public EventStream<ChatStreamChunk> stream(ChatRequest request, RequestOptions options) {
    JsonNode body = Requests.encode(request.toBuilder().stream(true).build(), RequestLimits.Api.CHAT, validate);
    return core.stream(PATH, body, new ChunkCodec(core.reader(ChatStreamChunk.class)), options);
  }

  /** Decodes chunks and watches them for an in-stream error, accumulating the output so far. */
  private static final class ChunkCodec implements StreamCodec<ChatStreamChunk> {
    private final ObjectReader reader;
    private final ChatAccumulator accumulator = new ChatAccumulator();

    ChunkCodec(ObjectReader reader) {
      this.reader = reader;
    }

    @Override
    public ChatStreamChunk decode(SseEvent event) throws IOException {
      return reader.readValue(event.data());
    }

    @Override
    public void inspect(ChatStreamChunk chunk) {
      accumulator.accept(chunk);
      if (chunk.error() != null) {
        var e = chunk.error();
        Map<String, Object> metadata = e.metadata();
        throw new StreamException(
            e.code() == null ? null : String.valueOf(e.code()), e.message(), metadata, accumulator.result());
      }
    }
  }
}
