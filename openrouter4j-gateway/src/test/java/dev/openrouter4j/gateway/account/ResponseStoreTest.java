package dev.openrouter4j.gateway.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.api.Json;
import dev.openrouter4j.gateway.store.Database;
import dev.openrouter4j.gateway.store.ResponseStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ResponseStore} on H2 and PostgreSQL: rows only for their key, chains, the one-way
 * transitions of unfinished rows (finish, cancel, fail) and the staleness rule that fails what a
 * dead instance left, judged by the heartbeat against the store's clock, so several instances on one
 * PostgreSQL never fail each other's live runs.
 */
class ResponseStoreTest {
  @TempDir Path dir;

  static String response(String id, String status) {
    return "{\"id\":\"" + id + "\",\"object\":\"response\",\"status\":\"" + status + "\",\"output\":[],\"error\":null}";
  }

  static ResponseStore.Row row(String id, String key, String previous, String status, boolean background) {
    return new ResponseStore.Row(id, key, previous, status, background, response(id, status), "[{\"id\":\"msg_" + id + "\",\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"" + id + "\"}]}]");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void rowsAreOnlyTheirKeysAndChainsAreFollowedOldestFirst(Backend backend) throws Exception {
    try (TestDatabase test = TestDatabase.open(backend, dir)) {
      Database db = test.connect();
      ResponseStore store = new ResponseStore(db, MutableClock.at("2026-01-01T00:00:00Z"));
      store.insert(row("r1", "ka", null, "completed", false));
      store.insert(row("r2", "ka", "r1", "completed", false));
      store.insert(row("r3", "ka", "r2", "completed", false));
      assertTrue(store.find("r1", "ka").isPresent());
      assertTrue(store.find("r1", "kb").isEmpty());
      assertEquals(List.of("r1", "r2", "r3"), store.chain("r3", "ka").stream().map(ResponseStore.Row::id).toList());

      ResponseStore.ChainException other = assertThrows(ResponseStore.ChainException.class, () -> store.chain("r3", "kb"));
      assertEquals("r3", other.missing);
      assertFalse(store.delete("r2", "kb"));
      assertTrue(store.delete("r2", "ka"));
      ResponseStore.ChainException broken = assertThrows(ResponseStore.ChainException.class, () -> store.chain("r3", "ka"));
      assertEquals("r2", broken.missing);

      store.insert(row("bg", "ka", null, "in_progress", true));
      ResponseStore.ChainException running = assertThrows(ResponseStore.ChainException.class, () -> store.chain("bg", "ka"));
      assertNull(running.missing);
      assertEquals("in_progress", running.unfinished);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aLargeRequestIsStoredWhole(Backend backend) throws Exception {
    try (TestDatabase test = TestDatabase.open(backend, dir)) {
      ResponseStore store = new ResponseStore(test.connect(), MutableClock.at("2026-01-01T00:00:00Z"));
      // an image as a data URL: the body limit (10 MB) allows this much and more
      String big = "[{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,"
          + "A".repeat(8_000_000) + "\"}]}]";
      store.insert(new ResponseStore.Row("big", "ka", null, "completed", false, response("big", "completed"), big));
      assertEquals(big, store.find("big", "ka").orElseThrow().inputItems());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anUnfinishedRowChangesOnceCancelAndFinishCannotBothWin(Backend backend) throws Exception {
    try (TestDatabase test = TestDatabase.open(backend, dir)) {
      ResponseStore store = new ResponseStore(test.connect(), MutableClock.at("2026-01-01T00:00:00Z"));
      store.insert(row("bg", "ka", null, "queued", true));
      store.started("bg");
      assertEquals("in_progress", store.find("bg", "ka").orElseThrow().status());
      assertInstanceOf(ResponseStore.CancelOutcome.Missing.class, store.cancel("bg", "kb"));
      ResponseStore.CancelOutcome.Cancelled c = assertInstanceOf(ResponseStore.CancelOutcome.Cancelled.class, store.cancel("bg", "ka"));
      assertEquals("cancelled", Json.mapper().readTree(c.response()).path("status").asText());
      assertFalse(store.finish("bg", "completed", response("bg", "completed")), "the run's end does not overwrite the cancel");
      assertEquals("cancelled", store.find("bg", "ka").orElseThrow().status());
      assertInstanceOf(ResponseStore.CancelOutcome.Cancelled.class, store.cancel("bg", "ka"), "cancelling again is answered the same");
      assertEquals(Set.of("bg"), store.heartbeat(Set.of("bg")), "a cancelled run is told to stop");

      store.insert(row("done", "ka", null, "queued", true));
      assertTrue(store.finish("done", "completed", response("done", "completed")));
      ResponseStore.CancelOutcome.NotCancellable no = assertInstanceOf(ResponseStore.CancelOutcome.NotCancellable.class, store.cancel("done", "ka"));
      assertEquals("completed", no.status());
      store.insert(row("fg", "ka", null, "completed", false));
      assertFalse(assertInstanceOf(ResponseStore.CancelOutcome.NotCancellable.class, store.cancel("fg", "ka")).background());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void onlyRunsWhoseHeartbeatStoppedAreFailedAsAbandoned(Backend backend) throws Exception {
    try (TestDatabase test = TestDatabase.open(backend, dir)) {
      MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
      Database db = test.connect();
      ResponseStore store = new ResponseStore(db, clock);
      store.insert(row("dead", "ka", null, "in_progress", true));
      store.insert(row("alive", "ka", null, "queued", true));
      store.insert(row("old-but-done", "ka", null, "completed", false));
      clock.advance(Duration.ofSeconds(8));
      assertEquals(Set.of(), store.heartbeat(Set.of("alive")), "a running row takes the heartbeat");
      clock.advance(Duration.ofSeconds(4));
      assertEquals(1, store.failStale(Duration.ofSeconds(10), "its instance stopped"));
      var dead = Json.mapper().readTree(store.find("dead", "ka").orElseThrow().response());
      assertEquals("failed", dead.path("status").asText());
      assertEquals("server_error", dead.path("error").path("code").asText());
      assertEquals("its instance stopped", dead.path("error").path("message").asText());
      assertEquals("queued", store.find("alive", "ka").orElseThrow().status());
      assertEquals("completed", store.find("old-but-done", "ka").orElseThrow().status());
      // another instance's store (another pool, same database) sees the same
      ResponseStore other = new ResponseStore(test.connect(), clock);
      assertEquals(0, other.failStale(Duration.ofSeconds(10), "x"));
      clock.advance(Duration.ofSeconds(11));
      assertEquals(1, other.failStale(Duration.ofSeconds(10), "x"));
      assertEquals(Set.of("alive"), store.heartbeat(Set.of("alive")), "a run failed elsewhere is told to stop");
    }
  }
}
