package dev.openrouter4j.gateway.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.gateway.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GenerationWriterTest {
  static final String KEY = "k".repeat(64);
  @TempDir Path dir;

  /** 10,000 records from 8 threads through a queue of 1,000: close leaves exactly 10,000 rows. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void closeWritesEveryRecordAcceptedUnderConcurrentLoad(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      GenerationWriter writer = new GenerationWriter(db, new GenerationWriter.Options(1_000, 200, Duration.ofMillis(50), Duration.ofSeconds(30)));
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int th = 0; th < 8; th++) {
        int thread = th;
        done.add(threads.submit(() -> {
          for (int i = 0; i < 1_250; i++) {
            GenerationRecord r = Generations.record("gen-" + thread + "-" + i, KEY);
            // the gateway's way: never block the event loop, fall back to a worker when full
            if (!writer.offer(r)) writer.write(r);
          }
          return null;
        }));
      }
      for (Future<?> f : done) f.get();
      threads.shutdown();
      writer.close();

      assertEquals(10_000, CreditLedgerTest.rows(db, "generations"));
      // each served after one failed attempt: the served one is kept in its generations row
      assertEquals(10_000, CreditLedgerTest.rows(db, "generation_attempts"));
      assertEquals(10_000, writer.accepted());
      assertEquals(10_000, writer.written());
      assertEquals(0, writer.lost());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void flushReturnsOnceEverythingAcceptedIsCommitted(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      // a batch would wait a minute to fill: only the flush makes it go
      try (GenerationWriter writer = new GenerationWriter(db, new GenerationWriter.Options(100, 50, Duration.ofMinutes(1), Duration.ofSeconds(5)))) {
        for (int i = 0; i < 3; i++) writer.write(Generations.record("gen-" + i, KEY));
        assertTrue(writer.pending("gen-1").isPresent());
        assertEquals(0, CreditLedgerTest.rows(db, "generations"));

        writer.flush();
        assertEquals(3, CreditLedgerTest.rows(db, "generations"));
        assertTrue(writer.pending("gen-1").isEmpty());
      }
    }
  }

  /**
   * The database stalls (its only connection is taken): offer says no once {@code capacity}
   * records wait, and write waits instead of dropping; once the database is back, everything is
   * written.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aFullQueuePushesBackInsteadOfDropping(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect(new Database.Options(1, Duration.ofMillis(250), null, null));
      Connection held = db.dataSource().getConnection();
      try (GenerationWriter writer = new GenerationWriter(db, new GenerationWriter.Options(5, 2, Duration.ofMillis(10), Duration.ofSeconds(30)))) {
        int accepted = 0;
        while (writer.offer(Generations.record("gen-" + accepted, KEY))) accepted++;
        assertEquals(5, accepted);
        assertEquals(5, writer.backlog());

        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
          try {
            writer.write(Generations.record("gen-late", KEY));
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
        assertThrows(TimeoutException.class, () -> blocked.get(500, TimeUnit.MILLISECONDS));

        held.close();
        blocked.get(30, TimeUnit.SECONDS);
        writer.flush();
        assertEquals(6, CreditLedgerTest.rows(db, "generations"));
        assertEquals(0, writer.backlog());
        assertEquals(0, writer.lost());
      } finally {
        if (!held.isClosed()) held.close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void closeGivesUpOnAnUnreachableDatabaseAfterItsTimeoutAndSaysHowMuchWasLost(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect(new Database.Options(1, Duration.ofMillis(250), null, null));
      try (Connection held = db.dataSource().getConnection()) {
        GenerationWriter writer = new GenerationWriter(db, new GenerationWriter.Options(100, 10, Duration.ofMillis(10), Duration.ofMillis(500)));
        for (int i = 0; i < 3; i++) writer.write(Generations.record("gen-" + i, KEY));
        var e = assertThrows(IllegalStateException.class, writer::close);
        assertTrue(e.getMessage().startsWith("3 generation records could not be written"), e.getMessage());
        assertEquals(3, writer.lost());
      }
    }
  }

  /** A record the database refuses outright is set aside alone; the rest of its batch is written. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void aRecordTheDatabaseRefusesDoesNotHoldUpTheOthers(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      db.withConnection("constrain", c -> c.createStatement().executeUpdate("ALTER TABLE generations ADD CONSTRAINT no_bad CHECK (model <> 'bad')"));
      GenerationWriter writer = new GenerationWriter(db, new GenerationWriter.Options(100, 50, Duration.ofMinutes(1), Duration.ofSeconds(5)));
      for (int i = 0; i < 5; i++) {
        writer.write(i == 2 ? Generations.record("gen-2", KEY, "bad", "acme", java.time.Instant.now(), 0) : Generations.record("gen-" + i, KEY));
      }
      writer.flush();
      assertEquals(4, CreditLedgerTest.rows(db, "generations"));
      assertEquals(1, writer.lost());
      assertTrue(writer.pending("gen-2").isEmpty());
      assertThrows(IllegalStateException.class, writer::close, "close reports the loss");
    }
  }

  @Test
  void aClosedWriterTakesNoMoreRecords() throws Exception {
    try (Database db = Database.open("jdbc:h2:mem:writer-closed")) {
      GenerationWriter writer = new GenerationWriter(db, GenerationWriter.Options.defaults());
      writer.close();
      assertFalse(writer.offer(Generations.record("gen-1", KEY)));
      assertThrows(IllegalStateException.class, () -> writer.write(Generations.record("gen-1", KEY)));
      writer.flush(); // nothing to wait for
      writer.close(); // twice is fine
    }
  }

  /** A full batch goes at once, however long the interval: the writer does not sleep through it. */
  @Test
  void aFullBatchIsWrittenWithoutWaitingOutTheInterval() throws Exception {
    try (Database db = Database.open("jdbc:h2:mem:writer-full-batch")) {
      try (GenerationWriter writer = new GenerationWriter(db, new GenerationWriter.Options(100, 5, Duration.ofHours(1), Duration.ofSeconds(5)))) {
        for (int i = 0; i < 4; i++) writer.write(Generations.record("gen-" + i, KEY));
        Thread.sleep(300);
        assertEquals(0, writer.written(), "four of five: the batch waits to fill");
        // from another thread: the record that fills the batch must wake the writer wherever it comes from
        CompletableFuture.runAsync(() -> writer.offer(Generations.record("gen-4", KEY))).get();
        assertTrue(awaitWritten(writer, 5, Duration.ofSeconds(10)), "written: " + writer.written());
        assertEquals(5, CreditLedgerTest.rows(db, "generations"));
      }
    }
  }

  /** Records that trickle in while a batch waits are written together once the interval ends, with no flush. */
  @Test
  void recordsQueuedDuringTheIntervalAreWrittenWhenItEnds() throws Exception {
    try (Database db = Database.open("jdbc:h2:mem:writer-interval")) {
      try (GenerationWriter writer = new GenerationWriter(db, new GenerationWriter.Options(100, 50, Duration.ofMillis(300), Duration.ofSeconds(5)))) {
        for (int i = 0; i < 10; i++) {
          writer.write(Generations.record("gen-" + i, KEY));
          Thread.sleep(10);
        }
        assertTrue(awaitWritten(writer, 10, Duration.ofSeconds(10)), "written: " + writer.written());
        assertEquals(10, CreditLedgerTest.rows(db, "generations"));
        assertEquals(0, writer.backlog());
      }
    }
  }

  /** A flush cuts a batch's wait short even when it comes while the writer sleeps on its first record. */
  @Test
  void aFlushWakesAWriterWaitingForItsBatchToFill() throws Exception {
    try (Database db = Database.open("jdbc:h2:mem:writer-flush-wakes")) {
      try (GenerationWriter writer = new GenerationWriter(db, new GenerationWriter.Options(100, 50, Duration.ofHours(1), Duration.ofSeconds(5)))) {
        writer.write(Generations.record("gen-0", KEY));
        Thread.sleep(200); // the writer has taken gen-0 and sleeps
        writer.write(Generations.record("gen-1", KEY));
        assertTrue(writer.flush(Duration.ofSeconds(10)));
        assertEquals(2, CreditLedgerTest.rows(db, "generations"));
      }
    }
  }

  private static boolean awaitWritten(GenerationWriter writer, long n, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (writer.written() < n) {
      if (System.nanoTime() - end > 0) return false;
      Thread.sleep(10);
    }
    return true;
  }
}
