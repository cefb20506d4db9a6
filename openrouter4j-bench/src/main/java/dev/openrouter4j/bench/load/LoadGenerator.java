package dev.openrouter4j.bench.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load at a fixed request rate: request {@code i} is due at {@code start + i/rate} and is
 * started on its own virtual thread when due, however many earlier requests are still running, so
 * a slow server meets the same arrivals a real one would (a closed loop would slow down with it and
 * hide the queueing). Latencies go into HdrHistograms measured from the intended send time.
 *
 * <p>Bounded: the schedule ends after warm-up plus duration; requests still running {@code
 * timeout} after that are counted as errors and their connections closed.
 */
public final class LoadGenerator {
  public enum Mode {
    JSON,
    SSE
  }

  /**
   * One step. {@code extraBody} is raw JSON members added to each request body (or empty); a
   * request slower than {@code lateAfter} (measured from its intended time) counts as an error, so
   * a step only "sustains" its rate if the server keeps up; null means never late.
   */
  public record Step(
      Target target, Mode mode, double rate, Duration warmup, Duration duration, Duration timeout, String extraBody, Duration lateAfter) {
    public Step {
      if (warmup.isNegative() || duration.isZero() || duration.isNegative()) throw new IllegalArgumentException("bad step timing");
    }
  }

  /** Highest trackable latency, in microseconds: one hour, far past any timeout. */
  private static final long HIGHEST_MICROS = 3_600_000_000L;
  /** Four significant digits: a 100 ms latency is resolved to 10 µs, small next to a 1 ms overhead target. */
  private static final int DIGITS = 4;

  private final int maxConnections;

  public LoadGenerator(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  public StepResult run(Step step) {
    return run(step, null);
  }

  /** One step; every measured request also goes into {@code trace} when it is not null. */
  public StepResult run(Step step, LatencyTrace trace) {
    boolean sse = step.mode() == Mode.SSE;
    byte[] request = step.target().request(sse, step.extraBody());
    long timeoutNanos = step.timeout().toNanos();
    long lateMicros = step.lateAfter() == null ? Long.MAX_VALUE : step.lateAfter().toNanos() / 1000;
    Recording rec = new Recording(lateMicros, trace);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peakConnections = new AtomicInteger();
    ThreadFactory threads = Thread.ofVirtual().name("load-", 0).factory();

    try (LoadClient client =
        new LoadClient(step.target().host(), step.target().port(), (int) Math.min(Integer.MAX_VALUE, step.timeout().toMillis()), maxConnections)) {
      long start = System.nanoTime() + 10_000_000; // a moment to get the pacer onto a CPU
      long measureFrom = start + step.warmup().toNanos();
      OpenLoopSchedule schedule = new OpenLoopSchedule(start, step.rate(), step.warmup().toNanos() + step.duration().toNanos());
      schedule.run(
          OpenLoopSchedule.Clock.SYSTEM,
          (i, intended) -> {
            boolean measured = intended >= measureFrom;
            long lag = System.nanoTime() - intended;
            if (measured) rec.sent(lag);
            inFlight.incrementAndGet();
            threads
                .newThread(
                    () -> {
                      try {
                        LoadClient.Outcome o = client.exchange(request, sse);
                        if (measured) rec.outcome(o, intended);
                      } finally {
                        inFlight.decrementAndGet();
                      }
                    })
                .start();
            int conns = client.openConnections();
            if (conns > peakConnections.get()) peakConnections.set(conns);
          });
      long drainUntil = schedule.endNanos() + timeoutNanos;
      while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
        sleepMillis(5);
      }
      rec.close(); // whatever is still running counts as unfinished
    }
    double seconds = step.duration().toNanos() / 1e9;
    return rec.result(step, seconds, peakConnections.get());
  }

  /** Sends one request and reads the whole answer; the error, or null when it succeeded. */
  public static String probe(Target target, Mode mode, String extraBody, Duration timeout) {
    try (LoadClient client = new LoadClient(target.host(), target.port(), (int) timeout.toMillis(), 4)) {
      LoadClient.Outcome o = client.exchange(target.request(mode == Mode.SSE, extraBody), mode == Mode.SSE);
      if (o.ok() && mode == Mode.SSE && o.firstContentNanos() < 0) return "stream had no content";
      return o.error();
    }
  }

  private static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The measured window's counters and histograms; guarded by its own lock, closed at the end of the step. */
  private static final class Recording {
    private final long lateMicros;
    private final LatencyTrace trace;
    private final Histogram total = new Histogram(HIGHEST_MICROS, DIGITS);
    private final Histogram ttft = new Histogram(HIGHEST_MICROS, DIGITS);
    private final Histogram ttlt = new Histogram(HIGHEST_MICROS, DIGITS);
    private final Map<String, Long> errorKinds = new TreeMap<>();
    private long sent;
    private long finished;
    private long ok;
    private long maxLagNanos;
    private boolean closed;

    Recording(long lateMicros, LatencyTrace trace) {
      this.lateMicros = lateMicros;
      this.trace = trace;
    }

    synchronized void sent(long lagNanos) {
      sent++;
      maxLagNanos = Math.max(maxLagNanos, lagNanos);
    }

    synchronized void outcome(LoadClient.Outcome o, long intended) {
      if (closed) return;
      finished++;
      if (!o.ok()) {
        error(o.error());
        if (trace != null) trace.add(intended, -1);
        return;
      }
      long totalMicros = clamp((o.endNanos() - intended) / 1000);
      if (trace != null) trace.add(intended, totalMicros);
      total.recordValue(totalMicros);
      if (o.firstContentNanos() >= 0) ttft.recordValue(clamp((o.firstContentNanos() - intended) / 1000));
      if (o.doneNanos() >= 0) ttlt.recordValue(clamp((o.doneNanos() - intended) / 1000));
      if (totalMicros > lateMicros) {
        error("late (over " + lateMicros / 1000 + " ms)");
      } else {
        ok++;
      }
    }

    private void error(String kind) {
      errorKinds.merge(kind, 1L, Long::sum);
    }

    synchronized void close() {
      if (closed) return;
      closed = true;
      long unfinished = sent - finished;
      if (unfinished > 0) errorKinds.put("unfinished at the end of the step", unfinished);
    }

    synchronized StepResult result(Step step, double seconds, int peakConnections) {
      long errors = sent - ok;
      return new StepResult(
          step.target().name(),
          step.mode().name().toLowerCase(java.util.Locale.ROOT),
          step.rate(),
          seconds,
          sent,
          ok,
          errors,
          new TreeMap<>(errorKinds),
          ok / seconds,
          maxLagNanos / 1000,
          peakConnections,
          Summary.of(total),
          Summary.of(ttft),
          Summary.of(ttlt));
    }

    private static long clamp(long micros) {
      return Math.max(0, Math.min(HIGHEST_MICROS, micros));
    }
  }
}
