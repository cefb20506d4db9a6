package dev.openrouter4j.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.openrouter4j.bench.Args;
import dev.openrouter4j.bench.load.LoadGenerator;
import dev.openrouter4j.bench.load.LoadGenerator.Mode;
import dev.openrouter4j.bench.load.StepResult;
import dev.openrouter4j.bench.load.StreamHolder;
import dev.openrouter4j.bench.load.Target;
import dev.openrouter4j.bench.proc.ProcStats;
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

/**
 * The gateway benchmarks, against processes bench/run.sh started: the same requests at the same
 * rates straight to the simulated upstream ("direct"), through this gateway, and through Portkey,
 * one after the other at each rate so that drift on a shared machine hits all three alike; then
 * the highest rate each sustains; then resident memory idle and under many open streams. Writes
 * everything as JSON for the report.
 */
public final class GatewaySuite {
  /** An upstream timing profile: a simulator, and the gateway model routed to it. */
  record Profile(String name, long ttftMs, String simulatorUrl, String gatewayModel, long simulatorPid) {}

  /** One rate in one mode, the three paths side by side; CPU is each server process's, for the whole step. */
  public record Run(
      String profile, String mode, double rate, long requestsPerTarget, Map<String, StepResult> results, Map<String, Long> cpuMillis) {}

  public record Rung(double rate, double errorRate, long p99Micros, double achievedRate, Map<String, Long> errorKinds) {}

  /** The highest ladder rate with under 1 % errors (late answers included), and the rung that failed. */
  public record MaxRate(String profile, String mode, String target, double sustained, Double failedAt, List<Rung> rungs) {}

  /**
   * {@code upstream}: {@code socket} when every stream also held a connection to the hold simulator,
   * {@code in-process} when the gateway's open-file limit allowed no second socket per stream and the
   * streams went to its in-process simulated model instead.
   */
  public record StreamsRss(int requested, Long rssBytes, StreamHolder.Counts counts, String skipped, String upstream) {
    public StreamsRss(int requested, Long rssBytes, StreamHolder.Counts counts, String skipped) {
      this(requested, rssBytes, counts, skipped, "socket");
    }
  }

  public record Memory(String target, long idleRssBytes, List<StreamsRss> streams) {}

  public record Availability(String target, Map<String, String> problems) {}

  public record Output(
      String generated,
      boolean quick,
      Map<String, Object> settings,
      List<Availability> availability,
      List<Run> runs,
      List<MaxRate> maxRates,
      List<Memory> memory) {}

  private final Args args;
  private final boolean quick;
  private final ProcStats proc = ProcStats.system();
  private final LoadGenerator generator;
  private final List<Profile> profiles = new ArrayList<>();
  /** A simulator that sends a token every 5 s: streams through it stay open for the memory figures. */
  private final Profile hold;
  /** The gateway's in-process simulated model that holds streams open, or "": see {@link #streams}. */
  private final String holdLocalModel;
  private final String gatewayBase;
  private final String portkeyBase;
  private final long gatewayPid;
  private final long portkeyPid;
  private final Map<String, Map<String, String>> problems = new LinkedHashMap<>();

  GatewaySuite(Args args) {
    this.args = args;
    this.quick = args.flag("quick");
    this.gatewayBase = args.string("gateway");
    this.gatewayPid = args.number("gateway-pid", -1);
    this.portkeyBase = args.string("portkey", "");
    this.portkeyPid = args.number("portkey-pid", -1);
    profiles.add(new Profile("ttft0", 0, args.string("sim0"), "bench/ttft0", args.number("sim0-pid", -1)));
    profiles.add(new Profile("ttft200", 200, args.string("sim200"), "bench/ttft200", args.number("sim200-pid", -1)));
    this.hold = new Profile("hold", 0, args.string("sim-hold"), "bench/hold", args.number("sim-hold-pid", -1));
    this.holdLocalModel = args.string("hold-local-model", "");
    this.generator = new LoadGenerator((int) Math.max(100, Math.min(15_000, openFileLimit(ProcessHandle.current().pid()) - 500)));
  }

  public static void main(Args args) throws IOException {
    new GatewaySuite(args).run(Path.of(args.string("out")));
  }

  private List<String> targets() {
    List<String> t = new ArrayList<>(List.of("direct", "gateway"));
    if (!portkeyBase.isEmpty()) t.add("portkey");
    return t;
  }

