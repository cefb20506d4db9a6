package dev.openrouter4j.gateway.account;

import static org.junit.jupiter.api.Assertions.fail;

import dev.openrouter4j.gateway.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database for one test: an H2 file in the test's temp directory, or a schema of its own
 * on the local PostgreSQL server ({@code 127.0.0.1:5432}, database {@code test}, trust auth as
 * {@code postgres} or {@code root}; {@code OPENROUTER4J_TEST_PG_URL} overrides the URL), dropped
 * again by {@link #close}.
 *
 * <p>Without a reachable PostgreSQL the PostgreSQL variants are skipped, saying why; with {@code
 * OPENROUTER4J_REQUIRE_POSTGRES=true} (as CI sets it) they fail instead.
 */
public final class TestDatabase implements AutoCloseable {
  static final String PG_URL = System.getenv().getOrDefault("OPENROUTER4J_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final boolean REQUIRE_PG = "true".equalsIgnoreCase(System.getenv("OPENROUTER4J_REQUIRE_POSTGRES"));
  private static PgServer pg;
  // the pool's and Flyway's start-up lines, once per test, drown the output; warnings still show
  private static final List<java.util.logging.Logger> QUIET =
      List.of(java.util.logging.Logger.getLogger("com.zaxxer.hikari"), java.util.logging.Logger.getLogger("org.flywaydb"));

  static {
    for (var logger : QUIET) logger.setLevel(java.util.logging.Level.WARNING);
  }

  /** How to reach PostgreSQL, or why it cannot be reached. */
  private record PgServer(String user, String unavailable) {}

  private final Backend backend;
  private final String url;
  private final String schema;
  private final String user;
  private final List<Database> opened = new ArrayList<>();

  private TestDatabase(Backend backend, String url, String schema, String user) {
    this.backend = backend;
    this.url = url;
    this.schema = schema;
    this.user = user;
  }

  public static TestDatabase open(Backend backend, Path dir) {
    if (backend == Backend.H2) {
      return new TestDatabase(backend, "jdbc:h2:file:" + dir.resolve("accounts").toAbsolutePath(), null, null);
    }
    PgServer server = postgres();
    if (server.unavailable() != null) {
      if (REQUIRE_PG) fail("OPENROUTER4J_REQUIRE_POSTGRES=true, but there is " + server.unavailable());
      Assumptions.abort("PostgreSQL test skipped: " + server.unavailable());
    }
    String schema = "or4j_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try (Connection c = DriverManager.getConnection(PG_URL, server.user(), null);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema, e);
    }
    String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase(backend, url, schema, server.user());
  }

  /** Opens (and migrates) a pool on the test database; each call is another pool, as another instance would have. */
  Database connect() {
    return connect(Database.Options.defaults());
  }

  Database connect(Database.Options options) {
    Database db = Database.open(url, user == null ? options : options.withUser(user, null));
    opened.add(db);
    return db;
  }

  /** Migrates the test database only up to {@code version} (an older schema, to test a later migration on its rows). */
  void migrateTo(String version) {
    org.flywaydb.core.Flyway.configure().dataSource(plainUrl(), user, null).locations("classpath:db/migration").target(version).load().migrate();
  }

  /** A plain connection to the test database, outside any pool (for writing rows in an older schema). */
  Connection plainConnection() throws SQLException {
    return DriverManager.getConnection(plainUrl(), user, null);
  }

  private String plainUrl() {
    return backend == Backend.H2 ? Database.h2Url(url) : url;
  }

  /** The URL a gateway's {@code storage.url} takes (the user, if any, as a parameter). */
  public String storageUrl() {
    return user == null ? url : url + "&user=" + user;
  }

  public Backend backend() {
    return backend;
  }

  @Override
  public void close() throws SQLException {
    for (Database db : opened) db.close();
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(PG_URL, user, null);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static synchronized PgServer postgres() {
    if (pg == null) pg = probe();
    return pg;
  }

  private static PgServer probe() {
    DriverManager.setLoginTimeout(3);
    SQLException last = null;
    for (String user : List.of("postgres", "root")) {
      try (Connection c = DriverManager.getConnection(PG_URL, user, null)) {
        return new PgServer(user, null);
      } catch (SQLException e) {
        last = e;
      }
    }
    String reason = "no connection to " + PG_URL + " as postgres or root (" + last.getMessage() + "); start it with bin/ensure-postgres";
    System.err.println("[openrouter4j] " + "PostgreSQL tests will be SKIPPED: " + reason);
    return new PgServer(null, reason);
  }
}
