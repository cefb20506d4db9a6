package dev.openrouter4j.bench.jmh;

import com.fasterxml.jackson.databind.ObjectReader;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.RetryConfig;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.sse.SseEvent;
import dev.openrouter4j.api.sse.SseParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SSE decoding, one recorded OpenAI chat stream per invocation, scored per decoded chunk (so the
 * score is events per second and {@code gc.alloc.rate.norm} is bytes allocated per event).
 *
 * <p>{@code openrouter4jStream} and {@code openaiJavaStream} are each SDK's public streaming call,
 * {@code chat().stream(...)} and {@code chat().completions().createStreaming(...)}, over a transport
 * that answers in memory with the recorded bytes: the SDK's SSE handling and JSON mapping of every
 * chunk, plus its fixed per-call work (one small request encoded, headers, the response wrapped),
 * with no network. {@code openrouter4jParseDecode} is this project's two decoding steps alone:
 * {@link SseParser} and Jackson binding of {@link ChatStreamChunk}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SseDecodeBenchmark {
  private byte[] stream;
  private OpenRouter openRouter;
  private ChatRequest request;
  private OpenAIClient openAi;
  private ChatCompletionCreateParams params;
  private final ObjectReader chunkReader = Json.mapper().readerFor(ChatStreamChunk.class);

  @Setup
  public void setup() {
    stream = Fixtures.bytes(Fixtures.CHAT_STREAM);
    openRouter =
        OpenRouter.builder()
            .apiKey("bench")
            .serverUrl("http://127.0.0.1:9/api/v1")
            .retryConfig(RetryConfig.none())
            .httpClient(new CannedJdkHttpClient(200, "text/event-stream", stream))
            .build();
    request = ChatRequest.builder().model("openai/gpt-4o").messages(ChatMessage.user("Say this is a test")).build();
    openAi =
        new OpenAIClientImpl(
            ClientOptions.builder()
                .apiKey("bench")
                .baseUrl("http://127.0.0.1:9/v1")
                .maxRetries(0)
                .httpClient(new CannedOpenAiHttpClient(200, "text/event-stream", stream))
                .build());
    params = ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Say this is a test").build();
    // both must see every chunk of the recording, or the per-event scores would not compare
    check("openrouter4jStream", openrouter4jStream(null));
    check("openaiJavaStream", openaiJavaStream(null));
    check("openrouter4jParseDecode", openrouter4jParseDecode(null));
  }

  @TearDown
  public void tearDown() {
    openRouter.close();
    openAi.close();
  }

  private static void check(String what, int chunks) {
    if (chunks != Fixtures.CHAT_STREAM_CHUNKS) {
      throw new IllegalStateException(what + " decoded " + chunks + " chunks, expected " + Fixtures.CHAT_STREAM_CHUNKS);
    }
  }

  @Benchmark
  @OperationsPerInvocation(Fixtures.CHAT_STREAM_CHUNKS)
  public int openrouter4jStream(Blackhole bh) {
    int n = 0;
    try (EventStream<ChatStreamChunk> events = openRouter.chat().stream(request)) {
      for (ChatStreamChunk chunk : events) {
        if (bh != null) bh.consume(chunk);
        n++;
      }
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(Fixtures.CHAT_STREAM_CHUNKS)
  public int openaiJavaStream(Blackhole bh) {
    int[] n = {0};
    try (StreamResponse<ChatCompletionChunk> response = openAi.chat().completions().createStreaming(params);
        Stream<ChatCompletionChunk> chunks = response.stream()) {
      chunks.forEach(chunk -> {
        if (bh != null) bh.consume(chunk);
        n[0]++;
      });
    }
    return n[0];
  }

  @Benchmark
  @OperationsPerInvocation(Fixtures.CHAT_STREAM_CHUNKS)
  public int openrouter4jParseDecode(Blackhole bh) {
    List<SseEvent> events = new ArrayList<>(40);
    SseParser parser = new SseParser(events::add);
    parser.feed(stream, 0, stream.length);
    parser.end();
    int n = 0;
    try {
      for (SseEvent e : events) {
        if (e.isDone()) break;
        ChatStreamChunk chunk = chunkReader.readValue(e.data());
        if (bh != null) bh.consume(chunk);
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }
}
