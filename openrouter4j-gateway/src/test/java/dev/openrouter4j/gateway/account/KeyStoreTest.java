package dev.openrouter4j.gateway.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.gateway.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyStoreTest {
  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-04T10:15:30Z");

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aNewKeyIsShownOnceAndOnlyItsHashIsStored(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      KeyStore keys = new KeyStore(db, clock);
      KeyStore.Created created = keys.create(new KeySpec("ci", 5.0, LimitReset.MONTHLY, 60));

      String secret = created.key();
      assertTrue(secret.matches("sk-or4j-v1-[0-9a-f]{64}"), secret);
      ApiKey k = created.record();
      assertEquals(sha256Hex(secret), k.hash());
      assertEquals(secret.substring(0, 14) + "..." + secret.substring(secret.length() - 3), k.label());
      assertEquals("ci", k.name());
      assertEquals(5.0, k.limit());
      assertEquals(LimitReset.MONTHLY, k.limitReset());
      assertEquals(60, k.rateLimitRpm());
      assertEquals(5.0, k.limitRemaining());
      assertEquals(Instant.parse("2026-03-04T10:15:30Z"), k.createdAt());
      assertNull(k.updatedAt());

      // every value in the table, as text: none holds the secret or its random part
      String body = secret.substring(KeyStore.PREFIX.length());
      List<String> stored = allValues(db, "api_keys");
      assertTrue(stored.contains(k.hash()));
      for (String v : stored) {
        assertFalse(v.contains(body), "the secret is stored: " + v);
        assertFalse(v.contains(body.substring(6, 58)), "most of the secret is stored: " + v);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aSecretAuthenticatesItsKeyAndNothingElseDoes(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      KeyStore keys = new KeyStore(t.connect(), clock);
      KeyStore.Created a = keys.create(KeySpec.named("a"));
      KeyStore.Created b = keys.create(KeySpec.named("b"));

      assertEquals(a.record().hash(), keys.authenticate(a.key()).orElseThrow().hash());
      assertEquals(b.record().hash(), keys.authenticate(b.key()).orElseThrow().hash());
      assertTrue(keys.authenticate(a.key() + "0").isEmpty());
      assertTrue(keys.authenticate(a.key().substring(0, a.key().length() - 1)).isEmpty());
      assertTrue(keys.authenticate(a.record().hash()).isEmpty(), "the hash is not a credential");
      assertTrue(keys.authenticate("").isEmpty());
      assertTrue(keys.authenticate(null).isEmpty());

      keys.update(a.record().hash(), KeyPatch.builder().disabled(true).build());
      assertTrue(keys.authenticate(a.key()).orElseThrow().disabled(), "a disabled key is still recognised, to answer 403");
    }
  }

  /**
   * The database finds candidates by the hash's first 16 hex digits only; the match itself is the
   * constant-time comparison of the whole hash. A stored hash that agrees on the prefix but not
   * after it must not authenticate.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void theWholeHashIsComparedAfterThePrefixLookup(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      Database db = t.connect();
      KeyStore keys = new KeyStore(db, clock);
      KeyStore.Created a = keys.create(KeySpec.named("a"));
      String hash = a.record().hash();
      String forged = hash.substring(0, 63) + (hash.charAt(63) == '0' ? '1' : '0');
      db.withConnection("forge", c -> c.createStatement().executeUpdate("UPDATE api_keys SET hash = '" + forged + "' WHERE hash = '" + hash + "'"));

      assertTrue(keys.authenticate(a.key()).isEmpty());
    }
  }

  @Test
  void hashesAreComparedWithMessageDigestIsEqual() {
    byte[] h = HexFormat.of().parseHex("00".repeat(31) + "ff");
    assertTrue(KeyStore.sameHash("00".repeat(31) + "ff", h));
    assertFalse(KeyStore.sameHash("00".repeat(31) + "fe", h));
    assertFalse(KeyStore.sameHash("00".repeat(31), h), "a shorter stored hash");
    assertFalse(KeyStore.sameHash("zz".repeat(32), h), "not hex");
    assertFalse(KeyStore.sameHash(null, h));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void keysAreListedGotPatchedAndDeletedByHash(Backend backend) throws Exception {
    try (TestDatabase t = TestDatabase.open(backend, dir)) {
      KeyStore keys = new KeyStore(t.connect(), clock);
      List<String> hashes = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        hashes.add(keys.create(KeySpec.named("k" + i)).record().hash());
        clock.advance(Duration.ofSeconds(1));
      }
      keys.update(hashes.get(1), KeyPatch.builder().disabled(true).build());

      assertEquals(List.of("k0", "k1", "k2", "k3", "k4"), names(keys.list(true, 0, 100)));
      assertEquals(List.of("k0", "k2", "k3", "k4"), names(keys.list(false, 0, 100)));
      assertEquals(List.of("k2", "k3"), names(keys.list(true, 2, 2)));

      ApiKey patched =
          keys.update(hashes.get(2), KeyPatch.builder().name("renamed").limit(1.5).limitReset(LimitReset.DAILY).rateLimitRpm(10).build()).orElseThrow();
      assertEquals("renamed", patched.name());
      assertEquals(1.5, patched.limit());
      assertEquals(LimitReset.DAILY, patched.limitReset());
      assertEquals(10, patched.rateLimitRpm());
      assertEquals(clock.instant(), patched.updatedAt());
      assertFalse(patched.disabled());

      ApiKey cleared = keys.update(hashes.get(2), KeyPatch.builder().limit(null).limitReset(null).rateLimitRpm(null).build()).orElseThrow();
      assertNull(cleared.limit());
      assertNull(cleared.limitReset());
      assertNull(cleared.rateLimitRpm());
      assertNull(cleared.limitRemaining());
      assertEquals("renamed", cleared.name(), "fields not in the patch stay");

      assertEquals(cleared, keys.get(hashes.get(2)).orElseThrow());
      assertTrue(keys.update("0".repeat(64), KeyPatch.builder().name("x").build()).isEmpty());
      assertTrue(keys.delete(hashes.get(0)));
      assertFalse(keys.delete(hashes.get(0)));
      assertTrue(keys.get(hashes.get(0)).isEmpty());
      assertEquals(4, keys.list(true, 0, 100).size());
    }
  }

  @Test
  void limitsAndRatesAreCheckedWhenSet() {
    assertThrows(IllegalArgumentException.class, () -> new KeySpec("x", -1.0, null, null));
    assertThrows(IllegalArgumentException.class, () -> new KeySpec("x", Double.NaN, null, null));
    assertThrows(IllegalArgumentException.class, () -> KeyPatch.builder().rateLimitRpm(0).build());
    assertThrows(IllegalArgumentException.class, () -> LimitReset.parse("yearly"));
    assertEquals(LimitReset.WEEKLY, LimitReset.parse("weekly"));
    assertNull(LimitReset.parse(null));
  }

  @Test
  void twoKeysNeverShareASecret() {
    try (Database db = Database.open("jdbc:h2:mem:keys-unique")) {
      KeyStore keys = new KeyStore(db, clock);
      assertNotEquals(keys.create(KeySpec.named("a")).key(), keys.create(KeySpec.named("a")).key());
    }
  }

  static List<String> names(List<ApiKey> keys) {
    return keys.stream().map(ApiKey::name).toList();
  }

  static String sha256Hex(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> allValues(Database db, String table) {
    return db.withConnection("dump", c -> {
      List<String> values = new ArrayList<>();
      try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= n; i++) values.add(String.valueOf(rs.getObject(i)));
        }
      }
      return values;
    });
  }
}
