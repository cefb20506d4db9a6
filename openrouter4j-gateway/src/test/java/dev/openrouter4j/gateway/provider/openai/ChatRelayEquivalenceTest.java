package dev.openrouter4j.gateway.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.sse.SseParser;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.encode.ChatChunkEncoder;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import dev.openrouter4j.gateway.provider.SseFrames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The relay fast path writes what the canonical path writes: every recorded OpenAI and OpenRouter
 * chat stream, fed in pieces of several sizes, gives the same client chunks both ways, compared as
 * JSON chunk by chunk. The client side is what {@code StreamReply} does with the chat dialect's
 * writer: events through {@link ChatChunkEncoder}, a failure ends the stream, the usage chunk last.
 */
class ChatRelayEquivalenceTest {
  static final Generation GENERATION = new Generation("gen-1700000000-abcdefghijklmnopqrst", 1_700_000_000L, "acme/model", "primary", new Pricing(1, 2, 0, null, null));

  static Stream<String> fixtures() {
    return Stream.of(
        "openai/chat-stream-text-usage.sse",
        "openai/chat-stream-n3-choices.sse",
        "openai/chat-stream-parallel-tool-calls.sse",
        "openai/chat-stream-refusal.sse",
        "openai/chat-stream-tool-call-obfuscation.sse",
        "openrouter/chat-stream-text-usage-cost.sse",
        "openrouter/chat-stream-reasoning-details.sse",
        "openrouter/chat-stream-midstream-error.sse");
  }

  static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(Path.of(System.getProperty("openrouter4j.shared", "../../shared"), "fixtures", name));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void bothPathsWriteTheSameChunks(String name) throws IOException {
    byte[] sse = fixture(name);
    List<JsonNode> canonical = canonical(sse);
    for (int piece : new int[] {sse.length, 1, 7, 64, 333}) {
      ClientStream fast = relay(sse, piece);
      assertSameChunks(canonical, fast.chunks, name + " in pieces of " + piece);
    }
  }

  @Test
  void textChunksAreRelayedNotDecoded() throws IOException {
    ClientStream openai = relay(fixture("openai/chat-stream-text-usage.sse"), Integer.MAX_VALUE);
    // 30 text deltas: the first goes through the canonical path (it carries the role), the rest are relayed
    assertEquals(29, openai.relayed, "relayed chunks");
    ClientStream n3 = relay(fixture("openai/chat-stream-n3-choices.sse"), Integer.MAX_VALUE);
    assertTrue(n3.relayed > 30, "each of the three choices is relayed after its first chunk: " + n3.relayed);
  }

  @Test
  void relayedChunksCarryOnlyTheGatewaysKeys() throws IOException {
    ClientStream fast = relay(fixture("openai/chat-stream-tool-call-obfuscation.sse"), Integer.MAX_VALUE);
    ClientStream text = relay(fixture("openai/chat-stream-text-usage.sse"), Integer.MAX_VALUE);
    for (ClientStream s : List.of(fast, text)) {
      for (JsonNode chunk : s.relayedChunks) {
        assertEquals(Set.of("id", "object", "created", "model", "choices", "provider"), names(chunk), chunk.toString());
        assertEquals(GENERATION.id(), chunk.get("id").asText());
        assertEquals("acme/model", chunk.get("model").asText());
        assertEquals("primary", chunk.get("provider").asText());
        assertEquals(Set.of("index", "delta", "finish_reason"), names(chunk.get("choices").get(0)));
        assertEquals(Set.of("content"), names(chunk.get("choices").get(0).get("delta")));
      }
    }
  }

