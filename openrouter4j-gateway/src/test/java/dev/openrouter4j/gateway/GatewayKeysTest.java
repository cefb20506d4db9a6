package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.account.ApiKey;
import dev.openrouter4j.api.account.CreateKeyRequest;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.account.Credits;
import dev.openrouter4j.api.account.KeyInfo;
import dev.openrouter4j.api.account.LimitReset;
import dev.openrouter4j.api.account.UpdateKeyRequest;
import dev.openrouter4j.errors.ForbiddenException;
import dev.openrouter4j.errors.NotFoundException;
import dev.openrouter4j.errors.UnauthorizedException;
import dev.openrouter4j.gateway.account.Backend;
import dev.openrouter4j.gateway.account.TestDatabase;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The key management API and the key rules (401, 403), through the SDK, on H2 and on PostgreSQL. */
class GatewayKeysTest {
  static final String ADMIN = "admin-secret-0123456789";
  static final String CONFIG = """
      providers:
        - id: sim
          kind: simulated
          options: { ttft_ms: 0, tokens_per_second: 0, output_tokens: 10 }
      models:
        - id: sim/priced
          endpoints:
            - provider: sim
              pricing: { prompt: 1, completion: 1000 }
      """;
  static Vertx vertx;
  @TempDir Path dir;

  @BeforeAll
  static void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  static GatewayHarness gateway(TestDatabase db) throws Exception {
    return new GatewayHarness(vertx, CONFIG, new Gateway.Options(Duration.ofMillis(50), 2, ADMIN), db.storageUrl());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theManagementKeyCreatesListsReadsChangesAndDeletesKeys(Backend backend) throws Exception {
    try (TestDatabase db = TestDatabase.open(backend, dir);
        GatewayHarness gw = gateway(db);
        OpenRouter admin = gw.client(ADMIN)) {
      assertTrue(gw.gateway.keysRequired());
      CreateKeyResponse a = admin.apiKeys().create(CreateKeyRequest.builder().name("a").limit(1.0).limitReset(LimitReset.DAILY).build());
      CreateKeyResponse b = admin.apiKeys().create(CreateKeyRequest.builder().name("b").build());
      assertTrue(a.key().startsWith("sk-or4j-v1-"), a.key());
      assertEquals("a", a.data().name());
      assertEquals(1.0, a.data().limit());
      assertEquals("daily", a.data().limitReset());
      assertNull(b.data().limit());

      List<ApiKey> keys = admin.apiKeys().list();
      assertEquals(List.of("a", "b"), keys.stream().map(ApiKey::name).toList());
      assertFalse(gw.get("/api/v1/keys").body().contains(a.key()), "the secret is shown only once");
      assertEquals("b", admin.apiKeys().get(b.data().hash()).name());

      ApiKey changed = admin.apiKeys().update(a.data().hash(), UpdateKeyRequest.builder().name("a2").limit(2.0).build());
      assertEquals("a2", changed.name());
      assertEquals(2.0, changed.limit());

      try (OpenRouter ca = gw.client(a.key()); OpenRouter cb = gw.client(b.key())) {
        KeyInfo info = ca.apiKeys().current();
        assertEquals(a.data().label(), info.label());
        assertEquals(2.0, info.limit());
        assertEquals(2.0, info.limitRemaining());
        assertEquals(false, info.isManagementKey());
        Credits credits = ca.credits().get();
        assertEquals(2.0, credits.totalCredits());
        assertEquals(0.0, credits.totalUsage());
        assertNull(cb.credits().get().totalCredits(), "a key without a limit has no total");

        // an inference key on a management endpoint: 403, whichever key it names
        assertEquals(403, assertThrows(ForbiddenException.class, () -> ca.apiKeys().list()).statusCode());
        assertThrows(ForbiddenException.class, () -> ca.apiKeys().get(b.data().hash()));
        assertThrows(ForbiddenException.class, () -> ca.apiKeys().update(b.data().hash(), UpdateKeyRequest.builder().disabled(true).build()));
        assertThrows(ForbiddenException.class, () -> ca.apiKeys().delete(b.data().hash()));
        assertThrows(ForbiddenException.class, () -> ca.apiKeys().create(CreateKeyRequest.builder().name("x").build()));
        assertEquals(403, gw.send("GET", "/api/v1/activity?api_key_hash=" + b.data().hash(), a.key(), null).statusCode());

        // disabled: 403; deleted: 401
        admin.apiKeys().update(b.data().hash(), UpdateKeyRequest.builder().disabled(true).build());
        assertEquals(403, assertThrows(ForbiddenException.class, () -> cb.apiKeys().current()).statusCode());
        assertTrue(admin.apiKeys().delete(b.data().hash()));
        assertThrows(NotFoundException.class, () -> admin.apiKeys().get(b.data().hash()));
        assertThrows(UnauthorizedException.class, () -> cb.credits().get());
      }
      assertEquals(1, admin.apiKeys().list().size());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aMissingOrUnknownKeyIs401(Backend backend) throws Exception {
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness gw = gateway(db)) {
      for (String path : List.of("/api/v1/key", "/api/v1/credits", "/api/v1/keys", "/api/v1/activity", "/api/v1/generation?id=x")) {
        assertEquals(401, gw.send("GET", path, null, null).statusCode(), path);
        assertEquals(401, gw.send("GET", path, "sk-or4j-v1-unknown", null).statusCode(), path);
      }
      String chat = "{\"model\":\"sim/priced\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      assertEquals(401, gw.send("POST", "/api/v1/chat/completions", null, chat).statusCode());
      assertEquals(401, gw.send("POST", "/api/v1/chat/completions", "sk-test", chat).statusCode());
      assertEquals(400, gw.send("POST", "/api/v1/keys", ADMIN, "{}").statusCode());
      assertNotNull(gw.gateway.accounts());
    }
  }
}
