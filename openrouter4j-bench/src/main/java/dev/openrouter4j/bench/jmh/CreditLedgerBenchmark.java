package dev.openrouter4j.bench.jmh;

import dev.openrouter4j.gateway.account.CreditLedger;
import dev.openrouter4j.gateway.account.KeySpec;
import dev.openrouter4j.gateway.account.KeyStore;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a credit limit adds to the account stage: a key with a limit has its worst case reserved
 * before routing and the actual cost settled after the answer ({@code Accounting.reserve} and
 * {@code complete}), two transactions on a worker thread, here on the default storage (an H2 file
 * database). A key without a limit does neither.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CreditLedgerBenchmark {
  private H2FileDatabase storage;
  private CreditLedger ledger;
  private String keyHash;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    storage = new H2FileDatabase("or4j-ledger");
    // a limit no run spends: every reservation is granted
    keyHash = new KeyStore(storage.db, Clock.systemUTC()).create(new KeySpec("bench", 1e9, null, null)).record().hash();
    ledger = new CreditLedger(storage.db, Clock.systemUTC());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    storage.close();
  }

  /** One limited request's ledger work: its worst case reserved, then its cost settled. */
  @Benchmark
  public void reserveThenSettle() {
    if (!(ledger.reserve(keyHash, 0.0041) instanceof CreditLedger.Reservation r)) throw new IllegalStateException("refused");
    ledger.settle(r, 0.000048);
  }
}
