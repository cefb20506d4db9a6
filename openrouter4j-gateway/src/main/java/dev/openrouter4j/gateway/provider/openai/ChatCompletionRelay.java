package dev.openrouter4j.gateway.provider.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import java.io.IOException;
import java.util.List;

/**
 * The relay fast path for a whole {@code chat.completion} (a client that did not ask for a stream):
 * an answer that is one choice of plain text with a finish reason and usage is checked by one
 * streaming pass over the upstream's bytes and written the way {@code ChatResultAssembler} writes
 * it, with the gateway's id, model, provider and usage (with cost), the text copied as the upstream
 * escaped it and every other upstream key dropped. Anything else is left to {@link
 * ChatChunkDecoder#decodeResult}. {@code ChatRelayEquivalenceTest} compares the two.
 */
public final class ChatCompletionRelay {
  private static final JsonFactory JSON = Json.mapper().getFactory();

  /** The client's body, and the events accounting needs (the finish, the usage). */
  public record Relayed(byte[] body, List<LlmEvent> events) {}

  private int choice;
  private int textStart;
  private int textEnd;
  private String finishReason;
  private String nativeFinishReason;
  private long promptTokens = -1;
  private long completionTokens = -1;
  private long cachedTokens;
  private long cacheWriteTokens;
  private long reasoningTokens;
  private Double reportedCost;

  private ChatCompletionRelay() {}

  /** The client's answer, or null when the body is not the plain shape this path vouches for. */
  public static Relayed relay(byte[] body, Generation generation) {
    ChatCompletionRelay r = new ChatCompletionRelay();
    if (!r.isPlainText(body)) return null;
    try {
      return r.write(body, generation);
    } catch (IOException e) {
      return null;
    }
  }

  private Relayed write(byte[] body, Generation g) throws IOException {
    String finish = ChatChunkDecoder.normalise(finishReason);
    String nativeFinish = nativeFinishReason != null ? nativeFinishReason : finishReason;
    TokenUsage usage = new TokenUsage(Math.max(0, promptTokens), Math.max(0, completionTokens), cachedTokens, cacheWriteTokens, reasoningTokens, reportedCost);
    ByteArrayBuilder out = new ByteArrayBuilder(body.length + 512);
    try (JsonGenerator w = JSON.createGenerator(out)) {
      // the layout of ChatResult, ChatChoice and AssistantMessage as Jackson writes them
      w.writeStartObject();
      if (g.id() != null) w.writeStringField("id", g.id());
      w.writeStringField("object", ChatResult.OBJECT);
      w.writeNumberField("created", g.created());
      if (g.model() != null) w.writeStringField("model", g.model());
      w.writeNullField("system_fingerprint");
      w.writeArrayFieldStart("choices");
      w.writeStartObject();
      w.writeNumberField("index", choice);
      w.writeStringField("finish_reason", finish);
      w.writeStringField("native_finish_reason", nativeFinish);
      w.writeObjectFieldStart("message");
      w.writeStringField("role", "assistant");
      w.writeFieldName("content");
      w.writeRawUTF8String(body, textStart + 1, textEnd - textStart - 2);
      w.writeEndObject();
      w.writeEndObject();
      w.writeEndArray();
      w.writeFieldName("usage");
      Json.mapper().writeValue(w, g.usage(usage, finish));
      if (g.provider() != null) w.writeStringField("provider", g.provider());
      w.writeEndObject();
    }
    List<LlmEvent> events = List.of(new LlmEvent.Finish(choice, finish, nativeFinish), new LlmEvent.Usage(usage));
    return new Relayed(out.toByteArray(), events);
  }