  @Test
  void escapedAndNonAsciiTextIsCopiedIntact() {
    String text = "caf\\u00e9 \\\"quoted\\\" \\n naïve \\ud83d\\ude00 \\/ end";
    String sse = "data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"}}]}\n\n"
        + "data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}\n\n"
        + "data: [DONE]\n\n";
    byte[] bytes = sse.getBytes(StandardCharsets.UTF_8);
    ClientStream fast = relay(bytes, Integer.MAX_VALUE);
    assertEquals(1, fast.relayed);
    assertEquals("café \"quoted\" \n naïve \uD83D\uDE00 / end", fast.relayedChunks.get(0).at("/choices/0/delta/content").asText());
    assertSameChunks(canonical(bytes), fast.chunks, "escapes");
  }

  @Test
  void aChunkInsideALargerArrayIsFoundAtItsOffset() {
    ClientStream client = new ClientStream();
    ChatRelay relay = new ChatRelay(GENERATION);
    for (String json : List.of("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"one\"}}]}", "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"two\"}}]}")) {
      byte[] padded = ("xx{}\"" + json + "\"{}yy").getBytes(StandardCharsets.UTF_8);
      relay.chunk(padded, 5, json.length(), client);
    }
    assertEquals(1, client.relayed);
    assertEquals("two", client.relayedChunks.get(0).at("/choices/0/delta/content").asText());
  }

  @Test
  void chunksTheRelayCannotVouchForTakeTheCanonicalPath() {
    String first = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n";
    List<String> odd =
        List.of(
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"reasoning\":\"r\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"refusal\":\"no\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"tool_calls\":[{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"error\":{\"code\":502,\"message\":\"boom\"}}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"index\":1,\"delta\":{\"content\":\"b\"}}]}",
            "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"new choice\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"}}]}",
            "{\"choices\":[{\"index\":\"0\",\"delta\":{\"content\":\"a\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"content\":\"b\"}}]}");
    for (String chunk : odd) {
      byte[] sse = (first + "data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8);
      ClientStream fast = relay(sse, Integer.MAX_VALUE);
      assertEquals(0, fast.relayed, chunk);
      assertSameChunks(canonical(sse), fast.chunks, chunk);
    }
  }

  /** The comparison itself notices a broken fast path: each break below must make it fail. */
  @Test
  void theComparisonCatchesABrokenRelay() throws IOException {
    byte[] sse = fixture("openrouter/chat-stream-text-usage-cost.sse");
    List<JsonNode> canonical = canonical(sse);
    List<JsonNode> good = relay(sse, Integer.MAX_VALUE).chunks;
    assertSameChunks(canonical, good, "unbroken");

    List<JsonNode> upstreamModel = copy(good);
    ((ObjectNode) upstreamModel.get(3)).put("model", "openai/gpt-4o");
    List<JsonNode> unknownKept = copy(good);
    ((ObjectNode) unknownKept.get(3)).put("system_fingerprint", "fp_1");
    List<JsonNode> costMissing = copy(good);
    ((ObjectNode) costMissing.get(costMissing.size() - 1).get("usage")).remove("cost");
    List<JsonNode> chunkLost = copy(good);
    chunkLost.remove(5);
    for (List<JsonNode> broken : List.of(upstreamModel, unknownKept, costMissing, chunkLost)) {
      assertNotEquals(comparable(canonical), comparable(broken));
    }
  }

  @ParameterizedTest
  @MethodSource("completions")
  void bothPathsWriteTheSameCompletion(String body, boolean relayable) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<LlmEvent> events = new ArrayList<>();
    ChatChunkDecoder.decodeResult(bytes, events::add);
    dev.openrouter4j.gateway.encode.ChatResultAssembler assembler = new dev.openrouter4j.gateway.encode.ChatResultAssembler();
    events.forEach(assembler::accept);
    JsonNode canonical = Json.mapper().readTree(Json.mapper().writeValueAsBytes(assembler.result(GENERATION)));

    ChatCompletionRelay.Relayed relayed = ChatCompletionRelay.relay(bytes, GENERATION);
    assertEquals(relayable, relayed != null, body);
    if (relayed == null) return;
    assertEquals(comparable(List.of(canonical)), comparable(List.of(Json.mapper().readTree(relayed.body()))), body);
    // what accounting gets: the same usage and finish reason
    dev.openrouter4j.gateway.encode.ChatResultAssembler facts = new dev.openrouter4j.gateway.encode.ChatResultAssembler();
    relayed.events().forEach(facts::accept);
    assertEquals(assembler.usage(), facts.usage());
    assertEquals(assembler.finishReason(), facts.finishReason());
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> completions() throws IOException {
    String head = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"up\",\"system_fingerprint\":\"fp\",\"choices\":[{\"index\":0,";
    String usage = ",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17,\"prompt_tokens_details\":{\"cached_tokens\":4,\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":2},\"cost\":0.5}";
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(new String(fixture("openai/chat-completion-nonstream.json"), StandardCharsets.UTF_8), true),
        org.junit.jupiter.params.provider.Arguments.of(new String(fixture("openrouter/chat-completion-nonstream-usage-cost.json"), StandardCharsets.UTF_8), true),
        org.junit.jupiter.params.provider.Arguments.of(head + "\"message\":{\"role\":\"assistant\",\"content\":\"caf\\u00e9 \\\"q\\\" naïve\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"max_tokens\"}]" + usage + ",\"service_tier\":\"default\"}", true),
        org.junit.jupiter.params.provider.Arguments.of(head + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\",\"native_finish_reason\":\"end_turn\"}]" + usage + "}", true),
        org.junit.jupiter.params.provider.Arguments.of(head + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]" + usage + "}", false),
        org.junit.jupiter.params.provider.Arguments.of(head + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\",\"reasoning\":\"because\"},\"finish_reason\":\"stop\"}]" + usage + "}", false),
        org.junit.jupiter.params.provider.Arguments.of(head + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}", false),
        org.junit.jupiter.params.provider.Arguments.of(head + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":null}]" + usage + "}", false),
        org.junit.jupiter.params.provider.Arguments.of(head + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\"stop\"}]" + usage + "}", false),
        org.junit.jupiter.params.provider.Arguments.of(head + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"},{\"index\":1,\"message\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]" + usage + "}", false),
        org.junit.jupiter.params.provider.Arguments.of(head + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1.5}}", false));
  }

  // ---------------------------------------------------------------------------------------------

  static void assertSameChunks(List<JsonNode> expected, List<JsonNode> actual, String what) {
    assertEquals(comparable(expected), comparable(actual), what);
  }

  /** The chunks as one JSON array text per chunk, keys sorted: equal JSON values compare equal. */
  static List<String> comparable(List<JsonNode> chunks) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : chunks) out.add(sorted(c).toString());
    return out;
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = Json.mapper().createObjectNode();
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      for (String k : keys) o.set(k, sorted(node.get(k)));
      return o;
    }
    if (node.isArray()) {
      var a = Json.mapper().createArrayNode();
      for (JsonNode e : node) a.add(sorted(e));
      return a;
    }
    return node;
  }

  private static List<JsonNode> copy(List<JsonNode> chunks) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : chunks) out.add(c.deepCopy());
    return out;
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new java.util.TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
    return names;
  }

  /** The canonical path: SseParser, ChatChunkDecoder, ChatChunkEncoder. */
  static List<JsonNode> canonical(byte[] sse) {
    ClientStream client = new ClientStream();
    ChatChunkDecoder decoder = new ChatChunkDecoder();
    SseParser parser = new SseParser(e -> {
      if (!e.isDone()) decoder.event(e, client::event);
    });
    parser.feed(sse);
    parser.end();
    decoder.end(client::event);
    client.end();
    return client.chunks;
  }

  /** The relay fast path: SseFrames and ChatRelay, the upstream bytes fed in pieces of {@code piece}. */
  static ClientStream relay(byte[] sse, int piece) {
    ClientStream client = new ClientStream();
    ChatRelay relay = new ChatRelay(GENERATION);
    SseFrames frames = new SseFrames((b, off, len) -> {
      String data = new String(b, off, len, StandardCharsets.UTF_8);
      if (!data.equals("[DONE]")) relay.chunk(b, off, len, client);
    }, 1 << 20);
    for (int i = 0; i < sse.length; i += piece) frames.feed(sse, i, Math.min(piece, sse.length - i));
    frames.end();
    relay.end(client::event);
    client.end();
    return client;
  }

  /** What a chat client receives, as StreamReply writes it. */
  static final class ClientStream implements EventSink {
    final ChatChunkEncoder encoder = new ChatChunkEncoder(GENERATION);
    final List<JsonNode> chunks = new ArrayList<>();
    final List<JsonNode> relayedChunks = new ArrayList<>();
    int relayed;
    boolean finished;

    @Override
    public void event(LlmEvent event) {
      if (finished) return;
      if (event instanceof LlmEvent.Failure f) {
        add(encoder.failure(f));
        finished = true;
        return;
      }
      add(encoder.encode(event));
    }

    @Override
    public void relayed(byte[] frames, int offset, int length, int textBytes) {
      String text = new String(frames, offset, length, StandardCharsets.UTF_8);
      assertTrue(textBytes > 0 && textBytes < length, "the text is part of the frame: " + textBytes + " of " + length);
      assertTrue(text.startsWith("data: ") && text.endsWith("\n\n"), text);
      JsonNode chunk = read(text.substring(6, text.length() - 2));
      chunks.add(chunk);
      relayedChunks.add(chunk);
      relayed++;
    }

    @Override
    public void end() {
      if (!finished) add(encoder.usageChunk());
      finished = true;
    }

    @Override
    public void fail(Throwable cause) {
      throw new AssertionError(cause);
    }

    private void add(ChatStreamChunk chunk) {
      if (chunk == null) return;
      try {
        chunks.add(read(Json.mapper().writeValueAsString(chunk)));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    private static JsonNode read(String json) {
      try {
        return Json.mapper().readTree(json);
      } catch (IOException e) {
        throw new AssertionError(json, e);
      }
    }
  }
}
