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
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
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
 * the machine, so the ratio is the figure to read. {@code --rounds N} measures every pair N times,
 * the two clients one right after the other with the first of them alternating, and logs each
 * round's ratio and their median, to show whether a ratio holds on a busy machine;
 * {@code --modes json,sse} and {@code --callers 1,64} narrow the run; {@code --priming N} sets the
 * calls each client makes before any timing.
 */
public final class SdkSuite {
  /**
   * {@code cpuMicrosPerCall} and {@code contextSwitchesPerCall} are this whole process's (the
   * client's threads, GC and JIT included) over the measured calls; context switches are read from
   * /proc and are -1 elsewhere. A client that hands each call between threads shows it there first.
   */
  public record Result(
      String sdk, String mode, int callers, int round, double seconds, long calls, long errors, double callsPerSecond, Summary latency,
      double cpuMicrosPerCall, double contextSwitchesPerCall, String firstError) {}

  /** This SDK's calls/s over openai-java's for one mode and caller count: each round's and their median. */
  public record Ratio(String mode, int callers, List<Double> rounds, double median) {}

  public record Output(String generated, boolean quick, Map<String, Object> settings, List<Result> results, List<Ratio> ratios) {}

  interface Call {
    void run() throws Exception;
  }

  public static void main(Args args) throws IOException {
    boolean quick = args.flag("quick");
    String base = args.string("url");
    Duration warmup = args.seconds("warmup", quick ? 1 : 5);
    Duration duration = args.seconds("duration", quick ? 2 : 15);
    List<Integer> callers = args.has("callers") ? Arrays.stream(args.string("callers").split(",")).map(Integer::valueOf).toList() : List.of(1, 64);
    List<String> modes = args.has("modes") ? List.of(args.string("modes").split(",")) : List.of("json", "sse");
    int rounds = (int) args.number("rounds", 1);

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

    calls.keySet().retainAll(modes);
    List<Result> results = new ArrayList<>();
    List<Ratio> ratios = new ArrayList<>();
    try {
      // class loading and the first compilations out of the way before any timing, for both clients
      int priming = (int) args.number("priming", quick ? 100 : 1000);
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
          List<Double> perRound = new ArrayList<>();
          for (int round = 1; round <= rounds; round++) {
            List<Map.Entry<String, Call>> order = new ArrayList<>(calls.get(mode).entrySet());
            if (round % 2 == 0) Collections.reverse(order);
            Map<String, Double> rate = new HashMap<>();
            for (Map.Entry<String, Call> e : order) {
              Result r = measure(e.getKey(), mode, c, round, warmup, duration, e.getValue());
              results.add(r);
              rate.put(r.sdk(), r.callsPerSecond());
              GatewaySuite.log(String.format(Locale.ROOT, "sdk %-12s %-4s %2d callers round %d: %.0f calls/s, p50 %.2f ms, p99 %.2f ms, %.0f µs CPU and %.1f context switches per call%s",
                  r.sdk(), r.mode(), r.callers(), round, r.callsPerSecond(), r.latency().p50() / 1000.0, r.latency().p99() / 1000.0,
                  r.cpuMicrosPerCall(), r.contextSwitchesPerCall(),
                  r.errors() > 0 ? ", errors " + r.errors() + " (" + r.firstError() + ")" : ""));
            }
            double ratio = rate.get("openrouter4j") / rate.get("openai-java");
            perRound.add(ratio);
            GatewaySuite.log(String.format(Locale.ROOT, "sdk ratio %-4s %2d callers round %d: openrouter4j / openai-java = %.2f", mode, c, round, ratio));
          }
          List<Double> sorted = new ArrayList<>(perRound);
          Collections.sort(sorted);
          double median = sorted.size() % 2 == 1
              ? sorted.get(sorted.size() / 2)
              : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
          ratios.add(new Ratio(mode, c, perRound, median));
          GatewaySuite.log(String.format(Locale.ROOT, "sdk ratio %-4s %2d callers, median of %d: %.2f %s", mode, c, rounds, median,
              perRound.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList()));
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
    settings.put("rounds", rounds);
    settings.put("server", base + " (simulator, 50 tokens, unpaced via x-simulate-tps: 0)");
    Path out = Path.of(args.string("out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), new Output(Instant.now().toString(), quick, settings, results, ratios));
  }

  static Result measure(String sdk, String mode, int callers, int round, Duration warmup, Duration duration, Call call) {
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
    long cpu0 = processCpuNanos();
    long switches0 = contextSwitches();
    measuring.set(true);
    long start = System.nanoTime();
    sleepNanos(duration.toNanos());
    measuring.set(false);
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpu = processCpuNanos() - cpu0;
    long switches = switches0 < 0 ? -1 : contextSwitches() - switches0;
    stop.set(true);
    try {
      finished.await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long n = Math.max(1, done.get());
    return new Result(sdk, mode, callers, round, seconds, done.get(), errors.get(), done.get() / seconds, Summary.of(latency.getIntervalHistogram()),
        cpu / 1000.0 / n, switches < 0 ? -1 : (double) switches / n, firstError[0]);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Voluntary and involuntary context switches of all this process's threads, or -1 without /proc. */
  private static long contextSwitches() {
    long total = 0;
    try (var tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.contains("ctxt_switches:")) total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
          }
        } catch (IOException threadEnded) {
          // a thread that ended meanwhile: its switches are gone from both readings' view
        }
      }
      return total;
    } catch (IOException | RuntimeException noProc) {
      return -1;
    }
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
