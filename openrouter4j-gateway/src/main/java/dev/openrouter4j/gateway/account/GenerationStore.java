package dev.openrouter4j.gateway.account;

import dev.openrouter4j.gateway.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads generation records: one by id for GET /api/v1/generation, and daily totals for GET
 * /api/v1/activity. Both only ever show the calling key's own records. A record the writer has
 * accepted but not yet committed is found too.
 */
public final class GenerationStore {
  private final Database db;
  private final GenerationWriter writer;
  private final Clock clock;

  /** {@code writer} may be null (then only committed records are found). */
  public GenerationStore(Database db, GenerationWriter writer, Clock clock) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.writer = writer;
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** The generation, if it exists and was made with this key; another key's is as good as absent. */
  public Optional<GenerationRecord> find(String id, String keyHash) {
    if (writer != null) {
      Optional<GenerationRecord> queued = writer.pending(id);
      if (queued.isPresent()) return queued.filter(r -> r.keyHash().equals(keyHash));
    }
    return db.withConnection(
        "read generation",
        c -> {
          GenerationRecord head;
          Integer servedStatus;
          try (PreparedStatement s = c.prepareStatement("SELECT * FROM generations WHERE id = ? AND key_hash = ?")) {
            s.setString(1, id);
            s.setString(2, keyHash);
            try (ResultSet rs = s.executeQuery()) {
              if (!rs.next()) return Optional.empty();
              head =
                  new GenerationRecord(
                      rs.getString("id"),
                      rs.getString("key_hash"),
                      rs.getString("model"),
                      rs.getString("provider"),
                      rs.getLong("prompt_tokens"),
                      rs.getLong("completion_tokens"),
                      rs.getLong("cached_tokens"),
                      rs.getLong("reasoning_tokens"),
                      rs.getBigDecimal("cost").doubleValue(),
                      rs.getLong("latency_ms"),
                      rs.getLong("generation_time_ms"),
                      rs.getString("finish_reason"),
                      rs.getBoolean("streamed"),
                      rs.getBoolean("cancelled"),
                      rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                      List.of(),
                      rs.getString("api_type"));
              servedStatus = rs.getObject("served_status", Integer.class);
            }
          }
          List<GenerationRecord.Attempt> attempts = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement("SELECT provider, model, status, latency_ms FROM generation_attempts WHERE generation_id = ? ORDER BY seq")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) attempts.add(new GenerationRecord.Attempt(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
            }
          }
          // the served attempt, kept in the generations row when it repeated it (GenerationWriter)
          if (servedStatus != null) attempts.add(new GenerationRecord.Attempt(head.provider(), head.model(), servedStatus, head.latencyMs()));
          return Optional.of(withAttempts(head, attempts));
        });
  }

  /** The last {@code days} UTC days, today included. */
  public List<ActivityRow> activity(String keyHash, int days) {
    if (days < 1) throw new IllegalArgumentException("days must be >= 1, not " + days);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return activity(keyHash, today.minusDays(days - 1L), today);
  }

  /** Totals per UTC day, model and provider from {@code from} to {@code to}, both included, by date then model. */
  public List<ActivityRow> activity(String keyHash, LocalDate from, LocalDate to) {
    return db.withConnection(
        "read activity",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT created_day, model, provider, COUNT(*), SUM(prompt_tokens), SUM(completion_tokens), SUM(reasoning_tokens), SUM(cost)"
                      + " FROM generations WHERE key_hash = ? AND created_day >= ? AND created_day <= ?"
                      + " GROUP BY created_day, model, provider ORDER BY created_day, model, provider")) {
            s.setString(1, keyHash);
            s.setObject(2, from);
            s.setObject(3, to);
            List<ActivityRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new ActivityRow(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getBigDecimal(8).doubleValue()));
              }
            }
            return rows;
          }
        });
  }

  private static GenerationRecord withAttempts(GenerationRecord r, List<GenerationRecord.Attempt> attempts) {
    return new GenerationRecord(
        r.id(), r.keyHash(), r.model(), r.provider(), r.promptTokens(), r.completionTokens(), r.cachedTokens(), r.reasoningTokens(),
        r.cost(), r.latencyMs(), r.generationTimeMs(), r.finishReason(), r.streamed(), r.cancelled(), r.createdAt(), attempts, r.apiType());
  }
}
