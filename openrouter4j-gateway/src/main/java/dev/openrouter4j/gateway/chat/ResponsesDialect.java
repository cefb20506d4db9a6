package dev.openrouter4j.gateway.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.RequestLimits;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.responses.ResponseJson;
import dev.openrouter4j.gateway.responses.ResponsesEncoder;
import dev.openrouter4j.gateway.responses.ResponsesTranslator;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * {@code responses}: a {@link ResponsesRequest} translated to the canonical request; the answer
 * written by one {@link ResponsesEncoder}, as {@code event: <type>} / {@code data: <json>} SSE
 * (OpenAI's framing; OpenRouter sends the same data lines) or as the final response.
 */
final class ResponsesDialect implements Dialect {
  private final RequestReader<ResponsesRequest> reader = new RequestReader<>(ResponsesRequest.class, RequestLimits.Api.RESPONSES);

  @Override
  public String name() {
    return "responses";
  }

  @Override
  public Request read(Buffer body) {
    ResponsesRequest request = reader.read(body);
    ChatRequest canonical = ResponsesTranslator.toChat(request);
    return new Request() {
      @Override
      public ChatRequest canonical() {
        return canonical;
      }

      @Override
      public boolean stream() {
        return Boolean.TRUE.equals(request.stream());
      }

      @Override
      public StreamWriter streamWriter(Generation generation) {
        return new Events(new ResponsesEncoder(generation, request));
      }

      @Override
      public BodyWriter bodyWriter(Generation generation) {
        return new Body(new ResponsesEncoder(generation, request));
      }
    };
  }

  private record Events(ResponsesEncoder encoder) implements StreamWriter {
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
  private record Body(ResponsesEncoder encoder) implements BodyWriter {
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
  }
}
