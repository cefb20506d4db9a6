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
      try (GenerationWriter writer = new GenerationWriter(db, GenerationWriter.Options.defaults())) {
        writer.write(r);
        writer.flush();
      }
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
      try (GenerationWriter writer = new GenerationWriter(db, GenerationWriter.Options.defaults())) {
        writer.write(done);
        writer.write(cancelled);
        writer.flush();
      }
      GenerationStore store = new GenerationStore(db, null, clock);
      assertEquals(cancelled, store.find("gen-2", ALICE).orElseThrow());
      assertTrue(store.find("gen-2", ALICE).orElseThrow().cancelled());
      assertEquals(false, store.find("gen-1", ALICE).orElseThrow().cancelled());
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
}
