package dev.openrouter4j.gateway.provider.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.function.Consumer;

/**
 * The relay fast path for one attempt: an OpenAI-format upstream's chunks for a client that speaks
 * chat completions too. The chunks that make up nearly all of a stream, one choice adding text to
 * a message the client has already seen, are checked by one streaming pass over their bytes and
 * written to the client with only what the gateway owns replaced ({@code id}, {@code created},
 * {@code model}, {@code provider}; every other key dropped) and the text copied as the upstream
 * escaped it. Every other chunk (the first, finish reasons, usage, errors, tool calls, reasoning,
 * refusals, several choices, anything unexpected) goes through {@link ChatChunkDecoder} into
 * canonical events, so accounting, fallback and the closing usage chunk see exactly what they see
 * on the canonical path. Both paths write the same chunks: {@code ChatRelayEquivalenceTest}.
 */
public final class ChatRelay {
  private static final JsonFactory JSON = Json.mapper().getFactory();
  private static final byte[] DELTA_CONTENT = ascii(",\"delta\":{\"content\":");

  private final ChatChunkDecoder decoder = new ChatChunkDecoder();
  /** {@code data: {"id":…,"object":…,"created":…,"model":…,"choices":[{"index":} */
  private final byte[] head;
  /** {@code },"finish_reason":null}],"provider":…}} and the blank line */
  private final byte[] tail;
  /** Choices the client has had a chunk for: the canonical encoder sends the role on the first. */
  private final BitSet roleSent = new BitSet();
  private byte[] out = new byte[512];

  // what the scan found in the current chunk
  private int choice;
  private int textStart;
  private int textEnd;

  public ChatRelay(Generation generation) {
    String template = json(generation);
    this.head = head(template);
    this.tail = tail(template);
  }

  /** One upstream chunk's JSON: relayed as it is when it can be, else decoded into events. */
  public void chunk(byte[] json, int offset, int length, EventSink sink) {
    if (isPlainText(json, offset, length)) {
      sink.relayed(out, 0, write(json), textEnd - textStart - 2); // the string's bytes, quotes aside
      return;
    }
    decoder.event(json, offset, length, event -> {
      int c = clientChunkChoice(event);
      if (c >= 0) roleSent.set(c);
      sink.event(event);
    });
  }

  /** The upstream body ended. */
  public void end(Consumer<LlmEvent> out) {
    decoder.end(out);
  }

  /**
   * The choice whose chunk this event makes {@code ChatChunkEncoder} write (and so mark as having
   * had its role), or -1 for the events it writes nothing for.
   */
  static int clientChunkChoice(LlmEvent e) {
    return switch (e) {
      case LlmEvent.TextDelta t -> t.choice();
      case LlmEvent.ReasoningDelta r -> r.choice();
      case LlmEvent.ReasoningEncrypted r -> r.choice();
      case LlmEvent.ReasoningSummaryDelta r -> r.choice();
      case LlmEvent.RefusalDelta r -> r.choice();
      case LlmEvent.ToolCallStart t -> t.choice();
      case LlmEvent.ToolCallDelta t -> t.choice();
      case LlmEvent.Finish f -> f.choice();
      case LlmEvent.Start s -> -1;
      case LlmEvent.ToolCallEnd t -> -1;
      case LlmEvent.Usage u -> -1;
      case LlmEvent.Failure f -> -1;
    };
  }

  private int write(byte[] json) {
    int textLength = textEnd - textStart;
    int digits = choice < 10 ? 1 : Integer.toString(choice).length();
    int n = head.length + digits + DELTA_CONTENT.length + textLength + tail.length;
    if (out.length < n) out = new byte[Math.max(n, out.length * 2)];
    int at = put(head, 0);
    if (digits == 1) {
      out[at++] = (byte) ('0' + choice);
    } else {
      at = put(ascii(Integer.toString(choice)), at);
    }
    at = put(DELTA_CONTENT, at);
    System.arraycopy(json, textStart, out, at, textLength);
    at += textLength;
    return put(tail, at);
  }

