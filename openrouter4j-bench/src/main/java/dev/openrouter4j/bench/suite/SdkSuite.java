package dev.openrouter4j.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.RetryConfig;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.bench.Args;
import dev.openrouter4j.bench.load.Summary;
import dev.openrouter4j.bench.load.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Each SDK end to end against the same loopback server (the simulator, answering 50 tokens without
 * pacing): calls per second with 1 and with 64 callers in a closed loop, each caller a platform
 * thread issuing one call after another, buffered ({@code send}) and streamed (every chunk read).
 * Both clients with their defaults, retries off; the load generator, the SDKs and the server share
 * the machine, so the ratio is the figure to read.
 */
public final class SdkSuite {
  public record Result(String sdk, String mode, int callers, double seconds, long calls, long errors, double callsPerSecond, Summary latency, String firstError) {}

  public record Output(String generated, boolean quick, Map<String, Object> settings, List<Result> results) {}

  interface Call {
    void run() throws Exception;
  }

  public static void main(Args args) throws IOException {
    boolean quick = args.flag("quick");
    String base = args.string("url");
    Duration warmup = args.seconds("warmup", quick ? 1 : 5);
    Duration duration = args.seconds("duration", quick ? 2 : 15);
    List<Integer> callers = List.of(1, 64);

    OpenRouter ours =
        OpenRouter.builder().apiKey("bench").serverUrl(base).header("x-simulate-tps", "0").retryConfig(RetryConfig.none()).build();
    OpenAIClient theirs = OpenAIOkHttpClient.builder().baseUrl(base).apiKey("bench").putHeader("x-simulate-tps", "0").maxRetries(0).build();
    ChatRequest request = ChatRequest.builder().model("simulated").messages(ChatMessage.user(Target.PROMPT)).build();
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("simulated").addUserMessage(Target.PROMPT).build();

    Map<String, Map<String, Call>> calls = new LinkedHashMap<>();
    calls.put("json", new LinkedHashMap<>());
    calls.put("sse", new LinkedHashMap<>());
    calls.get("json").put("openrouter4j", () -> {
      if (ours.chat().send(request).text().isEmpty()) throw new IllegalStateException("empty answer");
    });
    calls.get("json").put("openai-java", () -> {
      if (theirs.chat().completions().create(params).choices().isEmpty()) throw new IllegalStateException("empty answer");
    });
    calls.get("sse").put("openrouter4j", () -> {
      int n = 0;
      try (EventStream<ChatStreamChunk> s = ours.chat().stream(request)) {
        for (ChatStreamChunk ignored : s) n++;
      }
      if (n == 0) throw new IllegalStateException("empty stream");
    });
    calls.get("sse").put("openai-java", () -> {
      long n;
      try (StreamResponse<ChatCompletionChunk> s = theirs.chat().completions().createStreaming(params)) {
        n = s.stream().count();
      }
      if (n == 0) throw new IllegalStateException("empty stream");
    });

    List<Result> results = new ArrayList<>();
    try {
      // class loading and the first compilations out of the way before any timing, for both clients
      int priming = quick ? 100 : 1000;
      for (Map<String, Call> byMode : calls.values()) {
        for (Call c : byMode.values()) {
          for (int i = 0; i < priming; i++) {
            try {
              c.run();
            } catch (Exception e) {
              GatewaySuite.log("priming call failed: " + e);
              break;
            }
          }
        }
      }
      for (String mode : calls.keySet()) {
        for (int c : callers) {
          for (Map.Entry<String, Call> e : calls.get(mode).entrySet()) {
            Result r = measure(e.getKey(), mode, c, warmup, duration, e.getValue());
            results.add(r);
            GatewaySuite.log(String.format(Locale.ROOT, "sdk %-12s %-4s %2d callers: %.0f calls/s, p50 %.2f ms, p99 %.2f ms%s",
                r.sdk(), r.mode(), r.callers(), r.callsPerSecond(), r.latency().p50() / 1000.0, r.latency().p99() / 1000.0,
                r.errors() > 0 ? ", errors " + r.errors() + " (" + r.firstError() + ")" : ""));
          }
        }
      }
    } finally {
      ours.close();
      theirs.close();
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("warmupSeconds", warmup.toMillis() / 1000.0);
    settings.put("measureSeconds", duration.toMillis() / 1000.0);
    settings.put("callers", callers);
    settings.put("server", base + " (simulator, 50 tokens, unpaced via x-simulate-tps: 0)");
    Path out = Path.of(args.string("out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), new Output(Instant.now().toString(), quick, settings, results));
  }

  static Result measure(String sdk, String mode, int callers, Duration warmup, Duration duration, Call call) {
    Recorder latency = new Recorder(3_600_000_000L, 3);
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    String[] firstError = {null};
    CountDownLatch finished = new CountDownLatch(callers);
    for (int i = 0; i < callers; i++) {
      Thread.ofPlatform().daemon().name("caller-" + i).start(() -> {
        try {
          while (!stop.get()) {
            long t0 = System.nanoTime();
            boolean counted = measuring.get();
            try {
              call.run();
              if (counted && measuring.get()) {
                latency.recordValue(Math.min(3_600_000_000L, (System.nanoTime() - t0) / 1000));
                done.incrementAndGet();
              }
            } catch (Exception | Error ex) {
              if (counted) errors.incrementAndGet();
              synchronized (firstError) {
                if (firstError[0] == null) firstError[0] = ex.getClass().getSimpleName() + ": " + ex.getMessage();
              }
            }
          }
        } finally {
          finished.countDown();
        }
      });
    }
    sleepNanos(warmup.toNanos());
    latency.reset();
    measuring.set(true);
    long start = System.nanoTime();
    sleepNanos(duration.toNanos());
    measuring.set(false);
    double seconds = (System.nanoTime() - start) / 1e9;
    stop.set(true);
    try {
      finished.await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long n = done.get();
    return new Result(sdk, mode, callers, seconds, n, errors.get(), n / seconds, Summary.of(latency.getIntervalHistogram()), firstError[0]);
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(Duration.ofNanos(nanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