  private boolean isPlainText(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return false;
      boolean sawChoice = false;
      boolean sawUsage = false;
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken value = p.nextToken();
        switch (name) {
          case "choices" -> {
            if (sawChoice || value != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT || !choice(p, body)) return false;
            if (p.nextToken() != JsonToken.END_ARRAY) return false;
            sawChoice = true;
          }
          case "usage" -> {
            if (sawUsage || value != JsonToken.START_OBJECT || !usage(p)) return false;
            sawUsage = true;
          }
          case "error" -> {
            if (value != JsonToken.VALUE_NULL) return false;
          }
          default -> p.skipChildren(); // the gateway writes its own id, model, provider; other keys are dropped
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return false;
      return sawChoice && sawUsage && finishReason != null && textEnd > textStart + 2;
    } catch (IOException | RuntimeException e) {
      return false; // the canonical reader reports what is wrong with it
    }
  }

  private boolean choice(JsonParser p, byte[] body) throws IOException {
    boolean sawMessage = false;
    boolean sawIndex = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "index" -> {
          if (sawIndex || value != JsonToken.VALUE_NUMBER_INT) return false;
          int i = p.getIntValue();
          if (i < 0 || i > 1023) return false;
          choice = i;
          sawIndex = true;
        }
        case "message" -> {
          if (sawMessage || value != JsonToken.START_OBJECT || !message(p, body)) return false;
          sawMessage = true;
        }
        case "finish_reason" -> {
          if (value != JsonToken.VALUE_STRING || finishReason != null) return false;
          finishReason = p.getText();
        }
        case "native_finish_reason" -> {
          if (value == JsonToken.VALUE_STRING) nativeFinishReason = p.getText();
          else if (value != JsonToken.VALUE_NULL) return false;
        }
        default -> p.skipChildren(); // logprobs and unknown keys: the canonical path drops them too
      }
    }
    return sawMessage;
  }

  private boolean message(JsonParser p, byte[] body) throws IOException {
    boolean sawContent = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "content" -> {
          if (sawContent || value != JsonToken.VALUE_STRING) return false;
          long start = p.currentTokenLocation().getByteOffset();
          p.finishToken();
          long end = p.currentLocation().getByteOffset();
          if (start < 0 || end <= start + 1 || end > body.length || body[(int) start] != '"' || body[(int) end - 1] != '"') return false;
          textStart = (int) start;
          textEnd = (int) end;
          sawContent = true;
        }
        case "role" -> {
          if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) return false;
        }
        case "reasoning", "refusal" -> {
          if (value == JsonToken.VALUE_STRING ? p.getTextLength() != 0 : value != JsonToken.VALUE_NULL) return false;
        }
        case "tool_calls", "reasoning_details" -> {
          if (value != JsonToken.VALUE_NULL) return false;
        }
        default -> p.skipChildren(); // annotations, audio…: the canonical decoder does not read them
      }
    }
    return sawContent;
  }

  /** The token counts and cost the canonical reader takes from {@code usage}; any other key is the gateway's to write. */
  private boolean usage(JsonParser p) throws IOException {
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "prompt_tokens" -> promptTokens = count(p, value);
        case "completion_tokens" -> completionTokens = count(p, value);
        case "cost" -> {
          if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) reportedCost = p.getDoubleValue();
          else if (value != JsonToken.VALUE_NULL) return false;
        }
        case "prompt_tokens_details", "completion_tokens_details" -> {
          if (value == JsonToken.VALUE_NULL) continue;
          if (value != JsonToken.START_OBJECT) return false;
          String detail;
          while ((detail = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name + "." + detail) {
              case "prompt_tokens_details.cached_tokens" -> cachedTokens = Math.max(0, count(p, v));
              case "prompt_tokens_details.cache_write_tokens" -> cacheWriteTokens = Math.max(0, count(p, v));
              case "completion_tokens_details.reasoning_tokens" -> reasoningTokens = Math.max(0, count(p, v));
              default -> p.skipChildren();
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    return true;
  }

  /** An integer count, 0 for null; anything else makes the body the canonical reader's. */
  private static long count(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) return 0;
    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) throw new IOException("not an int");
    return p.getIntValue();
  }
}
