package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.account.ActivityItem;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.errors.ApiException;
import dev.openrouter4j.errors.ForbiddenException;
import dev.openrouter4j.gateway.account.Backend;
import dev.openrouter4j.gateway.account.KeySpec;
import dev.openrouter4j.gateway.account.TestDatabase;
import dev.openrouter4j.gateway.config.ConfigLoader;
import dev.openrouter4j.gateway.config.GatewayConfig;
import dev.openrouter4j.gateway.config.StorageConfig;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local open mode and when it ends, the non-loopback rule, and two instances sharing one PostgreSQL. */
class GatewayModesTest {
  @TempDir Path dir;

  @Test
  void withoutKeysAnyBearerIsAcceptedAndRecordsAreKeptLocally() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (GatewayHarness gw = new GatewayHarness(vertx, GatewayLimitsTest.CONFIG)) {
      assertFalse(gw.gateway.keysRequired());
      ChatResult r = gw.client.chat().send(GatewayLimitsTest.hello(3));
      assertEquals(r.usage().cost(), gw.client.generations().get(r.id()).totalCost(), 1e-12);
      assertEquals(401, gw.send("GET", "/api/v1/key", null, null).statusCode());
      // no management key: key management is refused
      assertThrows(ForbiddenException.class, () -> gw.client.apiKeys().list());
      GatewayLimitsTest.eventually(() -> gw.client.analytics().activity().size() == 1, "the record");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  @Test
  void onceAKeyExistsEveryRequestNeedsOneAndTheServerMayBindBeyondLoopback() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("accounts").toAbsolutePath();
    GatewayConfig parsed = ConfigLoader.parse(GatewayLimitsTest.CONFIG, "test.yaml", Map.of());
    GatewayConfig open = new GatewayConfig(ConfigLoader.withOverrides(parsed, "0.0.0.0", 0).server(), new StorageConfig(url), parsed.providers(), parsed.models());
    Vertx vertx = Vertx.vertx();
    try {
      ExecutionException refused =
          assertThrows(ExecutionException.class, () -> Gateway.start(vertx, open, Gateway.Options.defaults()).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS));
      assertTrue(refused.getCause().getMessage().contains("loopback"), refused.getCause().getMessage());
      String secret;
      try (var accounts = dev.openrouter4j.gateway.account.AccountServices.open(url)) {
        secret = accounts.keys().create(KeySpec.named("first")).key();
      }
      Gateway gw = Gateway.start(vertx, open, Gateway.Options.defaults()).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      try {
        assertTrue(gw.keysRequired());
        try (OpenRouter anyone = OpenRouter.builder().apiKey("sk-anything").serverUrl("http://127.0.0.1:" + gw.port() + "/api/v1").build();
            OpenRouter keyed = OpenRouter.builder().apiKey(secret).serverUrl("http://127.0.0.1:" + gw.port() + "/api/v1").build()) {
          assertEquals(401, assertThrows(ApiException.class, () -> anyone.chat().send(GatewayLimitsTest.hello(1))).statusCode());
          assertEquals(1, keyed.chat().send(GatewayLimitsTest.hello(1)).usage().completionTokens());
        }
      } finally {
        gw.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  /** Two gateways, each with its own Vert.x and pool, on one PostgreSQL schema: one limit, one rate. */
  @Test
  void twoInstancesOnOnePostgresShareAKeysCreditAndRateLimit() throws Exception {
    try (TestDatabase db = TestDatabase.open(Backend.POSTGRESQL, dir)) {
      Vertx v1 = Vertx.vertx();
      Vertx v2 = Vertx.vertx();
      Gateway.Options options = new Gateway.Options(Duration.ofMillis(50), 2, GatewayKeysTest.ADMIN);
      try (GatewayHarness g1 = new GatewayHarness(v1, GatewayLimitsTest.CONFIG, options, db.storageUrl());
          GatewayHarness g2 = new GatewayHarness(v2, GatewayLimitsTest.CONFIG, options, db.storageUrl());
          OpenRouter admin = g1.client(GatewayKeysTest.ADMIN)) {
        double limit = 0.1;
        CreateKeyResponse small = GatewayLimitsTest.key(admin, "small", limit, null);
        CreateKeyResponse rated = GatewayLimitsTest.key(admin, "rated", null, 4);

        // the rate: 4 a minute in all, whichever instance is asked
        String body = "{\"model\":\"sim/priced\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) statuses.add((i % 2 == 0 ? g1 : g2).send("POST", "/api/v1/chat/completions", rated.key(), body).statusCode());
        assertEquals(List.of(200, 200, 200, 200, 429, 429), statuses);
        HttpResponse<String> refused = g2.send("POST", "/api/v1/chat/completions", rated.key(), body);
        assertTrue(refused.headers().firstValue("retry-after").isPresent());

        // the credit: 40 parallel requests over both instances stay within the limit
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try (OpenRouter c1 = g1.client(small.key()); OpenRouter c2 = g2.client(small.key())) {
          List<Future<Double>> results = new ArrayList<>();
          for (int i = 0; i < 40; i++) {
            OpenRouter c = i % 2 == 0 ? c1 : c2;
            results.add(pool.submit(() -> {
              try {
                return c.chat().send(GatewayLimitsTest.hello(10)).usage().cost();
              } catch (ApiException e) {
                assertEquals(402, e.statusCode(), e.getMessage());
                return null;
              }
            }));
          }
          double spent = 0;
          int answered = 0;
          for (Future<Double> f : results) {
            Double cost = f.get();
            if (cost != null) {
              spent += cost;
              answered++;
            }
          }
          assertTrue(answered >= 1 && answered < 40, "answered " + answered);
          assertTrue(spent <= limit + 1e-9, "spent " + spent);
          double total = spent;
          int records = answered;
          GatewayLimitsTest.eventually(() -> Math.abs(c2.credits().get().totalUsage() - total) < 1e-9, "the usage of both instances");
          GatewayLimitsTest.eventually(() -> c1.analytics().activity().stream().mapToLong(ActivityItem::requests).sum() == records, "every record");
        } finally {
          pool.shutdown();
        }
      } finally {
        v1.close().toCompletionStage().toCompletableFuture().get();
        v2.close().toCompletionStage().toCompletableFuture().get();
      }
    }
  }
}
