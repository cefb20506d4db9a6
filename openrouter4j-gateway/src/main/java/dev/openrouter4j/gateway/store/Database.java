package dev.openrouter4j.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The accounts database: a small HikariCP pool on one JDBC URL, migrated by Flyway
 * ({@code classpath:db/migration}) when opened. H2 (file or memory) and PostgreSQL run the same
 * migrations: an H2 URL gets {@code ;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE} appended (unless it
 * sets them itself), so that H2 takes PostgreSQL's SQL and folds names to lower case as PostgreSQL
 * does, and an H2 memory URL {@code ;DB_CLOSE_DELAY=-1}, so the database outlives an idle pool.
 *
 * <p>An H2 URL also gets {@code ;CACHE_SIZE=}{@value #H2_CACHE_KB} (unless it sets one): H2's own
 * default grows with the heap (64 MB per GB of {@code -Xmx}, 384 MB on a 24 GB machine), and the
 * pages the generation writer puts in it stay there until it is full, seconds later: long enough
 * for the collector to copy and promote them. With 4 MB, young pauses at a fixed heap were
 * shorter (median 11 ms against 16–18 ms at 1,000 requests/s; docs/BENCHMARKS.md, "Where the JSON
 * p99 goes"). The gateway mostly writes; what it reads again (keys, stored responses) it reads soon
 * after writing.
 *
 * <p>Every call blocks: callers on a Vert.x event loop go through {@code executeBlocking}.
 */
public final class Database implements AutoCloseable {
  public enum Kind {
    H2,
    POSTGRESQL
  }

  /** Pool settings; {@code user} and {@code password} may be null (then the URL or driver decides). */
  public record Options(int maxPoolSize, Duration connectionTimeout, String user, String password) {
    public static Options defaults() {
      return new Options(8, Duration.ofSeconds(5), null, null);
    }

    public Options withUser(String user, String password) {
      return new Options(maxPoolSize, connectionTimeout, user, password);
    }

    public Options withMaxPoolSize(int size) {
      return new Options(size, connectionTimeout, user, password);
    }
  }

  /** Work done with one connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Kind kind;
  private final String url;
  private final HikariDataSource pool;

  private Database(Kind kind, String url, HikariDataSource pool) {
    this.kind = kind;
    this.url = url;
    this.pool = pool;
  }

  public static Database open(String url) {
    return open(url, Options.defaults());
  }

  /** Opens the pool and migrates the schema; a failure closes the pool again. */
  public static Database open(String url, Options options) {
    Objects.requireNonNull(url, "url == null");
    Kind kind = kindOf(url);
    String jdbcUrl = kind == Kind.H2 ? h2Url(url) : url;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("openrouter4j-" + kind.name().toLowerCase(java.util.Locale.ROOT));
    config.setMaximumPoolSize(options.maxPoolSize());
    config.setMinimumIdle(Math.min(2, options.maxPoolSize()));
    config.setConnectionTimeout(options.connectionTimeout().toMillis());
    if (options.user() != null) config.setUsername(options.user());
    if (options.password() != null) config.setPassword(options.password());
    if (kind == Kind.POSTGRESQL) {
      // a JDBC batch of inserts goes out as multi-row INSERTs: one round trip per batch
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StorageException("cannot connect to " + redact(url), e);
    }
    try {
      // Flyway opens its own connections (it wants two at once) and closes them when done, so the
      // pool, however small, is left to the application
      Flyway.configure().dataSource(jdbcUrl, options.user(), options.password()).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StorageException("cannot migrate " + redact(url), e);
    }
    return new Database(kind, jdbcUrl, pool);
  }

  static Kind kindOf(String url) {
    if (url.startsWith("jdbc:h2:")) return Kind.H2;
    if (url.startsWith("jdbc:postgresql:")) return Kind.POSTGRESQL;
    throw new IllegalArgumentException("storage.url must be jdbc:h2:… or jdbc:postgresql:…, not " + redact(url));
  }

  /** H2's page cache, in KB: see the class comment. */
  static final int H2_CACHE_KB = 4_096;

  /** An H2 URL as the pool and Flyway open it: PostgreSQL mode, lower-case names, the bounded cache. */
  public static String h2Url(String url) {
    String upper = url.toUpperCase(java.util.Locale.ROOT);
    StringBuilder b = new StringBuilder(url);
    if (!upper.contains(";MODE=")) b.append(";MODE=PostgreSQL");
    if (!upper.contains(";DATABASE_TO_LOWER=")) b.append(";DATABASE_TO_LOWER=TRUE");
    if (!upper.contains(";CACHE_SIZE=")) b.append(";CACHE_SIZE=").append(H2_CACHE_KB);
    if (upper.startsWith("JDBC:H2:MEM:") && !upper.contains(";DB_CLOSE_DELAY=")) b.append(";DB_CLOSE_DELAY=-1");
    return b.toString();
  }

  /** The URL without its query string and H2 settings, which may carry a password. */
  static String redact(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int i = url.indexOf(c);
      if (i >= 0) cut = Math.min(cut, i);
    }
    return url.substring(0, cut);
  }

  public Kind kind() {
    return kind;
  }

  /** The JDBC URL as the pool uses it (with H2's settings appended). */
  public String url() {
    return url;
  }

  public DataSource dataSource() {
    return pool;
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(String what, SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageException(what, e);
    }
  }

  /** Runs {@code work} on one connection in auto-commit mode (single statements, reads). */
  public <T> T withConnection(String what, SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StorageException(what, e);
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
