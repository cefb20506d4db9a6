package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.RequestLimits;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.gateway.encode.ChatChunkEncoder;
import dev.openrouter4j.gateway.encode.ChatResultAssembler;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import io.vertx.core.buffer.Buffer;

/** {@code chat/completions}: the canonical request as sent; {@code chat.completion.chunk}s or one {@code chat.completion}. */
final class ChatDialect implements Dialect {
  private final RequestReader<ChatRequest> reader = new RequestReader<>(ChatRequest.class, RequestLimits.Api.CHAT);

  @Override
  public String name() {
    return "chat";
  }

  @Override
  public Request read(Buffer body) {
    ChatRequest request = reader.read(body);
    return new Request() {
      @Override
      public ChatRequest canonical() {
        return request;
      }

      @Override
      public boolean stream() {
        return Boolean.TRUE.equals(request.stream());
      }

      @Override
      public boolean readsChatFormat() {
        return true;
      }

      @Override
      public StreamWriter streamWriter(Generation generation) {
        return new Chunks(new ChatChunkEncoder(generation));
      }

      @Override
      public BodyWriter bodyWriter(Generation generation) {
        return new Completion(generation);
      }
    };
  }

  /** Chunks as OpenRouter writes them: {@code data: <json>}, no event names. */
  private record Chunks(ChatChunkEncoder encoder) implements StreamWriter {
    @Override
    public Buffer start() {
      return Buffer.buffer();
    }

    @Override
    public Buffer event(LlmEvent event) {
      return frame(encoder.encode(event));
    }

    @Override
    public Buffer end() {
      return frame(encoder.usageChunk());
    }

    @Override
    public Buffer failure(LlmEvent.Failure failure) {
      return frame(encoder.failure(failure));
    }

    @Override
    public TokenUsage usage() {
      return encoder.usage();
    }

    private static Buffer frame(ChatStreamChunk chunk) {
      if (chunk == null) return Buffer.buffer();
      try {
        byte[] json = Json.mapper().writeValueAsBytes(chunk);
        return Buffer.buffer(json.length + 8).appendString("data: ").appendBytes(json).appendString("\n\n");
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class Completion implements BodyWriter {
    private final Generation generation;
    private final ChatResultAssembler assembler = new ChatResultAssembler();

    Completion(Generation generation) {
      this.generation = generation;
    }

    @Override
    public void accept(LlmEvent event) {
      assembler.accept(event);
    }

    @Override
    public Object body() {
      return assembler.result(generation);
    }

    @Override
    public TokenUsage usage() {
      return assembler.usage();
    }

    @Override
    public boolean failed() {
      return assembler.failure() != null;
    }
  }
}