  Target target(String name, Profile p) {
    return switch (name) {
      case "direct", DIRECT_AGAIN -> Target.of(name, p.simulatorUrl() + "/chat/completions", "simulated", Map.of("Authorization", "Bearer bench"));
      case "gateway" -> Target.of("gateway", gatewayBase + "/chat/completions", p.gatewayModel(), Map.of("Authorization", "Bearer local"));
      case "portkey" ->
          Target.of(
              "portkey",
              portkeyBase + "/v1/chat/completions",
              "simulated",
              Map.of("Authorization", "Bearer bench", "x-portkey-provider", "openai", "x-portkey-custom-host", p.simulatorUrl()));
      default -> throw new IllegalArgumentException(name);
    };
  }

  private long pidOf(String target, Profile p) {
    return switch (target) {
      case "direct", DIRECT_AGAIN -> p.simulatorPid();
      case "gateway" -> gatewayPid;
      case "portkey" -> portkeyPid;
      default -> -1;
    };
  }

  void run(Path out) throws IOException {
    Map<String, Object> settings = settings();
    log("gateway suite (" + (quick ? "quick" : "full") + "): " + settings);
    List<Memory> memory = new ArrayList<>();
    Map<String, Long> idle = new LinkedHashMap<>();
    for (String t : List.of("gateway", "portkey")) {
      long pid = t.equals("gateway") ? gatewayPid : portkeyPid;
      if (pid > 0 && proc.alive(pid)) idle.put(t, proc.rssBytes(pid));
    }
    List<Availability> availability = probeAll();
    // memory first, while the processes have seen no load: the load steps grow the heaps, and a
    // figure taken after them would measure that rather than the streams
    for (Map.Entry<String, Long> e : idle.entrySet()) memory.add(new Memory(e.getKey(), e.getValue(), streams(e.getKey())));
    prewarm();
    List<Run> runs = fixedRates();
    List<MaxRate> maxRates = maxRates();
    Output o = new Output(Instant.now().toString(), quick, settings, availability, runs, maxRates, memory);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.createDirectories(out.toAbsolutePath().getParent());
    mapper.writeValue(out.toFile(), o);
    log("wrote " + out);
  }

