package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.gateway.account.Backend;
import dev.openrouter4j.gateway.account.TestDatabase;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No route lets one key read or change another key's data, and keys share no routing state: for
 * every key-scoped route, key B asks about key A (its generations, its activity, its key record) and
 * gets its own data, a 404 or a 403, and A is unchanged afterwards.
 */
class KeyIsolationTest {
  static final String ADMIN = GatewayKeysTest.ADMIN;
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

  static GatewayHarness gateway(TestDatabase db, String yaml) throws Exception {
    return new GatewayHarness(vertx, yaml, new Gateway.Options(Duration.ofMillis(50), 2, ADMIN), db.storageUrl());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void noKeyScopedRouteShowsOrChangesAnotherKeysData(Backend backend) throws Exception {
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness gw = gateway(db, GatewayKeysTest.CONFIG); OpenRouter admin = gw.client(ADMIN)) {
      CreateKeyResponse a = GatewayLimitsTest.key(admin, "a", 5.0, 100);
      CreateKeyResponse b = GatewayLimitsTest.key(admin, "b", 1.0, null);
      String hashA = a.data().hash();
      String chatId;
      String responseId;
      double spentByA;
      try (OpenRouter ca = gw.client(a.key())) {
        var chat = ca.chat().send(GatewayLimitsTest.hello(10));
        chatId = chat.id();
        var response = ca.responses().send(ResponsesRequest.builder().model("sim/priced").input("hi").maxOutputTokens(5).build());
        responseId = response.id();
        spentByA = chat.usage().cost() + response.usage().cost();
        GatewayLimitsTest.eventually(() -> Math.abs(ca.credits().get().totalUsage() - spentByA) < 1e-9, "A's usage to be settled");
        GatewayLimitsTest.eventually(() -> ca.analytics().activity().size() == 1, "A's records to be committed");
      }
      String bKey = b.key();

      // B's own views show B
      JsonNode key = json(gw.send("GET", "/api/v1/key", bKey, null)).get("data");
      assertEquals(b.data().label(), key.get("label").asText());
      assertEquals(0.0, key.get("usage").asDouble());
      JsonNode credits = json(gw.send("GET", "/api/v1/credits", bKey, null)).get("data");
      assertEquals(1.0, credits.get("total_credits").asDouble());
      assertEquals(0.0, credits.get("total_usage").asDouble());
      assertEquals(0, json(gw.send("GET", "/api/v1/activity", bKey, null)).get("data").size());

      // A's generations (chat and Responses) do not exist for B
      for (String id : new String[] {chatId, responseId}) {
        HttpResponse<String> r = gw.send("GET", "/api/v1/generation?id=" + id, bKey, null);
        assertEquals(404, r.statusCode(), r.body());
        assertFalse(r.body().contains("sim/priced"), r.body());
      }
      // A's activity, by naming A's hash, today or any day
      for (String q : new String[] {"?api_key_hash=" + hashA, "?api_key_hash=" + hashA + "&date=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)}) {
        HttpResponse<String> r = gw.send("GET", "/api/v1/activity" + q, bKey, null);
        assertEquals(403, r.statusCode(), q + ": " + r.body());
      }
      // the key management routes, naming A or not: 403 for a key that is not the management key
      String[][] management = {
        {"GET", "/api/v1/keys", null},
        {"GET", "/api/v1/keys?include_disabled=true", null},
        {"POST", "/api/v1/keys", "{\"name\":\"mine\",\"limit\":1000}"},
        {"GET", "/api/v1/keys/" + hashA, null},
        {"PATCH", "/api/v1/keys/" + hashA, "{\"disabled\":true}"},
        {"PATCH", "/api/v1/keys/" + hashA, "{\"limit\":0.000001}"},
        {"PATCH", "/api/v1/keys/" + b.data().hash(), "{\"limit\":null}"},
        {"DELETE", "/api/v1/keys/" + hashA, null},
        {"DELETE", "/api/v1/keys/" + b.data().hash(), null},
      };
      for (String[] m : management) {
        HttpResponse<String> r = gw.send(m[0], m[1], bKey, m[2]);
        assertEquals(403, r.statusCode(), m[0] + " " + m[1] + ": " + r.body());
        assertFalse(r.body().contains(a.data().label()), r.body());
      }
      // B spends on its own credit, never A's
      HttpResponse<String> spent = gw.send("POST", "/api/v1/chat/completions", bKey, "{\"model\":\"sim/priced\",\"max_tokens\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
      assertEquals(200, spent.statusCode(), spent.body());
      double costB = json(spent).get("usage").get("cost").asDouble();
      GatewayLimitsTest.eventually(() -> {
        try {
          return Math.abs(json(gw.send("GET", "/api/v1/credits", bKey, null)).get("data").get("total_usage").asDouble() - costB) < 1e-9;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "B's usage to be settled");

      // A is as it was, and A still sees its own data
      var stillA = admin.apiKeys().get(hashA);
      assertEquals("a", stillA.name());
      assertEquals(5.0, stillA.limit());
      assertFalse(stillA.disabled());
      assertEquals(spentByA, stillA.usage(), 1e-9);
      assertEquals(1.0, admin.apiKeys().get(b.data().hash()).limit(), "B could not lift its own limit either");
      assertEquals(2, admin.apiKeys().list().size(), "B created no key");
      try (OpenRouter ca = gw.client(a.key())) {
        assertEquals(chatId, ca.generations().get(chatId).id());
        assertEquals(responseId, ca.generations().get(responseId).id());
        assertEquals(2, ca.analytics().activity().get(0).requests());
      }
    }
  }

  /**
   * Two providers for one model; a cache read is cheaper on both, so a session pins the endpoint
   * that served it. With {@code sort: price} the cheap one ranks first unless a pin moves the other
   * ahead, which makes the pin visible in the serving provider.
   */
  static final String TWO_ENDPOINTS = """
      providers:
        - id: cheap
          kind: simulated
          options: { ttft_ms: 0, tokens_per_second: 0, output_tokens: 3 }
        - id: dear
          kind: simulated
          options: { ttft_ms: 0, tokens_per_second: 0, output_tokens: 3 }
      models:
        - id: sim/two
          endpoints:
            - provider: cheap
              pricing: { prompt: 1, completion: 1, input_cache_read: 0.1 }
            - provider: dear
              pricing: { prompt: 2, completion: 2, input_cache_read: 0.2 }
      """;

  static String servedBy(GatewayHarness gw, String key, String provider) throws Exception {
    String preference = provider == null ? "{\"sort\":\"price\"}" : "{\"order\":[\"" + provider + "\"]}";
    String body = "{\"model\":\"sim/two\",\"session_id\":\"shared-session\",\"provider\":" + preference
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    HttpResponse<String> r = gw.send("POST", "/api/v1/chat/completions", key, body);
    assertEquals(200, r.statusCode(), r.body());
    return json(r).get("provider").asText();
  }

  @ParameterizedTest
  @EnumSource(value = Backend.class, names = "H2") // stickiness is in memory: the database plays no part
  void stickyRoutingIsScopedToTheKey(Backend backend) throws Exception {
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness gw = gateway(db, TWO_ENDPOINTS); OpenRouter admin = gw.client(ADMIN)) {
      String a = GatewayLimitsTest.key(admin, "a", null, null).key();
      String b = GatewayLimitsTest.key(admin, "b", null, null).key();
      assertEquals("cheap", servedBy(gw, b, null), "without a pin, price decides");
      // A's session is served by the dear endpoint once, which pins it there for A
      assertEquals("dear", servedBy(gw, a, "dear"));
      assertEquals("dear", servedBy(gw, a, null), "A's session sticks to where it was served");
      // B sends the same session id: A's pin is not B's
      assertEquals("cheap", servedBy(gw, b, null));
      assertTrue(servedBy(gw, a, null).equals("dear"));
    }
  }
}
