package dev.openrouter4j.bench.jmh;

import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.sse.SseParser;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.encode.ChatChunkEncoder;
import dev.openrouter4j.gateway.encode.ChatResultAssembler;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import dev.openrouter4j.gateway.provider.SseFrames;
import dev.openrouter4j.gateway.provider.openai.ChatChunkDecoder;
import dev.openrouter4j.gateway.provider.openai.ChatCompletionRelay;
import dev.openrouter4j.gateway.provider.openai.ChatRelay;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A recorded OpenAI stream relayed to a chat completions client, upstream SSE bytes in, client SSE
 * bytes out, per upstream chunk: {@code relayCanonical} is the canonical path ({@code SseParser},
 * {@code ChatChunkDecoder} into events, {@code ChatChunkEncoder} and Jackson back to chunks);
 * {@code relayFast} the relay fast path ({@code SseFrames}, {@code ChatRelay}: text chunks copied
 * with the gateway's keys, the others through the same canonical classes). Both end with the
 * gateway's usage chunk and write every frame into one growing buffer, as {@code StreamReply} does.
 * {@code completionCanonical} and {@code completionFast} do the same for a recorded whole {@code
 * chat.completion}, per response: {@code decodeResult}, {@code ChatResultAssembler} and Jackson
 * against {@code ChatCompletionRelay}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChatRelayBenchmark {
  private byte[] upstream;
  private Generation generation;
  private final Client client = new Client();

  private byte[] completion;

  @Setup
  public void setup() {
    upstream = Fixtures.bytes(Fixtures.CHAT_STREAM);
    completion = Fixtures.bytes(Fixtures.CHAT_COMPLETION);
    if (ChatCompletionRelay.relay(completion, new Generation("gen-1", 1, "m", "p", null)) == null) {
      throw new IllegalStateException("the recorded completion does not take the fast path");
    }
    long now = System.currentTimeMillis() / 1000;
    generation = new Generation(Generation.newId(now), now, "bench/model", "alpha", new Pricing(0.15, 0.6, 0, null, null));
    int canonical = relayCanonical();
    int fast = relayFast();
    if (canonical != fast) throw new IllegalStateException("the two paths wrote " + canonical + " and " + fast + " bytes");
  }

  @Benchmark
  @OperationsPerInvocation(Fixtures.CHAT_STREAM_CHUNKS)
  public int relayCanonical() {
    client.reset(new ChatChunkEncoder(generation));
    ChatChunkDecoder decoder = new ChatChunkDecoder();
    SseParser parser = new SseParser(e -> {
      if (!e.isDone()) decoder.event(e, client::event);
    });
    parser.feed(upstream, 0, upstream.length);
    parser.end();
    decoder.end(client::event);
    client.end();
    return client.length;
  }

  @Benchmark
  @OperationsPerInvocation(Fixtures.CHAT_STREAM_CHUNKS)
  public int relayFast() {
    client.reset(new ChatChunkEncoder(generation));
    ChatRelay relay = new ChatRelay(generation);
    SseFrames frames = new SseFrames((b, off, len) -> {
      if (!(len == 6 && b[off] == '[')) relay.chunk(b, off, len, client);
    }, 1 << 20);
    frames.feed(upstream, 0, upstream.length);
    frames.end();
    relay.end(client::event);
    client.end();
    return client.length;
  }

  @Benchmark
  public byte[] completionCanonical() throws java.io.IOException {
    ChatResultAssembler assembler = new ChatResultAssembler();
    ChatChunkDecoder.decodeResult(completion, assembler::accept);
    return Json.mapper().writeValueAsBytes(assembler.result(generation));
  }

  @Benchmark
  public byte[] completionFast() {
    return ChatCompletionRelay.relay(completion, generation).body();
  }

  /** The client's side of the stream: events encoded as the chat dialect does, relayed bytes appended. */
  static final class Client implements EventSink {
    private ChatChunkEncoder encoder;
    private byte[] out = new byte[16 * 1024];
    int length;

    void reset(ChatChunkEncoder encoder) {
      this.encoder = encoder;
      length = 0;
    }

    @Override
    public void event(LlmEvent event) {
      frame(event instanceof LlmEvent.Failure f ? encoder.failure(f) : encoder.encode(event));
    }

    @Override
    public void relayed(byte[] frames, int offset, int length, int textBytes) {
      append(frames, offset, length);
    }

    @Override
    public void end() {
      frame(encoder.usageChunk());
    }

    @Override
    public void fail(Throwable cause) {
      throw new IllegalStateException(cause);
    }

    private void frame(ChatStreamChunk chunk) {
      if (chunk == null) return;
      try {
        byte[] json = Json.mapper().writeValueAsBytes(chunk);
        append(DATA, 0, DATA.length);
        append(json, 0, json.length);
        append(BLANK, 0, BLANK.length);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private void append(byte[] b, int off, int len) {
      if (length + len > out.length) out = Arrays.copyOf(out, Math.max(length + len, out.length * 2));
      System.arraycopy(b, off, out, length, len);
      length += len;
    }

    private static final byte[] DATA = "data: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] BLANK = "\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
