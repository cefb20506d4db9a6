package dev.openrouter4j.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.RequestLimits;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.sse.SseParser;
import dev.openrouter4j.gateway.account.Cost;
import dev.openrouter4j.gateway.chat.RequestReader;
import dev.openrouter4j.gateway.config.ConfigLoader;
import dev.openrouter4j.gateway.config.GatewayConfig;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.encode.ChatChunkEncoder;
import dev.openrouter4j.gateway.encode.ChatResultAssembler;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.provider.openai.ChatChunkDecoder;
import dev.openrouter4j.gateway.routing.EndpointStats;
import dev.openrouter4j.gateway.routing.RoutePlan;
import dev.openrouter4j.gateway.routing.RoutePlanner;
import dev.openrouter4j.gateway.routing.RouteRequest;
import dev.openrouter4j.gateway.routing.StickyRoutes;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The gateway's per-request stages, each called as {@code ChatCompletionsHandler} calls it, on a
 * typical request and the recorded OpenAI stream:
 *
 * <ul>
 *   <li>{@code parse}: {@code RequestReader.read}, bytes to a typed request (it runs the limits check too);
 *   <li>{@code validate}: {@code RequestLimits.check} alone, on the parsed JSON tree;
 *   <li>{@code route}: {@code RoutePlanner.plan} for a model with three load-balanced endpoints;
 *   <li>{@code decodeUpstream}: the upstream stream's bytes to canonical events ({@code SseParser} and
 *       {@code ChatChunkDecoder}), per upstream chunk;
 *   <li>{@code translateStream}: events to client chunks ({@code ChatChunkEncoder}), written as SSE
 *       bytes as {@code StreamReply} writes them, per chunk written;
 *   <li>{@code translateJson}: the same events folded by {@code ChatResultAssembler} into one
 *       {@code chat.completion}, written as JSON bytes;
 *   <li>{@code account}: {@code Cost.of}; {@code accountStats}: the endpoint statistics update the
 *       account stage also makes; {@code generationId}: the id minted for every request.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GatewayStagesBenchmark {
  /** Chunks the translate stage writes for the recording: 30 content deltas, the finish, the usage. */
  static final int TRANSLATED_CHUNKS = 32;

  static final String REQUEST =
      "{\"model\":\"bench/model\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
          + "{\"role\":\"user\",\"content\":\"What is the capital of France?\"}],\"temperature\":0.7,\"max_tokens\":150,\"stream\":true}";

  static final String CONFIG =
      """
      providers:
        - { id: alpha, kind: openai, base_url: "http://127.0.0.1:1/v1" }
        - { id: beta, kind: openai, base_url: "http://127.0.0.1:2/v1" }
        - { id: gamma, kind: openai, base_url: "http://127.0.0.1:3/v1" }
      models:
        - id: bench/model
          endpoints:
            - { provider: alpha, upstream_model: m, pricing: { prompt: 0.15, completion: 0.6 } }
            - { provider: beta, upstream_model: m, pricing: { prompt: 0.2, completion: 0.8 } }
            - { provider: gamma, upstream_model: m, pricing: { prompt: 0.1, completion: 0.4 } }
        - id: "*"
          endpoints: [ { provider: alpha } ]
      """;

  private final RequestReader<ChatRequest> reader = new RequestReader<>(ChatRequest.class, RequestLimits.Api.CHAT);
  private Buffer body;
  private JsonNode tree;
  private ChatRequest request;
  private RoutePlanner planner;
  private EndpointStats stats;
  private byte[] upstream;
  private List<LlmEvent> events;
  private Generation generation;
  private Pricing pricing;
  private TokenUsage usage;
  private long now;

  @Setup
  public void setup() throws IOException {
    byte[] bytes = REQUEST.getBytes(StandardCharsets.UTF_8);
    body = Buffer.buffer(bytes);
    tree = Json.mapper().readTree(bytes);
    request = reader.read(body);
    GatewayConfig config = ConfigLoader.parse(CONFIG, "bench", Map.of());
    stats = new EndpointStats();
    planner = new RoutePlanner(config, stats, new StickyRoutes(), ThreadLocalRandom.current(), System::currentTimeMillis);
    upstream = Fixtures.bytes(Fixtures.CHAT_STREAM);
    events = new ArrayList<>();
    int decoded = decodeUpstreamInto(events);
    if (decoded != Fixtures.CHAT_STREAM_CHUNKS) throw new IllegalStateException("decoded " + decoded + " upstream chunks");
    pricing = new Pricing(0.15, 0.6, 0, null, null);
    now = System.currentTimeMillis() / 1000;
    generation = new Generation(Generation.newId(now), now, "bench/model", "alpha", pricing);
    usage = events.stream().filter(e -> e instanceof LlmEvent.Usage).map(e -> ((LlmEvent.Usage) e).usage()).findFirst().orElseThrow();
    int written = translateStream(null);
    if (written != TRANSLATED_CHUNKS) throw new IllegalStateException("translated " + written + " chunks, expected " + TRANSLATED_CHUNKS);
    if (route().attempts().size() != 3) throw new IllegalStateException("expected three endpoints to try");
  }

  @Benchmark
  public ChatRequest parse() {
    return reader.read(body);
  }

  @Benchmark
  public Object validate() {
    return RequestLimits.check(tree, RequestLimits.Api.CHAT);
  }

  @Benchmark
  public RoutePlan route() {
    ChatRequest r = request;
    Integer maxTokens = r.maxCompletionTokens() != null ? r.maxCompletionTokens() : r.maxTokens();
    return planner.plan(new RouteRequest(r.model(), r.models(), r.provider(), Set.of(), maxTokens, null));
  }

  @Benchmark
  @OperationsPerInvocation(Fixtures.CHAT_STREAM_CHUNKS)
  public int decodeUpstream(Blackhole bh) {
    List<LlmEvent> out = new ArrayList<>(64);
    decodeUpstreamInto(out);
    bh.consume(out);
    return out.size();
  }

  private int decodeUpstreamInto(List<LlmEvent> out) {
    ChatChunkDecoder decoder = new ChatChunkDecoder();
    int[] chunks = {0};
    SseParser parser =
        new SseParser(e -> {
          if (e.isDone()) return;
          chunks[0]++;
          decoder.event(e, out::add);
        });
    parser.feed(upstream, 0, upstream.length);
    parser.end();
    decoder.end(out::add);
    return chunks[0];
  }

  @Benchmark
  @OperationsPerInvocation(TRANSLATED_CHUNKS)
  public int translateStream(Blackhole bh) {
    ChatChunkEncoder encoder = new ChatChunkEncoder(generation);
    int n = 0;
    for (LlmEvent e : events) {
      ChatStreamChunk chunk = encoder.encode(e);
      if (chunk != null) {
        write(chunk, bh);
        n++;
      }
    }
    ChatStreamChunk last = encoder.usageChunk();
    if (last != null) {
      write(last, bh);
      n++;
    }
    return n;
  }

  private static void write(ChatStreamChunk chunk, Blackhole bh) {
    try {
      byte[] json = Json.mapper().writeValueAsBytes(chunk);
      Buffer b = Buffer.buffer(json.length + 8).appendString("data: ").appendBytes(json).appendString("\n\n");
      if (bh != null) bh.consume(b);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public byte[] translateJson() throws IOException {
    ChatResultAssembler assembler = new ChatResultAssembler();
    for (LlmEvent e : events) assembler.accept(e);
    return Json.mapper().writeValueAsBytes(assembler.result(generation));
  }

  @Benchmark
  public Cost account() {
    return Cost.of(pricing, usage, "stop");
  }

  @Benchmark
  public EndpointStats accountStats() {
    stats.recordSuccess("alpha/m", 120, 85.5, System.currentTimeMillis());
    return stats;
  }

  @Benchmark
  public String generationId() {
    return Generation.newId(now);
  }
}
