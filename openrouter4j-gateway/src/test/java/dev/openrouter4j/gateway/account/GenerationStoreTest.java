package dev.openrouter4j.gateway.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.gateway.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GenerationStoreTest {
  static final String ALICE = "a".repeat(64);
  static final String BOB = "b".repeat(64);
  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-04T18:00:00Z");

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aGenerationIsReadBackWithItsAttemptsOnlyByTheKeyThatMadeIt(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      GenerationRecord r = Generations.record("gen-1", ALICE);
      writeAll(db, r);
      GenerationStore store = new GenerationStore(db, null, clock);

      assertEquals(r, store.find("gen-1", ALICE).orElseThrow());
      assertEquals(List.of("down", "acme"), store.find("gen-1", ALICE).orElseThrow().attempts().stream().map(GenerationRecord.Attempt::provider).toList());
      assertTrue(store.find("gen-1", BOB).isEmpty(), "another key's generation is not there");
      assertTrue(store.find("gen-2", ALICE).isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aCancelledGenerationIsReadBackCancelledWithoutAFinishReason(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      GenerationRecord done = Generations.record("gen-1", ALICE);
      GenerationRecord cancelled = Generations.cancelled("gen-2", ALICE);
      writeAll(db, done, cancelled);
      GenerationStore store = new GenerationStore(db, null, clock);
      assertEquals(cancelled, store.find("gen-2", ALICE).orElseThrow());
      assertTrue(store.find("gen-2", ALICE).orElseThrow().cancelled());
      assertEquals(false, store.find("gen-1", ALICE).orElseThrow().cancelled());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anEmbeddingsGenerationIsReadBackAsOne(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      GenerationRecord r = Generations.record("gen-1", ALICE);
      GenerationRecord embedding = new GenerationRecord(
          "gen-2", ALICE, "acme/embed", "acme", 8, 0, 0, 0, 0.00000016, 40, 40, null, false, false, Generations.AT,
          List.of(new GenerationRecord.Attempt("acme", "acme/embed", 200, 40)), GenerationRecord.EMBEDDINGS);
      writeAll(db, r, embedding);
      GenerationStore store = new GenerationStore(db, null, clock);
      assertEquals(embedding, store.find("gen-2", ALICE).orElseThrow());
      assertEquals(GenerationRecord.COMPLETIONS, store.find("gen-1", ALICE).orElseThrow().apiType());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aGenerationNotYetWrittenIsFoundInTheWritersQueueByItsKeyOnly(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      try (GenerationWriter writer = new GenerationWriter(db, new GenerationWriter.Options(100, 50, Duration.ofMinutes(1), Duration.ofSeconds(5)))) {
        GenerationStore store = new GenerationStore(db, writer, clock);
        GenerationRecord r = Generations.record("gen-1", ALICE);
        writer.write(r);
        assertEquals(0, CreditLedgerTest.rows(db, "generations"));
        assertEquals(r, store.find("gen-1", ALICE).orElseThrow());
        assertTrue(store.find("gen-1", BOB).isEmpty());
        writer.flush();
        assertEquals(r, store.find("gen-1", ALICE).orElseThrow());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void activityTotalsEachUtcDayModelAndProviderForTheCallingKey(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      try (GenerationWriter writer = new GenerationWriter(db, GenerationWriter.Options.defaults())) {
        int n = 0;
        // March 4th, Alice: two on m1@p1, one on m1@p2, one on m2@p1; one at 23:59:59 still counts for the 4th
        writer.write(Generations.record("g" + n++, ALICE, "m1", "p1", Instant.parse("2026-03-04T00:00:00Z"), 0.001));
        writer.write(Generations.record("g" + n++, ALICE, "m1", "p1", Instant.parse("2026-03-04T23:59:59Z"), 0.002));
        writer.write(Generations.record("g" + n++, ALICE, "m1", "p2", Instant.parse("2026-03-04T12:00:00Z"), 0.004));
        writer.write(Generations.record("g" + n++, ALICE, "m2", "p1", Instant.parse("2026-03-04T12:00:00Z"), 0.008));
        // March 3rd, Alice; and March 1st, outside a two-day window
        writer.write(Generations.record("g" + n++, ALICE, "m1", "p1", Instant.parse("2026-03-03T08:00:00Z"), 0.016));
        writer.write(Generations.record("g" + n++, ALICE, "m1", "p1", Instant.parse("2026-03-01T08:00:00Z"), 0.032));
        // Bob's never show in Alice's activity
        writer.write(Generations.record("g" + n++, BOB, "m1", "p1", Instant.parse("2026-03-04T10:00:00Z"), 0.064));
        writer.flush();
      }
      GenerationStore store = new GenerationStore(db, null, clock);

      List<ActivityRow> rows = store.activity(ALICE, 2);
      LocalDate mar3 = LocalDate.parse("2026-03-03");
      LocalDate mar4 = LocalDate.parse("2026-03-04");
      assertEquals(
          List.of(
              new ActivityRow(mar3, "m1", "p1", 1, 100, 20, 5, 0.016),
              new ActivityRow(mar4, "m1", "p1", 2, 200, 40, 10, 0.003),
              new ActivityRow(mar4, "m1", "p2", 1, 100, 20, 5, 0.004),
              new ActivityRow(mar4, "m2", "p1", 1, 100, 20, 5, 0.008)),
          rows);
      assertEquals(5, store.activity(ALICE, LocalDate.parse("2026-03-01"), mar4).size());
      assertEquals(List.of(new ActivityRow(mar4, "m1", "p1", 1, 100, 20, 5, 0.064)), store.activity(BOB, 30));
      assertTrue(store.activity("c".repeat(64), 30).isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aGenerationServedAtTheFirstTryIsOneRowAndReadsBackWithItsAttempt(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      GenerationRecord first = Generations.withAttempts("gen-1", ALICE, new GenerationRecord.Attempt("acme", "acme/model", 200, 300));
      GenerationRecord failed = Generations.withAttempts("gen-2", ALICE, new GenerationRecord.Attempt("acme", "acme/model", 502, 300));
      GenerationRecord none = Generations.withAttempts("gen-3", ALICE);
      writeAll(db, first, failed, none);
      assertEquals(3, CreditLedgerTest.rows(db, "generations"));
      assertEquals(0, CreditLedgerTest.rows(db, "generation_attempts"), "the served attempt is kept in its generation's row");
      GenerationStore store = new GenerationStore(db, null, clock);
      assertEquals(first, store.find("gen-1", ALICE).orElseThrow());
      assertEquals(failed, store.find("gen-2", ALICE).orElseThrow(), "a served attempt that failed mid-answer keeps its status");
      assertEquals(none, store.find("gen-3", ALICE).orElseThrow(), "no attempts, none read back");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aServedAttemptThatDoesNotRepeatItsRowKeepsARowOfItsOwn(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      GenerationRecord r = // its latency is 300
          Generations.withAttempts("gen-1", ALICE, new GenerationRecord.Attempt("down", "acme/model", 503, 40), new GenerationRecord.Attempt("acme", "acme/model", 200, 260));
      writeAll(db, r);
      assertEquals(2, CreditLedgerTest.rows(db, "generation_attempts"));
      assertEquals(r, new GenerationStore(db, null, clock).find("gen-1", ALICE).orElseThrow());
    }
  }

  /** Rows written before V5 (every attempt in generation_attempts) read back the same after it, one row fewer where the last repeated its generation. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void theV5MigrationKeepsEarlierRecordsAsTheyWere(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      t.migrateTo("4");
      GenerationRecord fellBack = Generations.record("gen-1", ALICE);
      GenerationRecord first = Generations.withAttempts("gen-2", ALICE, new GenerationRecord.Attempt("acme", "acme/model", 502, 300));
      GenerationRecord odd =
          Generations.withAttempts("gen-3", BOB, new GenerationRecord.Attempt("down", "acme/model", 503, 40), new GenerationRecord.Attempt("other", "acme/model", 200, 300));
      GenerationRecord none = Generations.withAttempts("gen-4", BOB);
      try (java.sql.Connection c = t.plainConnection()) {
        for (GenerationRecord r : List.of(fellBack, first, odd, none)) insertAsBeforeV5(c, r);
      }

      Database db = t.connect(); // migrates to the latest
      assertEquals(4, CreditLedgerTest.rows(db, "generations"));
      assertEquals(1 + 0 + 2, CreditLedgerTest.rows(db, "generation_attempts"), "gen-1 keeps its failed attempt, gen-3 both (its last is another provider)");
      GenerationStore store = new GenerationStore(db, null, clock);
      assertEquals(fellBack, store.find("gen-1", ALICE).orElseThrow());
      assertEquals(first, store.find("gen-2", ALICE).orElseThrow());
      assertEquals(odd, store.find("gen-3", BOB).orElseThrow());
      assertEquals(none, store.find("gen-4", BOB).orElseThrow());
    }
  }

  /** Through a writer with the default options, committed before it returns. */
  private static void writeAll(Database db, GenerationRecord... records) throws InterruptedException {
    try (GenerationWriter writer = new GenerationWriter(db, GenerationWriter.Options.defaults())) {
      for (GenerationRecord r : records) writer.write(r);
      writer.flush();
    }
  }

  /** The V4 writer's rows: the generation, then every attempt with its seq. */
  private static void insertAsBeforeV5(java.sql.Connection c, GenerationRecord r) throws java.sql.SQLException {
    try (var g = c.prepareStatement(
            "INSERT INTO generations (id, key_hash, model, provider, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, cost,"
                + " latency_ms, generation_time_ms, finish_reason, streamed, cancelled, created_at, created_day)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        var a = c.prepareStatement("INSERT INTO generation_attempts (generation_id, seq, provider, model, status, latency_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
      g.setString(1, r.id());
      g.setString(2, r.keyHash());
      g.setString(3, r.model());
      g.setString(4, r.provider());
      g.setLong(5, r.promptTokens());
      g.setLong(6, r.completionTokens());
      g.setLong(7, r.cachedTokens());
      g.setLong(8, r.reasoningTokens());
      g.setBigDecimal(9, Money.of(r.cost()));
      g.setLong(10, r.latencyMs());
      g.setLong(11, r.generationTimeMs());
      g.setString(12, r.finishReason());
      g.setBoolean(13, r.streamed());
      g.setBoolean(14, r.cancelled());
      g.setObject(15, java.time.OffsetDateTime.ofInstant(r.createdAt(), java.time.ZoneOffset.UTC));
      g.setObject(16, LocalDate.ofInstant(r.createdAt(), java.time.ZoneOffset.UTC));
      g.executeUpdate();
      for (int seq = 0; seq < r.attempts().size(); seq++) {
        GenerationRecord.Attempt at = r.attempts().get(seq);
        a.setString(1, r.id());
        a.setInt(2, seq);
        a.setString(3, at.provider());
        a.setString(4, at.model());
        a.setInt(5, at.status());
        a.setLong(6, at.latencyMs());
        a.executeUpdate();
      }
    }
  }
}
