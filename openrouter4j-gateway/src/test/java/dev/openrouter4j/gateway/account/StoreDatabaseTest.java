package dev.openrouter4j.gateway.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.gateway.store.Database;
import dev.openrouter4j.gateway.store.StorageException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StoreDatabaseTest {
  static final List<String> TABLES = List.of("api_keys", "credit_reservations", "generation_attempts", "generations", "key_changes", "rate_limit_buckets", "stored_responses");
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void openingMigratesTheSchemaOnceAndReopeningLeavesItAlone(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database first = t.connect();
      assertEquals(backend == Backend.H2 ? Database.Kind.H2 : Database.Kind.POSTGRESQL, first.kind());
      assertEquals(TABLES, tables(first));
      Database second = t.connect();
      assertEquals(migrations(), (int) second.withConnection("count", c -> {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success AND type = 'SQL'")) {
          rs.next();
          return rs.getInt(1);
        }
      }));
    }
  }

  /** The number of migration scripts the gateway ships: each runs once. */
  static int migrations() throws Exception {
    try (var files = java.nio.file.Files.list(Path.of(Database.class.getResource("/db/migration").toURI()))) {
      return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aTransactionThatThrowsIsRolledBack(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      assertThrows(StorageException.class, () -> db.inTransaction("two inserts", c -> {
        c.createStatement().executeUpdate("INSERT INTO rate_limit_buckets (id) VALUES ('a')");
        c.createStatement().executeUpdate("INSERT INTO rate_limit_buckets (id) VALUES ('a')");
        return null;
      }));
      assertEquals(0, (int) db.withConnection("count", c -> {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM rate_limit_buckets")) {
          rs.next();
          return rs.getInt(1);
        }
      }));
    }
  }

  @Test
  void h2UrlsGetPostgreSqlModeAndMemoryOnesOutliveTheirConnections() throws Exception {
    try (Database db = Database.open("jdbc:h2:mem:store-test")) {
      assertTrue(db.url().endsWith(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;CACHE_SIZE=4096;DB_CLOSE_DELAY=-1"), db.url());
      assertEquals(TABLES, tables(db));
    }
  }

  @Test
  void anH2FileDatabaseGetsABoundedPageCacheUnlessItsUrlSetsOne() throws Exception {
    // H2's own default grows with -Xmx (64 MB per GB); the gateway bounds it (Database's comment says why)
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("bounded"))) {
      assertEquals(4_096, cacheKb(db));
    }
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("chosen") + ";CACHE_SIZE=2048")) {
      assertEquals(2_048, cacheKb(db));
      assertFalse(db.url().contains("CACHE_SIZE=4096"), db.url());
    }
  }

  static int cacheKb(Database db) {
    return db.withConnection("cache size", c -> {
      try (ResultSet rs = c.createStatement().executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE LOWER(SETTING_NAME) = 'cache_size'")) {
        assertTrue(rs.next(), "H2 reports no CACHE_SIZE setting");
        return Integer.parseInt(rs.getString(1));
      }
    });
  }

  @Test
  void anUnknownUrlIsRefusedWithoutShowingItsSecrets() {
    var e = assertThrows(IllegalArgumentException.class, () -> Database.open("jdbc:mysql://db/x?password=hunter2"));
    assertTrue(e.getMessage().contains("jdbc:mysql://db/x"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void anUnreachableDatabaseFailsFastWithAStorageException() {
    var options = Database.Options.defaults().withUser("postgres", null);
    var quick = new Database.Options(1, java.time.Duration.ofMillis(500), options.user(), null);
    var e = assertThrows(StorageException.class, () -> Database.open("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=1", quick));
    assertTrue(e.getMessage().startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/test"), e.getMessage());
  }

  static List<String> tables(Database db) {
    return db.withConnection("tables", c -> {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          if (!name.startsWith("flyway")) names.add(name);
        }
      }
      names.sort(null);
      return names;
    });
  }
}
