package dev.openrouter4j.gateway.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.SseUpstreamCall;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * A Messages API event stream, one SSE event at a time. Each {@code data} is a JSON object whose
 * {@code type} repeats the {@code event:} name, so the data alone is decoded (real streams pad it
 * with spaces before the closing brace, which JSON parsing ignores).
 */
final class AnthropicSseDecoder implements SseUpstreamCall.Decoder {
  private final AnthropicEventDecoder decoder;

  AnthropicSseDecoder() {
    this(false);
  }

  /** {@code structured}: the request asked for JSON, which comes as the structured-output tool's input. */
  AnthropicSseDecoder(boolean structured) {
    this.decoder = new AnthropicEventDecoder(structured);
  }

  @Override
  public void event(SseEvent event, Consumer<LlmEvent> out) {
    if (event.data() == null || event.data().isBlank()) return;
    decoder.event(parse(event.data()), out);
  }

  @Override
  public void end(Consumer<LlmEvent> out) {
    decoder.end(out);
  }

  private static JsonNode parse(String data) {
    try {
      return Json.mapper().readTree(data);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Anthropic sent an event that is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