  private int put(byte[] bytes, int at) {
    System.arraycopy(bytes, 0, out, at, bytes.length);
    return at + bytes.length;
  }

  /**
   * Whether the chunk is exactly one choice adding non-empty text, with nothing else the canonical
   * path would act on: no finish reason, usage, error, reasoning, refusal or tool call, every value
   * of the type the canonical reader expects. Anything else, or anything in doubt, is left to the
   * canonical path. Records the choice and where the text's JSON string is.
   */
  private boolean isPlainText(byte[] json, int offset, int length) {
    try (JsonParser p = JSON.createParser(json, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return false;
      boolean sawChoice = false;
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken value = p.nextToken();
        switch (name) {
          case "choices" -> {
            if (value != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT || !choice(p, json, offset)) return false;
            if (p.nextToken() != JsonToken.END_ARRAY || sawChoice) return false;
            sawChoice = true;
          }
          case "usage", "error" -> {
            if (value != JsonToken.VALUE_NULL) return false;
          }
          default -> p.skipChildren(); // the gateway writes its own id, model, provider; other keys are dropped
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return false;
      return sawChoice && textEnd > textStart + 2 && roleSent.get(choice);
    } catch (IOException | RuntimeException e) {
      return false; // the canonical reader reports what is wrong with it
    }
  }

  private boolean choice(JsonParser p, byte[] json, int offset) throws IOException {
    choice = 0;
    textStart = textEnd = 0;
    boolean sawIndex = false;
    boolean sawDelta = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "index" -> {
          if (value != JsonToken.VALUE_NUMBER_INT || sawIndex) return false;
          int i = p.getIntValue();
          if (i < 0 || i > 1023) return false;
          choice = i;
          sawIndex = true;
        }
        case "delta" -> {
          if (value != JsonToken.START_OBJECT || sawDelta || !delta(p, json, offset)) return false;
          sawDelta = true;
        }
        case "finish_reason", "native_finish_reason" -> {
          if (value != JsonToken.VALUE_NULL) return false;
        }
        default -> p.skipChildren(); // logprobs and unknown keys: the canonical path drops them too
      }
    }
    return sawDelta;
  }

  private boolean delta(JsonParser p, byte[] json, int offset) throws IOException {
    boolean sawContent = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "content" -> {
          if (value != JsonToken.VALUE_STRING || sawContent) return false;
          long start = p.currentTokenLocation().getByteOffset();
          p.finishToken();
          long end = p.currentLocation().getByteOffset();
          if (!rawString(json, offset, start, end)) return false;
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
        default -> p.skipChildren(); // audio, images, annotations…: the canonical decoder does not read them
      }
    }
    return sawContent;
  }

  /**
   * Records where the string token is in the input (the parser counts from {@code offset}),
   * checking that the two ends are its quotes.
   */
  private boolean rawString(byte[] json, int offset, long start, long end) {
    if (start < 0 || end <= start + 1) return false;
    int s = offset + (int) start;
    int e = offset + (int) end;
    if (e > json.length || json[s] != '"' || json[e - 1] != '"') return false;
    textStart = s;
    textEnd = e;
    return true;
  }

  private static byte[] head(String json) {
    // everything up to the first choice's index
    String prefix = json.substring(0, json.indexOf("\"choices\":[") + "\"choices\":[".length());
    return utf8("data: " + prefix + "{\"index\":");
  }

  private static byte[] tail(String json) {
    String after = json.substring(json.indexOf("\"choices\":[") + "\"choices\":[".length() + 1); // past ']'
    return utf8("},\"finish_reason\":null}]" + after + "\n\n");
  }

  /** The chunk as the canonical encoder writes it, with empty choices: the gateway's keys, escaped by Jackson. */
  private static String json(Generation g) {
    ChatStreamChunk chunk =
        new ChatStreamChunk(g.id(), ChatStreamChunk.OBJECT, g.created(), g.model(), java.util.List.of(), null, null, null, g.provider(), null, null, null);
    try {
      return Json.mapper().writeValueAsString(chunk);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
