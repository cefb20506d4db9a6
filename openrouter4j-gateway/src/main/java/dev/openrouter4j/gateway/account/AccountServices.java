package dev.openrouter4j.gateway.account;

import dev.openrouter4j.gateway.store.Database;
import java.time.Clock;
import java.util.Objects;

/**
 * The accounts components on one database, as the gateway uses them: keys, credit, the generation
 * writer and reader, and the rate limiter. {@link #open} connects and migrates; {@link #close}
 * drains the writer (every accepted record is committed) and then closes the pool. Blocking.
 */
public record AccountServices(
    Database db, KeyStore keys, CreditLedger ledger, GenerationWriter writer, GenerationStore generations, RateLimiter rates, Clock clock)
    implements AutoCloseable {
  public AccountServices {
    Objects.requireNonNull(db, "db == null");
    Objects.requireNonNull(clock, "clock == null");
  }

  public static AccountServices open(String url) {
    return open(url, Clock.systemUTC());
  }

  /** With {@code clock} deciding usage periods (limit_reset), record dates and activity days. */
  public static AccountServices open(String url, Clock clock) {
    return open(Database.open(url), GenerationWriter.Options.defaults(), clock);
  }

  /** The components on an open database; closing them closes it. */
  public static AccountServices open(Database db, GenerationWriter.Options writerOptions) {
    return open(db, writerOptions, Clock.systemUTC());
  }

  public static AccountServices open(Database db, GenerationWriter.Options writerOptions, Clock clock) {
    GenerationWriter writer = new GenerationWriter(db, writerOptions);
    return new AccountServices(
        db, new KeyStore(db, clock), new CreditLedger(db, clock), writer, new GenerationStore(db, writer, clock), RateLimiter.forDatabase(db), clock);
  }

  /** Whether any key exists (then every request needs one). */
  public boolean anyKey() {
    return !keys.list(true, 0, 1).isEmpty();
  }

  @Override
  public void close() {
    try {
      writer.close();
    } finally {
      db.close();
    }
  }
}
