package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.gateway.account.Backend;
import dev.openrouter4j.gateway.account.TestDatabase;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A key changed through one instance: the instance that made the change honours it on the very next
 * request, and another instance on the same database soon after, through the key-change counter. The
 * key cache here lives for an hour, so nothing but the counter can make the second instance see it.
 */
class KeyChangesAcrossInstancesTest {
  static final String ADMIN = GatewayKeysTest.ADMIN;
  static final String CHAT = "{\"model\":\"sim/priced\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
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

  static GatewayHarness instance(TestDatabase db) throws Exception {
    Gateway.Options options = new Gateway.Options(Duration.ofMillis(50), 1, ADMIN).withKeyCacheTtl(Duration.ofHours(1));
    return new GatewayHarness(vertx, GatewayKeysTest.CONFIG, options, db.storageUrl());
  }

  static int chat(GatewayHarness gw, String key) throws Exception {
    return gw.send("POST", "/api/v1/chat/completions", key, CHAT).statusCode();
  }

  static void eventuallyStatus(GatewayHarness gw, String key, int status, String what) throws Exception {
    GatewayLimitsTest.eventually(() -> {
      try {
        return chat(gw, key) == status;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, what);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void limitingDisablingAndDeletingAKeyReachBothInstances(Backend backend) throws Exception {
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness a = instance(db); GatewayHarness b = instance(db); OpenRouter admin = a.client(ADMIN)) {
      CreateKeyResponse k = GatewayLimitsTest.key(admin, "k", null, null);
      String key = k.key();
      String patch = "/api/v1/keys/" + k.data().hash();
      // both instances have the unlimited key cached
      assertEquals(200, chat(a, key));
      assertEquals(200, chat(b, key));

      // a limit below one request's cost, set through a
      assertEquals(200, a.send("PATCH", patch, ADMIN, "{\"limit\":0.000001}").statusCode());
      assertEquals(402, chat(a, key), "the instance that made the change, at once");
      eventuallyStatus(b, key, 402, "the other instance to see the limit");

      assertEquals(200, a.send("PATCH", patch, ADMIN, "{\"limit\":null}").statusCode());
      assertEquals(200, chat(a, key));
      eventuallyStatus(b, key, 200, "the other instance to see the limit removed");

      // disabled through b this time
      assertEquals(200, b.send("PATCH", patch, ADMIN, "{\"disabled\":true}").statusCode());
      assertEquals(403, chat(b, key));
      eventuallyStatus(a, key, 403, "the other instance to see the key disabled");

      assertEquals(200, a.send("PATCH", patch, ADMIN, "{\"disabled\":false}").statusCode());
      assertEquals(200, chat(a, key));
      eventuallyStatus(b, key, 200, "the other instance to see the key enabled");

      assertEquals(200, a.send("DELETE", patch, ADMIN, null).statusCode());
      assertEquals(401, chat(a, key));
      eventuallyStatus(b, key, 401, "the other instance to see the key deleted");
    }
  }
}
