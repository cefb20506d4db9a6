package dev.openrouter4j.gateway.account;

import dev.openrouter4j.gateway.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API keys. A key's secret ({@code sk-or4j-v1-} and 64 hex digits) is returned once, by {@link
 * #create}, and never stored: the table holds its SHA-256. {@link #authenticate} looks a presented
 * secret up by the first 16 hex digits of its hash and then compares the whole hash with {@link
 * MessageDigest#isEqual}, which takes the same time wherever the hashes differ.
 */
public final class KeyStore {
  public static final String PREFIX = "sk-or4j-v1-";
  static final int LOOKUP_CHARS = 16;
  private static final HexFormat HEX = HexFormat.of();
  private static final String COLUMNS =
      "hash, label, name, disabled, credit_limit, limit_reset, rate_limit_rpm, usage_total, usage_daily, usage_weekly,"
          + " usage_monthly, day_start, week_start, month_start, reserved, created_at, updated_at";

  /** A new key: the secret, shown this once, and its record. */
  public record Created(String key, ApiKey record) {}

  private final Database db;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public KeyStore(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  public Created create(KeySpec spec) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String body = HEX.formatHex(bytes);
    String secret = PREFIX + body;
    String label = PREFIX + body.substring(0, 3) + "..." + body.substring(body.length() - 3);
    String hash = hash(secret);
    Instant now = clock.instant();
    UsagePeriods p = UsagePeriods.at(now);
    ApiKey record =
        db.inTransaction(
            "create key",
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO api_keys (hash, lookup, label, name, credit_limit, limit_reset, rate_limit_rpm,"
                          + " day_start, week_start, month_start, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, hash);
                s.setString(2, hash.substring(0, LOOKUP_CHARS));
                s.setString(3, label);
                s.setString(4, spec.name());
                s.setBigDecimal(5, spec.limit() == null ? null : Money.of(spec.limit()));
                s.setString(6, spec.limitReset() == null ? null : spec.limitReset().wire());
                setInteger(s, 7, spec.rateLimitRpm());
                s.setObject(8, p.day());
                s.setObject(9, p.week());
                s.setObject(10, p.month());
                s.setObject(11, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                s.executeUpdate();
              }
              return read(c, hash, now).orElseThrow();
            });
    return new Created(secret, record);
  }

  /** The key whose secret this is, disabled or not (the caller answers 403 for a disabled one). */
  public Optional<ApiKey> authenticate(String secret) {
    if (secret == null || secret.isEmpty()) return Optional.empty();
    byte[] presented = sha256(secret);
    String lookup = HEX.formatHex(presented, 0, LOOKUP_CHARS / 2);
    Instant now = clock.instant();
    return db.withConnection(
        "authenticate key",
        c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE lookup = ?")) {
            s.setString(1, lookup);
            try (ResultSet rs = s.executeQuery()) {
              ApiKey found = null;
              while (rs.next()) {
                // every candidate is compared, so the time taken does not depend on which one matched
                if (sameHash(rs.getString("hash"), presented) && found == null) found = row(rs, UsagePeriods.at(now));
              }
              return Optional.ofNullable(found);
            }
          }
        });
  }

  static boolean sameHash(String storedHex, byte[] presented) {
    if (storedHex == null || storedHex.length() != presented.length * 2) return false;
    byte[] stored;
    try {
      stored = HEX.parseHex(storedHex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(stored, presented);
  }

  public Optional<ApiKey> get(String hash) {
    Instant now = clock.instant();
    return db.withConnection("read key", c -> read(c, hash, now));
  }

  /** Keys in creation order, a page at a time (OpenRouter's {@code offset} and {@code include_disabled}). */
  public List<ApiKey> list(boolean includeDisabled, int offset, int limit) {
    Instant now = clock.instant();
    String sql =
        "SELECT " + COLUMNS + " FROM api_keys" + (includeDisabled ? "" : " WHERE disabled = FALSE") + " ORDER BY created_at, hash LIMIT ? OFFSET ?";
    return db.withConnection(
        "list keys",
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            s.setInt(2, offset);
            List<ApiKey> keys = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              UsagePeriods p = UsagePeriods.at(now);
              while (rs.next()) keys.add(row(rs, p));
            }
            return keys;
          }
        });
  }

  /** Applies the patch; empty when no key has this hash. */
  public Optional<ApiKey> update(String hash, KeyPatch patch) {
    Instant now = clock.instant();
    if (patch.isEmpty()) return get(hash);
    List<String> sets = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (patch.name != null) add(sets, values, "name", patch.name);
    if (patch.disabled != null) add(sets, values, "disabled", patch.disabled);
    if (patch.limitSet) add(sets, values, "credit_limit", patch.limit == null ? null : Money.of(patch.limit));
    if (patch.limitResetSet) add(sets, values, "limit_reset", patch.limitReset == null ? null : patch.limitReset.wire());
    if (patch.rateLimitSet) add(sets, values, "rate_limit_rpm", patch.rateLimitRpm);
    add(sets, values, "updated_at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    String sql = "UPDATE api_keys SET " + String.join(", ", sets) + " WHERE hash = ?";
    return db.inTransaction(
        "update key",
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int k = 0; k < values.size(); k++) {
              if (values.get(k) == null) s.setNull(k + 1, nullType(sets.get(k)));
              else s.setObject(k + 1, values.get(k));
            }
            s.setString(values.size() + 1, hash);
            if (s.executeUpdate() == 0) return Optional.empty();
          }
          countChange(c);
          return read(c, hash, now);
        });
  }

  public boolean delete(String hash) {
    return db.inTransaction(
        "delete key",
        c -> {
          try (PreparedStatement s = c.prepareStatement("DELETE FROM credit_reservations WHERE key_hash = ?")) {
            s.setString(1, hash);
            s.executeUpdate();
          }
          try (PreparedStatement s = c.prepareStatement("DELETE FROM api_keys WHERE hash = ?")) {
            s.setString(1, hash);
            if (s.executeUpdate() == 0) return false;
          }
          countChange(c);
          return true;
        });
  }

  /**
   * How many times keys have been changed or deleted, by any instance sharing the database. An
   * instance that caches keys reads it now and then, and forgets its cache when it moved.
   */
  public long changes() {
    return db.withConnection(
        "read key changes",
        c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT version FROM key_changes WHERE id = 1");
              ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }

  // in the change's own transaction, so the counter never moves before the change is visible
  private static void countChange(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE key_changes SET version = version + 1 WHERE id = 1")) {
      s.executeUpdate();
    }
  }

  /** The hex SHA-256 of a secret: what the table stores and the management API calls the key's hash. */
  public static String hash(String secret) {
    return HEX.formatHex(sha256(secret));
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static Optional<ApiKey> read(Connection c, String hash, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE hash = ?")) {
      s.setString(1, hash);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(row(rs, UsagePeriods.at(now))) : Optional.empty();
      }
    }
  }

  /** A row as a record, with each period's usage 0 when its period has ended since it was written. */
  static ApiKey row(ResultSet rs, UsagePeriods now) throws SQLException {
    Integer rpm = rs.getObject("rate_limit_rpm", Integer.class);
    OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
    return new ApiKey(
        rs.getString("hash"),
        rs.getString("label"),
        rs.getString("name"),
        rs.getBoolean("disabled"),
        Money.ofNullable(rs.getBigDecimal("credit_limit")),
        LimitReset.parse(rs.getString("limit_reset")),
        rpm,
        rs.getBigDecimal("usage_total").doubleValue(),
        current(rs, "usage_daily", "day_start", now.day()),
        current(rs, "usage_weekly", "week_start", now.week()),
        current(rs, "usage_monthly", "month_start", now.month()),
        rs.getBigDecimal("reserved").doubleValue(),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        updated == null ? null : updated.toInstant());
  }

  private static double current(ResultSet rs, String usage, String start, LocalDate periodStart) throws SQLException {
    LocalDate written = rs.getObject(start, LocalDate.class);
    return written.isBefore(periodStart) ? 0 : rs.getBigDecimal(usage).doubleValue();
  }

  private static void add(List<String> sets, List<Object> values, String column, Object value) {
    sets.add(column + " = ?");
    values.add(value);
  }

  private static int nullType(String set) {
    if (set.startsWith("credit_limit")) return java.sql.Types.NUMERIC;
    if (set.startsWith("rate_limit_rpm")) return java.sql.Types.INTEGER;
    return java.sql.Types.VARCHAR;
  }

  private static void setInteger(PreparedStatement s, int i, Integer v) throws SQLException {
    if (v == null) s.setNull(i, java.sql.Types.INTEGER);
    else s.setInt(i, v);
  }
}
