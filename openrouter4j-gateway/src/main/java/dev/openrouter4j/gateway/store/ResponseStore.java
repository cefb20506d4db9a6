package dev.openrouter4j.gateway.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stored Responses API responses ({@code stored_responses}): the response JSON as the client was
 * last answered, and the request's own input items. Every read and write names the key that made the
 * response, so another key's response is as good as absent. Blocking: callers on an event loop go
 * through {@code executeBlocking}.
 *
 * <p>Only a {@code queued} or {@code in_progress} row changes once written: to its final state
 * ({@link #finish}), to {@code cancelled} ({@link #cancel}), or to {@code failed} when its owner
 * stopped ({@link #failStale}, {@link #fail}). Each of those is one conditional update, so a cancel
 * and the run's own end cannot both win.
 */
public final class ResponseStore {
  public static final String QUEUED = "queued";
  public static final String IN_PROGRESS = "in_progress";
  public static final String CANCELLED = "cancelled";
  public static final String FAILED = "failed";
  private static final String UNFINISHED = "status IN ('queued', 'in_progress')";

  /** One stored response: its JSON and input items as text. */
  public record Row(String id, String keyHash, String previousId, String status, boolean background, String response, String inputItems) {}

  /** What {@link #cancel} found. */
  public sealed interface CancelOutcome {
    /** Cancelled now, or already: the response as it reads afterwards. */
    record Cancelled(String response) implements CancelOutcome {}

    /** Not cancellable: not a background run, or already finished otherwise. */
    record NotCancellable(String status, boolean background) implements CancelOutcome {}

    record Missing() implements CancelOutcome {}
  }

  /** Why a {@code previous_response_id} chain cannot be followed. */
  public static final class ChainException extends RuntimeException {
    /** The id that is missing (unknown, another key's, or deleted), or null. */
    public final String missing;
    /** The status of the referenced response when it is not finished yet, or null. */
    public final String unfinished;

    ChainException(String message, String missing, String unfinished) {
      super(message, null, false, false);
      this.missing = missing;
      this.unfinished = unfinished;
    }
  }

  private final Database db;
  private final Clock clock;

  public ResponseStore(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  public void insert(Row row) {
    OffsetDateTime now = now();
    db.withConnection("store response", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO stored_responses (id, key_hash, previous_id, status, background, response, input_items, created_at, heartbeat_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, row.id());
        s.setString(2, row.keyHash());
        s.setString(3, row.previousId());
        s.setString(4, row.status());
        s.setBoolean(5, row.background());
        s.setString(6, row.response());
        s.setString(7, row.inputItems());
        s.setObject(8, now);
        s.setObject(9, now);
        s.executeUpdate();
      }
      return null;
    });
  }

  /** The response, if it exists and was made with this key. */
  public Optional<Row> find(String id, String keyHash) {
    return db.withConnection("read response", c -> find(c, id, keyHash));
  }

  private static Optional<Row> find(Connection c, String id, String keyHash) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT id, key_hash, previous_id, status, background, response, input_items FROM stored_responses WHERE id = ? AND key_hash = ?")) {
      s.setString(1, id);
      s.setString(2, keyHash);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getString(7)));
      }
    }
  }

  /** Deletes the response if it exists and was made with this key. */
  public boolean delete(String id, String keyHash) {
    return db.withConnection("delete response", c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM stored_responses WHERE id = ? AND key_hash = ?")) {
        s.setString(1, id);
        s.setString(2, keyHash);
        return s.executeUpdate() == 1;
      }
    });
  }

  /**
   * The chain a request that names {@code id} as its previous response continues: that response and
   * its previous ones, oldest first. Every response of the chain must exist, belong to {@code
   * keyHash} and be finished; else a {@link ChainException}.
   */
  public List<Row> chain(String id, String keyHash) {
    return db.withConnection("read previous responses", c -> {
      List<Row> chain = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      String next = id;
      while (next != null && seen.add(next)) {
        Optional<Row> row = find(c, next, keyHash);
        if (row.isEmpty()) {
          String message = next.equals(id)
              ? "Previous response with id '" + id + "' not found."
              : "Previous response with id '" + id + "' continues response '" + next + "', which is not found (deleted?).";
          throw new ChainException(message, next, null);
        }
        Row r = row.get();
        if (r.status().equals(QUEUED) || r.status().equals(IN_PROGRESS)) {
          throw new ChainException("Previous response with id '" + r.id() + "' is still " + r.status() + ": wait until it finishes.", null, r.status());
        }
        chain.add(r);
        next = r.previousId();
      }
      java.util.Collections.reverse(chain);
      return chain;
    });
  }

  /** A run's end: its final response, unless it was cancelled or failed meanwhile. */
  public boolean finish(String id, String status, String response) {
    return db.withConnection("finish response", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE stored_responses SET status = ?, response = ?, heartbeat_at = ? WHERE id = ? AND " + UNFINISHED)) {
        s.setString(1, status);
        s.setString(2, response);
        s.setObject(3, now());
        s.setString(4, id);
        return s.executeUpdate() == 1;
      }
    });
  }

  /** A queued run has started. */
  public void started(String id) {
    db.withConnection("start response", c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE stored_responses SET status = 'in_progress', response = ?, heartbeat_at = ? WHERE id = ? AND status = 'queued'")) {
        Optional<Row> row = findAny(c, id);
        if (row.isEmpty()) return null;
        s.setString(1, withStatus(row.get().response(), IN_PROGRESS, null));
        s.setObject(2, now());
        s.setString(3, id);
        s.executeUpdate();
      }
      return null;
    });
  }

  /**
   * The owner of these runs is alive: touches their heartbeat. Returns the ids that are no longer
   * running (cancelled, failed by another instance, or deleted), whose work should stop.
   */
  public Set<String> heartbeat(Set<String> ids) {
    if (ids.isEmpty()) return Set.of();
    OffsetDateTime now = now();
    return db.withConnection("heartbeat responses", c -> {
      Set<String> gone = new HashSet<>();
      try (PreparedStatement s = c.prepareStatement("UPDATE stored_responses SET heartbeat_at = ? WHERE id = ? AND " + UNFINISHED)) {
        for (String id : ids) {
          s.setObject(1, now);
          s.setString(2, id);
          if (s.executeUpdate() == 0) gone.add(id);
        }
      }
      return gone;
    });
  }

  /** Cancels a queued or in_progress background response of this key. */
  public CancelOutcome cancel(String id, String keyHash) {
    return db.withConnection("cancel response", c -> {
      Optional<Row> row = find(c, id, keyHash);
      if (row.isEmpty()) return new CancelOutcome.Missing();
      Row r = row.get();
      if (r.status().equals(CANCELLED)) return new CancelOutcome.Cancelled(r.response());
      if (!r.background() || !(r.status().equals(QUEUED) || r.status().equals(IN_PROGRESS))) {
        return new CancelOutcome.NotCancellable(r.status(), r.background());
      }
      String cancelled = withStatus(r.response(), CANCELLED, null);
      if (transition(c, id, CANCELLED, cancelled)) return new CancelOutcome.Cancelled(cancelled);
      // it finished in between: read again
      return find(c, id, keyHash)
          .<CancelOutcome>map(now -> now.status().equals(CANCELLED) ? new CancelOutcome.Cancelled(now.response()) : new CancelOutcome.NotCancellable(now.status(), true))
          .orElse(new CancelOutcome.Missing());
    });
  }

  /** Marks one unfinished response failed with {@code message} (its owner is stopping). */
  public boolean fail(String id, String message) {
    return db.withConnection("fail response", c -> {
      Optional<Row> row = findAny(c, id);
      return row.isPresent() && transition(c, id, FAILED, withStatus(row.get().response(), FAILED, message));
    });
  }

  /**
   * Marks failed every unfinished response whose heartbeat is older than {@code staleAfter}: its
   * owner stopped without finishing it (a crash, a kill). Returns how many.
   */
  public int failStale(Duration staleAfter, String message) {
    OffsetDateTime before = now().minus(staleAfter);
    return db.withConnection("fail abandoned responses", c -> {
      List<String[]> stale = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT id, response FROM stored_responses WHERE " + UNFINISHED + " AND heartbeat_at < ?")) {
        s.setObject(1, before);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) stale.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      int failed = 0;
      for (String[] r : stale) {
        if (transition(c, r[0], FAILED, withStatus(r[1], FAILED, message))) failed++;
      }
      return failed;
    });
  }

  private static Optional<Row> findAny(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT key_hash FROM stored_responses WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return find(c, id, rs.getString(1));
      }
    }
  }

  private boolean transition(Connection c, String id, String status, String response) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE stored_responses SET status = ?, response = ?, heartbeat_at = ? WHERE id = ? AND " + UNFINISHED)) {
      s.setString(1, status);
      s.setString(2, response);
      s.setObject(3, now());
      s.setString(4, id);
      return s.executeUpdate() == 1;
    }
  }

  /** The response JSON with another status (and, for a failure, {@code error}). */
  static String withStatus(String response, String status, String failure) {
    ObjectNode node = (ObjectNode) parse(response);
    node.put("status", status);
    if (failure != null) {
      ObjectNode error = node.putObject("error");
      error.put("code", "server_error");
      error.put("message", failure);
    }
    return node.toString();
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new StorageException("a stored response is not JSON", e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