  private Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("prewarmSeconds", prewarmDuration().toMillis() / 1000.0);
    s.put("prewarmRate", prewarmRate());
    s.put("warmupSeconds", warmup().toMillis() / 1000.0);
    s.put("measureSeconds", duration().toMillis() / 1000.0);
    s.put("fixedRates", fixedPlan());
    s.put("ladder", ladder());
    s.put("ladderWarmupSeconds", rungWarmup().toMillis() / 1000.0);
    s.put("ladderMeasureSeconds", rungDuration().toMillis() / 1000.0);
    s.put("lateAfterMs", LATE.toMillis());
    s.put("streamCounts", streamCounts());
    s.put("simulator", "50 tokens at 500 tokens/s after the profile's time to first token");
    return s;
  }

  /** Untimed traffic to every path before the first measurement, so no JVM is measured cold. */
  private Duration prewarmDuration() {
    return args.seconds("prewarm", quick ? 3 : 15);
  }

  /** Per path; the paths of a profile are warmed at once, so the simulator gets three times this. */
  private double prewarmRate() {
    return quick ? 100 : 200;
  }

  private Duration warmup() {
    return args.seconds("warmup", quick ? 1 : 5);
  }

  private Duration duration() {
    return args.seconds("duration", quick ? 2 : 20);
  }

  private Duration rungWarmup() {
    return args.seconds("rung-warmup", quick ? 0.5 : 2);
  }

  private Duration rungDuration() {
    return args.seconds("rung-duration", quick ? 1.5 : 8);
  }

  /** A request unanswered this long fails; the step waits at most this long for stragglers. */
  private Duration timeout() {
    return Duration.ofSeconds(quick ? 3 : 10);
  }

  private static final Duration RUNG_TIMEOUT = Duration.ofSeconds(3);
  /** In the ladder an answer later than this (from its intended send time) counts as an error. */
  private static final Duration LATE = Duration.ofSeconds(1);

  /** Profile name, rate pairs for the fixed-rate comparison. */
  private List<Map<String, Object>> fixedPlan() {
    List<Map<String, Object>> plan = new ArrayList<>();
    if (quick) {
      plan.add(Map.of("profile", "ttft0", "rate", 250.0));
      plan.add(Map.of("profile", "ttft0", "rate", 1000.0));
      plan.add(Map.of("profile", "ttft200", "rate", 1000.0));
    } else {
      for (String p : List.of("ttft0", "ttft200")) {
        for (double r : new double[] {250, 500, 1000, 2000}) plan.add(Map.of("profile", p, "rate", r));
      }
    }
    return plan;
  }

  private List<Double> ladder() {
    return quick ? List.of(1000.0, 2000.0, 4000.0) : List.of(250.0, 500.0, 1000.0, 2000.0, 3000.0, 4000.0, 6000.0, 8000.0, 12000.0, 16000.0);
  }

  private List<Integer> streamCounts() {
    return quick ? List.of(1000) : List.of(1000, 10_000);
  }

  private Profile profile(String name) {
    return profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  /** One request per target and mode first, so a broken path is reported as such instead of as a 100 % error rate. */
  private List<Availability> probeAll() {
    List<Availability> out = new ArrayList<>();
    for (String t : targets()) {
      Map<String, String> found = new LinkedHashMap<>();
      for (Profile p : profiles) {
        for (Mode m : Mode.values()) {
          String error = LoadGenerator.probe(target(t, p), m, "", Duration.ofSeconds(10));
          if (error != null) {
            found.put(p.name() + " " + mode(m), error);
            log("probe " + t + " " + p.name() + " " + mode(m) + ": " + error);
          }
        }
      }
      problems.put(t, found);
      out.add(new Availability(t, found));
    }
    return out;
  }

  private boolean usable(String target, Profile p, Mode m) {
    if (target.equals(DIRECT_AGAIN)) target = "direct";
    return !problems.getOrDefault(target, Map.of()).containsKey(p.name() + " " + mode(m));
  }

  /** Every path, every profile, both modes: all paths of a profile at once, results discarded. */
  private void prewarm() {
    for (Profile p : profiles) {
      for (Mode m : Mode.values()) {
        List<Thread> threads = new ArrayList<>();
        for (String t : targets()) {
          if (!usable(t, p, m)) continue;
          threads.add(Thread.ofPlatform().name("prewarm-" + t).start(() ->
              generator.run(new LoadGenerator.Step(target(t, p), m, prewarmRate(), Duration.ZERO, prewarmDuration(), timeout(), "", null))));
        }
        for (Thread th : threads) {
          try {
            th.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        }
        quiesce();
        log("prewarmed " + p.name() + " " + mode(m));
      }
    }
  }

  /**
   * The direct path measured a second time in each fixed-rate step, after the gateway: an A/A
   * comparison whose "overhead" is the method's noise floor at that rate (load-generator and
   * scheduler jitter on a shared machine), to read the gateway's figure against.
   */
  public static final String DIRECT_AGAIN = "direct-again";

  /** The fixed-rate order: direct, gateway, direct again, then Portkey. */
  private List<String> fixedRateTargets() {
    List<String> order = new ArrayList<>(targets());
    order.add(order.indexOf("gateway") + 1, DIRECT_AGAIN);
    return order;
  }

  private List<Run> fixedRates() {
    List<Run> runs = new ArrayList<>();
    for (Map<String, Object> point : fixedPlan()) {
      Profile p = profile((String) point.get("profile"));
      double rate = (Double) point.get("rate");
      for (Mode m : Mode.values()) {
        Map<String, StepResult> results = new LinkedHashMap<>();
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (String t : fixedRateTargets()) {
          if (!usable(t, p, m)) continue;
          long pid = pidOf(t, p);
          long cpuBefore = pid > 0 ? proc.cpuMillis(pid) : -1;
          StepResult r = generator.run(new LoadGenerator.Step(target(t, p), m, rate, warmup(), duration(), timeout(), "", null));
          if (pid > 0) cpu.put(t, proc.cpuMillis(pid) - cpuBefore);
          results.put(t, r);
          log(String.format(Locale.ROOT, "%-7s %-12s %-4s %6.0f/s  ok %d/%d  p50 %.2f  p99 %.2f  p99.9 %.2f ms%s",
              p.name(), t, mode(m), rate, r.ok(), r.sent(), r.total().p50() / 1000.0, r.total().p99() / 1000.0, r.total().p999() / 1000.0,
              r.errors() > 0 ? "  errors " + r.errorKinds() : ""));
          pause();
        }
        long perTarget = (long) Math.ceil((warmup().toNanos() + duration().toNanos()) / 1e9 * rate);
        runs.add(new Run(p.name(), mode(m), rate, perTarget, results, cpu));
      }
    }
    return runs;
  }

  private List<MaxRate> maxRates() {
    List<MaxRate> out = new ArrayList<>();
    Profile p = profile("ttft0");
    for (Mode m : Mode.values()) {
      for (String t : targets()) {
        if (!usable(t, p, m)) continue;
        List<Rung> rungs = new ArrayList<>();
        double sustained = 0;
        Double failedAt = null;
        for (double rate : ladder()) {
          StepResult r = generator.run(new LoadGenerator.Step(target(t, p), m, rate, rungWarmup(), rungDuration(), RUNG_TIMEOUT, "", LATE));
          rungs.add(new Rung(rate, r.errorRate(), r.total().p99(), r.achievedRate(), r.errorKinds()));
          log(String.format(Locale.ROOT, "ladder %-7s %-4s %6.0f/s  errors %.2f%%  p99 %.1f ms", t, mode(m), rate, r.errorRate() * 100, r.total().p99() / 1000.0));
          pause();
          if (r.errorRate() >= 0.01) {
            failedAt = rate;
            break;
          }
          sustained = rate;
        }
        out.add(new MaxRate(p.name(), mode(m), t, sustained, failedAt, rungs));
      }
    }
    return out;
  }

  private List<StreamsRss> streams(String t) {
    List<StreamsRss> out = new ArrayList<>();
    long pid = t.equals("gateway") ? gatewayPid : portkeyPid;
    Profile p = hold;
    if (!usable(t, profile("ttft0"), Mode.SSE)) return out;
    long ours = openFileLimit(ProcessHandle.current().pid());
    long theirs = openFileLimit(pid);
    for (int n : streamCounts()) {
      // over HTTP/1.1 every stream holds two sockets in the server: its client's and its upstream's
      long serverNeeds = 2L * n + 200;
      long clientNeeds = n + 500;
      Target target = target(t, p);
      String upstream = "socket";
      if (t.equals("gateway") && theirs < serverNeeds && theirs >= n + 200L && !holdLocalModel.isEmpty()) {
        // one socket per stream: the gateway's own simulated model answers, so the figure is the
        // gateway's per-stream memory without the upstream connection's
        target = Target.of("gateway", gatewayBase + "/chat/completions", holdLocalModel, Map.of("Authorization", "Bearer local"));
        upstream = "in-process";
        serverNeeds = n + 200L;
      }
      if (theirs < serverNeeds || ours < clientNeeds) {
        String why = String.format(Locale.ROOT, "skipped: needs ulimit -n >= %d for the %s and >= %d for the load generator (have %d and %d)",
            serverNeeds, t, clientNeeds, theirs, ours);
        log(t + " " + n + " streams " + why);
        out.add(new StreamsRss(n, null, null, why));
        continue;
      }
      StreamHolder h = StreamHolder.open(target, n, 1000, "", quick ? 15_000 : 30_000);
      try {
        sleep(2000);
        long rss = proc.rssBytes(pid);
        StreamHolder.Counts c = h.counts();
        log(String.format(Locale.ROOT, "%s with %d streams: RSS %.1f MiB, %s", t, n, rss / 1048576.0, c));
        out.add(new StreamsRss(n, rss, c, null, upstream));
      } finally {
        h.close();
      }
      sleep(3000);
    }
    return out;
  }

  /** The soft limit on open files of a process, from {@code /proc/<pid>/limits}. */
  static long openFileLimit(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
          return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
        }
      }
    } catch (IOException | RuntimeException e) {
      // unknown: assume the common default
    }
    return 1024;
  }

  private static String mode(Mode m) {
    return m.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Waits until the servers are idle again (under a fifth of a core between them over half a
   * second), at most a few seconds: an overloaded step leaves queued work behind in the servers,
   * and the next step must not inherit it.
   */
  private void pause() {
    sleep(200);
    quiesce();
  }

  private void quiesce() {
    List<Long> pids = new ArrayList<>(List.of(gatewayPid, portkeyPid, hold.simulatorPid()));
    for (Profile p : profiles) pids.add(p.simulatorPid());
    long deadline = System.nanoTime() + (quick ? 3 : 15) * 1_000_000_000L;
    long before = cpuOf(pids);
    while (System.nanoTime() < deadline) {
      sleep(500);
      long now = cpuOf(pids);
      if (now - before < 100) return;
      before = now;
    }
    log("servers still busy after the step; going on");
  }

  private long cpuOf(List<Long> pids) {
    long sum = 0;
    for (long pid : pids) {
      if (pid > 0 && proc.alive(pid)) sum += proc.cpuMillis(pid);
    }
    return sum;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void log(String s) {
    System.out.println("[bench] " + s);
    System.out.flush();
  }
}
