package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.account.ActivityItem;
import dev.openrouter4j.api.account.CreateKeyRequest;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.account.Generation;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.errors.ApiException;
import dev.openrouter4j.errors.NotFoundException;
import dev.openrouter4j.errors.PaymentRequiredException;
import dev.openrouter4j.errors.TooManyRequestsException;
import dev.openrouter4j.gateway.account.Backend;
import dev.openrouter4j.gateway.account.TestDatabase;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Credits (402, reservations under concurrency), rate limits (429), generation records and activity, on H2 and PostgreSQL. */
class GatewayLimitsTest {
  static final String ADMIN = GatewayKeysTest.ADMIN;
  static final String CONFIG = """
      providers:
        - id: sim
          kind: simulated
          options: { ttft_ms: 30, tokens_per_second: 0, output_tokens: 10 }
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

  static ChatRequest hello(int maxTokens) {
    return ChatRequest.builder().model("sim/priced").messages(ChatMessage.user("hi")).maxTokens(maxTokens).build();
  }

  static CreateKeyResponse key(OpenRouter admin, String name, Double limit, Integer rpm) {
    CreateKeyRequest.Builder b = CreateKeyRequest.builder().name(name).limit(limit);
    if (rpm != null) b.putExtraBody("rate_limit_rpm", rpm);
    return admin.apiKeys().create(b.build());
  }

  static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(20);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void everyAnswerHasOneRecordWhoseCostIsTheUsageItReturnedReadableOnlyByItsKey(Backend backend) throws Exception {
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness gw = gateway(db); OpenRouter admin = gw.client(ADMIN)) {
      CreateKeyResponse a = key(admin, "a", 5.0, null);
      CreateKeyResponse b = key(admin, "b", null, null);
      try (OpenRouter ca = gw.client(a.key()); OpenRouter cb = gw.client(b.key())) {
        ChatResult json = ca.chat().send(hello(10));
        assertEquals(10, json.usage().completionTokens());
        double jsonCost = json.usage().cost();
        assertTrue(jsonCost > 0.0099, "cost " + jsonCost);

        ChatAccumulator acc = new ChatAccumulator();
        try (EventStream<ChatStreamChunk> s = ca.chat().stream(hello(5))) {
          for (ChatStreamChunk c : s) acc.accept(c);
        }
        ChatResult streamed = acc.result();
        double streamCost = streamed.usage().cost();

        Generation g = ca.generations().get(json.id());
        assertEquals("sim/priced", g.model());
        assertEquals("sim", g.providerName());
        assertEquals(jsonCost, g.totalCost(), 1e-12);
        assertEquals(10, g.tokensCompletion());
        assertEquals("stop", g.finishReason());
        assertFalse(g.streamed());
        assertNotNull(g.latency());
        assertEquals(200, g.providerResponses().get(g.providerResponses().size() - 1).status());
        Generation gs = ca.generations().get(streamed.id());
        assertTrue(gs.streamed());
        assertEquals(streamCost, gs.totalCost(), 1e-12);
        assertEquals("length", gs.finishReason());

        // key isolation: another key, and the management key, cannot read it
        assertEquals(404, assertThrows(NotFoundException.class, () -> cb.generations().get(json.id())).statusCode());
        assertEquals(403, gw.send("GET", "/api/v1/generation?id=" + json.id(), ADMIN, null).statusCode());
        assertTrue(cb.analytics().activity().isEmpty());

        eventually(() -> Math.abs(ca.credits().get().totalUsage() - (jsonCost + streamCost)) < 1e-9, "the costs to be settled");
        assertEquals(5.0 - jsonCost - streamCost, ca.apiKeys().current().limitRemaining(), 1e-9);
        eventually(() -> ca.analytics().activity().size() == 1, "the records to be committed");
        ActivityItem day = ca.analytics().activity().get(0);
        assertEquals(2, day.requests());
        assertEquals(jsonCost + streamCost, day.usage(), 1e-9);
        assertEquals("sim", day.providerName());
        assertEquals(1, admin.analytics().activity(dev.openrouter4j.api.account.ActivityParams.builder().apiKeyHash(a.data().hash()).build()).size());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aKeyThatCannotCoverTheRequestGets402BeforeRouting(Backend backend) throws Exception {
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness gw = gateway(db); OpenRouter admin = gw.client(ADMIN)) {
      CreateKeyResponse poor = key(admin, "poor", 0.005, null);
      try (OpenRouter c = gw.client(poor.key())) {
        PaymentRequiredException e = assertThrows(PaymentRequiredException.class, () -> c.chat().send(hello(10)));
        assertEquals(402, e.statusCode());
        // a smaller cap fits
        assertEquals(4, c.chat().send(hello(4)).usage().completionTokens());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aKeysRateLimitAnswers429WithRetryAfter(Backend backend) throws Exception {
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness gw = gateway(db); OpenRouter admin = gw.client(ADMIN)) {
      CreateKeyResponse slow = key(admin, "slow", null, 2);
      String body = "{\"model\":\"sim/priced\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      assertEquals(200, gw.send("POST", "/api/v1/chat/completions", slow.key(), body).statusCode());
      assertEquals(200, gw.send("POST", "/api/v1/chat/completions", slow.key(), body).statusCode());
      HttpResponse<String> refused = gw.send("POST", "/api/v1/chat/completions", slow.key(), body);
      assertEquals(429, refused.statusCode(), refused.body());
      long retryAfter = Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow());
      assertTrue(retryAfter >= 1 && retryAfter <= 30, "retry-after " + retryAfter);
      try (OpenRouter c = gw.client(slow.key())) {
        assertThrows(TooManyRequestsException.class, () -> c.chat().send(hello(1)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void parallelRequestsNeverSpendBeyondTheLimit(Backend backend) throws Exception {
    double limit = 0.1;
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness gw = gateway(db); OpenRouter admin = gw.client(ADMIN)) {
      CreateKeyResponse k = key(admin, "small", limit, null);
      int n = 40;
      ExecutorService pool = Executors.newFixedThreadPool(n);
      List<Future<Double>> results = new ArrayList<>();
      try (OpenRouter c = gw.client(k.key())) {
        for (int i = 0; i < n; i++) {
          results.add(pool.submit(() -> {
            try {
              return c.chat().send(hello(10)).usage().cost();
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
        pool.shutdown();
        assertTrue(answered >= 1 && answered < n, "answered " + answered);
        assertTrue(spent <= limit + 1e-9, "spent " + spent + " of " + limit);
        double total = spent;
        eventually(() -> Math.abs(c.credits().get().totalUsage() - total) < 1e-9, "usage to equal what the answers said");
        int records = answered;
        eventually(() -> c.analytics().activity().stream().mapToLong(ActivityItem::requests).sum() == records, "one record per answer");
      }
    }
  }
}
