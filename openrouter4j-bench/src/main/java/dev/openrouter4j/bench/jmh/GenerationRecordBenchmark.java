package dev.openrouter4j.bench.jmh;

import dev.openrouter4j.gateway.account.GenerationRecord;
import dev.openrouter4j.gateway.account.GenerationWriter;
import dev.openrouter4j.gateway.encode.Generation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The account stage's storage: one generation record through {@code GenerationWriter} into the
 * default storage (an H2 file database), in batches of {@value #BATCH} as the writer makes them at
 * 1,000 requests/s (one insert every 200 ms). Per record: {@code servedAtFirstTry} (the common case:
 * one row since migration V5) and {@code servedAfterAFallback} (one failed attempt first, which
 * keeps a row of its own). The time includes the hand-off to the writer's thread and the commit;
 * the file grows through the run, as a gateway's does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GenerationRecordBenchmark {
  static final int BATCH = 200;
  static final String KEY = "k".repeat(64);

  private H2FileDatabase storage;
  private GenerationWriter writer;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    storage = new H2FileDatabase("or4j-records");
    // batches as big as one invocation, and no interval wait: flush sends each batch at once
    writer = new GenerationWriter(storage.db, new GenerationWriter.Options(10_000, BATCH, Duration.ofMinutes(10), Duration.ofSeconds(30)));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException, InterruptedException {
    writer.close();
    if (writer.lost() > 0) throw new IllegalStateException(writer.lost() + " records lost");
    storage.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void servedAtFirstTry() throws InterruptedException {
    write(false);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void servedAfterAFallback() throws InterruptedException {
    write(true);
  }

  private void write(boolean fallback) throws InterruptedException {
    long now = System.currentTimeMillis();
    for (int i = 0; i < BATCH; i++) writer.write(record(Generation.newId(now / 1000), now, fallback));
    writer.flush();
  }

  /** What {@code Accounting.complete} makes: the served attempt last, repeating the record's provider, model and latency. */
  static GenerationRecord record(String id, long nowMillis, boolean fallback) {
    GenerationRecord.Attempt served = new GenerationRecord.Attempt("alpha", "bench/model", 200, 310);
    List<GenerationRecord.Attempt> attempts = fallback ? List.of(new GenerationRecord.Attempt("beta", "bench/model", 503, 42), served) : List.of(served);
    return new GenerationRecord(
        id, KEY, "bench/model", "alpha", 120, 50, 0, 0, 0.0000480, 310, 1200, "stop", false, false, Instant.ofEpochMilli(nowMillis), attempts);
  }
}
