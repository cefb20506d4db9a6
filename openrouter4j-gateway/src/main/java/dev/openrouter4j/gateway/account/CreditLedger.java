package dev.openrouter4j.gateway.account;

import dev.openrouter4j.gateway.store.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Each key's credit: reserve an estimate before routing, settle the actual cost after.
 *
 * <p>{@link #reserve} is one conditional {@code UPDATE … SET reserved = reserved + estimate WHERE
 * used + reserved + estimate <= limit} (used being the current period's usage under a {@code
 * limit_reset}), so the database's row lock orders concurrent reservations, from one process or
 * from several sharing PostgreSQL, and no reservation is granted that the limit cannot hold. While
 * each request's actual cost stays within its estimate a key never goes over its limit; a request
 * that costs more than its estimate (the estimate was too low) is still charged in full, so the
 * overrun is bounded by the underestimates of the requests in flight.
 *
 * <p>A reservation is also a row of {@code credit_reservations}: {@link #settle} deletes it, and
 * {@link #releaseExpired} gives back the credit of reservations whose process died before settling.
 * Every call blocks on the database.
 */
public final class CreditLedger {
  /** How long a reservation may stay unsettled before it counts as abandoned: longer than any request. */
  public static final Duration DEFAULT_RESERVATION_TTL = Duration.ofHours(1);

  private static final String PERIOD_USAGE =
      "CASE limit_reset"
          + " WHEN 'daily' THEN CASE WHEN day_start >= ? THEN usage_daily ELSE 0 END"
          + " WHEN 'weekly' THEN CASE WHEN week_start >= ? THEN usage_weekly ELSE 0 END"
          + " WHEN 'monthly' THEN CASE WHEN month_start >= ? THEN usage_monthly ELSE 0 END"
          + " ELSE usage_total END";
  private static final String RESERVE =
      "UPDATE api_keys SET reserved = reserved + ? WHERE hash = ? AND (credit_limit IS NULL OR " + PERIOD_USAGE + " + reserved + ? <= credit_limit)";
  // A period whose start is older than now's starts again at this amount; a start newer than now's
  // (another instance's clock is ahead) is kept, so clock skew never resets a period twice.
  private static final String SETTLE =
      "UPDATE api_keys SET reserved = reserved - ?, usage_total = usage_total + ?,"
          + " usage_daily = CASE WHEN day_start >= ? THEN usage_daily + ? ELSE ? END,"
          + " usage_weekly = CASE WHEN week_start >= ? THEN usage_weekly + ? ELSE ? END,"
          + " usage_monthly = CASE WHEN month_start >= ? THEN usage_monthly + ? ELSE ? END,"
          + " day_start = GREATEST(day_start, ?), week_start = GREATEST(week_start, ?), month_start = GREATEST(month_start, ?)"
          + " WHERE hash = ?";

  /** The outcome of {@link #reserve}: a {@link Reservation}, or {@link Insufficient} (402). */
  public sealed interface Decision permits Reservation, Insufficient {}

  /**
   * Credit held for one request. {@code id} is null for an unmetered reservation (a key without a
   * limit, reserved through {@link #reserve(ApiKey, double)}), which holds nothing.
   */
  public record Reservation(String id, String keyHash, double amount) implements Decision {}

  /** The key's remaining credit cannot cover the estimate. */
  public record Insufficient(String keyHash, double remaining, double requested) implements Decision {}

  /** GET /credits: the credit (null: unlimited) and the usage that counts against it. */
  public record Credits(Double totalCredits, double totalUsage) {}

  private final Database db;
  private final Clock clock;

  public CreditLedger(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Holds {@code estimateUsd} of the key's credit, or answers {@link Insufficient}. A key that does
   * not exist (deleted since it authenticated) has no credit.
   */
  public Decision reserve(String keyHash, double estimateUsd) {
    BigDecimal amount = Money.of(estimateUsd);
    UsagePeriods p = UsagePeriods.at(clock.instant());
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    boolean granted =
        db.inTransaction(
            "reserve credit",
            c -> {
              try (PreparedStatement s = c.prepareStatement(RESERVE)) {
                s.setBigDecimal(1, amount);
                s.setString(2, keyHash);
                s.setObject(3, p.day());
                s.setObject(4, p.week());
                s.setObject(5, p.month());
                s.setBigDecimal(6, amount);
                if (s.executeUpdate() == 0) return false;
              }
              try (PreparedStatement s = c.prepareStatement("INSERT INTO credit_reservations (id, key_hash, amount, created_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, keyHash);
                s.setBigDecimal(3, amount);
                s.setObject(4, now);
                s.executeUpdate();
              }
              return true;
            });
    if (granted) return new Reservation(id, keyHash, amount.doubleValue());
    return new Insufficient(keyHash, remaining(keyHash), amount.doubleValue());
  }

  /**
   * As {@link #reserve(String, double)}, but a key without a limit (as it was when it
   * authenticated) gets an unmetered reservation without touching the database.
   */
  public Decision reserve(ApiKey key, double estimateUsd) {
    if (key.limit() == null) {
      Money.of(estimateUsd); // the same argument check
      return new Reservation(null, key.hash(), 0);
    }
    return reserve(key.hash(), estimateUsd);
  }

  /**
   * Releases the reservation and charges the actual cost to the key's total and to its current
   * day, week and month. Settling a reservation twice, or one already released as expired, charges
   * the cost but releases nothing again.
   */
  public void settle(Reservation reservation, double actualUsd) {
    BigDecimal actual = Money.of(actualUsd);
    if (reservation.id() == null && actual.signum() == 0) return;
    UsagePeriods p = UsagePeriods.at(clock.instant());
    db.inTransaction(
        "settle credit",
        c -> {
          BigDecimal released = reservation.id() == null ? BigDecimal.ZERO : delete(c, reservation.id());
          try (PreparedStatement s = c.prepareStatement(SETTLE)) {
            int i = 1;
            s.setBigDecimal(i++, released);
            s.setBigDecimal(i++, actual);
            for (var start : List.of(p.day(), p.week(), p.month())) {
              s.setObject(i++, start);
              s.setBigDecimal(i++, actual);
              s.setBigDecimal(i++, actual);
            }
            s.setObject(i++, p.day());
            s.setObject(i++, p.week());
            s.setObject(i++, p.month());
            s.setString(i, reservation.keyHash());
            s.executeUpdate();
          }
          return null;
        });
  }

  /** Gives back the credit of reservations older than {@code maxAge}; returns how many. */
  public int releaseExpired(Duration maxAge) {
    OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(maxAge), ZoneOffset.UTC);
    List<String> ids =
        db.withConnection(
            "find expired reservations",
            c -> {
              try (PreparedStatement s = c.prepareStatement("SELECT id FROM credit_reservations WHERE created_at < ? ORDER BY created_at LIMIT 1000")) {
                s.setObject(1, cutoff);
                List<String> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                  while (rs.next()) found.add(rs.getString(1));
                }
                return found;
              }
            });
    int released = 0;
    for (String id : ids) {
      boolean done =
          db.inTransaction(
              "release expired reservation",
              c -> {
                String keyHash;
                try (PreparedStatement s = c.prepareStatement("SELECT key_hash FROM credit_reservations WHERE id = ?")) {
                  s.setString(1, id);
                  try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) return false;
                    keyHash = rs.getString(1);
                  }
                }
                BigDecimal amount = delete(c, id);
                if (amount.signum() == 0) return false; // settled meanwhile
                try (PreparedStatement s = c.prepareStatement("UPDATE api_keys SET reserved = reserved - ? WHERE hash = ?")) {
                  s.setBigDecimal(1, amount);
                  s.setString(2, keyHash);
                  s.executeUpdate();
                }
                return true;
              });
      if (done) released++;
    }
    return released;
  }

  /** The key's credit and usage for GET /credits; empty when no key has this hash. */
  public Optional<Credits> credits(String keyHash) {
    return key(keyHash).map(k -> new Credits(k.limit(), k.limitUsage()));
  }

  private double remaining(String keyHash) {
    return key(keyHash)
        .map(k -> k.limit() == null ? Double.POSITIVE_INFINITY : Math.max(0, k.limit() - k.limitUsage() - k.reserved()))
        .orElse(0.0);
  }

  private Optional<ApiKey> key(String keyHash) {
    Instant now = clock.instant();
    return db.withConnection(
        "read credit",
        c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT * FROM api_keys WHERE hash = ?")) {
            s.setString(1, keyHash);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next() ? Optional.of(KeyStore.row(rs, UsagePeriods.at(now))) : Optional.empty();
            }
          }
        });
  }

  /**
   * Deletes a reservation row and returns the amount it held, or 0 when it was already gone. The
   * delete takes the row's lock, so of a settle and an expiry racing, only one gives the credit back.
   */
  private static BigDecimal delete(Connection c, String id) throws SQLException {
    BigDecimal amount;
    try (PreparedStatement s = c.prepareStatement("SELECT amount FROM credit_reservations WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) return BigDecimal.ZERO;
        amount = rs.getBigDecimal(1);
      }
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM credit_reservations WHERE id = ?")) {
      s.setString(1, id);
      return s.executeUpdate() == 1 ? amount : BigDecimal.ZERO;
    }
  }
}
