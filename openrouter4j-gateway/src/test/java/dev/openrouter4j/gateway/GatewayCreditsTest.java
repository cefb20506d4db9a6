package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.account.ActivityItem;
import dev.openrouter4j.api.account.CreateKeyRequest;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.account.Generation;
import dev.openrouter4j.api.account.KeyInfo;
import dev.openrouter4j.api.account.LimitReset;
import dev.openrouter4j.api.account.UpdateKeyRequest;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.errors.PaymentRequiredException;
import dev.openrouter4j.gateway.account.Backend;
import dev.openrouter4j.gateway.account.MutableClock;
import dev.openrouter4j.gateway.account.TestDatabase;
import dev.openrouter4j.gateway.responses.ResponsesStreamChecker;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A key's credit through HTTP, on H2 and PostgreSQL: removing a limit, a limit that resets at the
 * period boundary (the gateway's clock moved by the test), the 402 for a key that has some credit
 * but not enough, and the generation records of Responses API requests.
 */
class GatewayCreditsTest {
  static final String ADMIN = GatewayKeysTest.ADMIN;
  // sim/priced: 10 completion tokens cost $0.01 (+ the prompt); sim/capped: the same, at most 500 tokens
  static final String CONFIG = GatewayLimitsTest.CONFIG + """
        - id: sim/capped
          endpoints:
            - provider: sim
              pricing: { prompt: 1, completion: 1000 }
              max_completion_tokens: 500
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

  static GatewayHarness gateway(TestDatabase db, MutableClock clock) throws Exception {
    Gateway.Options options = new Gateway.Options(Duration.ofMillis(50), 2, ADMIN);
    if (clock != null) options = options.withClock(clock);
    return new GatewayHarness(vertx, CONFIG, options, db.storageUrl());
  }

  /** Sends 10-token requests until the key is refused; returns what the answers cost. */
  static double spendUntil402(OpenRouter c) {
    double spent = 0;
    for (int i = 0; i < 100; i++) {
      try {
        spent += c.chat().send(GatewayLimitsTest.hello(10)).usage().cost();
      } catch (PaymentRequiredException e) {
        return spent;
      }
    }
    throw new AssertionError("never refused after spending " + spent);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void removingTheLimitLetsTheKeySpendBeyondTheOldOne(Backend backend) throws Exception {
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness gw = gateway(db, null); OpenRouter admin = gw.client(ADMIN)) {
      CreateKeyResponse k = GatewayLimitsTest.key(admin, "k", 0.03, null);
      try (OpenRouter c = gw.client(k.key())) {
        double spent = spendUntil402(c);
        assertTrue(spent > 0.02 && spent <= 0.03 + 1e-9, "spent " + spent);

        var changed = admin.apiKeys().update(k.data().hash(), UpdateKeyRequest.builder().removeLimit().build());
        assertNull(changed.limit());
        assertNull(changed.limitRemaining());
        // at once on this instance: the patch forgot the cached key
        for (int i = 0; i < 5; i++) spent += c.chat().send(GatewayLimitsTest.hello(10)).usage().cost();
        assertTrue(spent > 0.05, "spent " + spent);
        double total = spent;
        GatewayLimitsTest.eventually(() -> Math.abs(c.apiKeys().current().usage() - total) < 1e-9, "usage to count every answer");
        KeyInfo info = c.apiKeys().current();
        assertNull(info.limit());
        assertNull(info.limitRemaining());
        assertNull(c.credits().get().totalCredits());

        // and a limit set again applies at once too
        admin.apiKeys().update(k.data().hash(), UpdateKeyRequest.builder().limit(total + 0.001).build());
        assertThrows(PaymentRequiredException.class, () -> c.chat().send(GatewayLimitsTest.hello(10)));
      }
    }
  }

  static Stream<Arguments> resets() {
    // 2026-03-04 is a Wednesday: the last second of a period, and the first of the next
    return Stream.of(Backend.values())
        .flatMap(b -> Stream.of(
            Arguments.of(b, LimitReset.DAILY, "2026-03-04T23:59:59Z", "2026-03-05T00:00:00Z"),
            Arguments.of(b, LimitReset.WEEKLY, "2026-03-08T23:59:59Z", "2026-03-09T00:00:00Z"),
            Arguments.of(b, LimitReset.MONTHLY, "2026-03-31T23:59:59Z", "2026-04-01T00:00:00Z")));
  }

  @ParameterizedTest
  @MethodSource("resets")
  void aResettingLimitStartsAgainAtThePeriodBoundary(Backend backend, LimitReset reset, String lastSecond, String nextPeriod) throws Exception {
    MutableClock clock = MutableClock.at(lastSecond);
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness gw = gateway(db, clock); OpenRouter admin = gw.client(ADMIN)) {
      CreateKeyResponse k = admin.apiKeys().create(CreateKeyRequest.builder().name("k").limit(0.03).limitReset(reset).build());
      try (OpenRouter c = gw.client(k.key())) {
        double before = spendUntil402(c);
        GatewayLimitsTest.eventually(() -> Math.abs(c.apiKeys().current().usage() - before) < 1e-9, "usage to be settled");
        KeyInfo spent = c.apiKeys().current();
        assertEquals(0.03 - before, spent.limitRemaining(), 1e-9);
        assertEquals(before, periodUsage(spent, reset), 1e-9);

        clock.set(Instant.parse(nextPeriod));
        KeyInfo fresh = c.apiKeys().current();
        assertEquals(0.03, fresh.limitRemaining(), 1e-9, "a new period, a whole limit");
        assertEquals(0.0, periodUsage(fresh, reset));
        assertEquals(before, fresh.usage(), 1e-9, "the total keeps counting");
        assertEquals(0.0, c.credits().get().totalUsage(), "credits count the period's usage");

        double after = spendUntil402(c);
        assertTrue(after > 0.02, "the new period's limit was spendable: " + after);
        GatewayLimitsTest.eventually(() -> Math.abs(c.apiKeys().current().usage() - before - after) < 1e-9, "usage to be settled");
        assertEquals(after, periodUsage(c.apiKeys().current(), reset), 1e-9);

        // the records are dated by the same clock: each period's requests on its own day
        LocalDate first = LocalDate.ofInstant(Instant.parse(lastSecond), ZoneOffset.UTC);
        LocalDate second = LocalDate.ofInstant(Instant.parse(nextPeriod), ZoneOffset.UTC);
        GatewayLimitsTest.eventually(
            () -> Math.abs(usageOn(c, first) - before) < 1e-9 && Math.abs(usageOn(c, second) - after) < 1e-9, "each day's records");
        assertEquals(2, c.analytics().activity().size());
      }
    }
  }

  static double periodUsage(KeyInfo k, LimitReset reset) {
    return switch (reset) {
      case DAILY -> k.usageDaily();
      case WEEKLY -> k.usageWeekly();
      case MONTHLY -> k.usageMonthly();
    };
  }

  static double usageOn(OpenRouter c, LocalDate day) {
    List<ActivityItem> items = c.analytics().activity(day);
    return items.stream().mapToDouble(ActivityItem::usage).sum();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aKeyWithSomeCreditButLessThanTheEstimateGetsA402SayingWhatIsNeededAndWhatIsLeft(Backend backend) throws Exception {
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness gw = gateway(db, null); OpenRouter admin = gw.client(ADMIN)) {
      CreateKeyResponse k = GatewayLimitsTest.key(admin, "k", 1.0, null);
      // no max_tokens and no cap on the endpoint: priced at 4096 completion tokens, $4.096 and the prompt
      String body = "{\"model\":\"sim/priced\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      HttpResponse<String> refused = gw.send("POST", "/api/v1/chat/completions", k.key(), body);
      assertEquals(402, refused.statusCode(), refused.body());
      JsonNode error = Json.mapper().readTree(refused.body()).get("error");
      assertEquals(402, error.get("code").asInt());
      String message = error.get("message").asText();
      double promptUsd = (body.length() / 4 + 1) / 1e6; // the prompt's part: bytes / 4 + 1 tokens at $1 per million
      long affordable = (long) Math.floor((1.0 - promptUsd) / 0.001);
      assertTrue(message.startsWith("This request requires more credits, or fewer max_tokens. You requested up to 4096 tokens, but can only afford "
          + affordable), message);
      assertTrue(message.contains(String.format(java.util.Locale.ROOT, "$%.6f", 4.096 + promptUsd)) && message.contains("$1.000000 left"), message);
      assertEquals(1.0, error.get("metadata").get("available").asDouble(), 1e-9);
      assertEquals(4.096 + promptUsd, error.get("metadata").get("required").asDouble(), 1e-9);

      try (OpenRouter c = gw.client(k.key())) {
        PaymentRequiredException e = assertThrows(PaymentRequiredException.class,
            () -> c.chat().send(dev.openrouter4j.api.chat.ChatRequest.builder().model("sim/priced")
                .messages(dev.openrouter4j.api.chat.ChatMessage.user("hi")).build()));
        assertTrue(e.getMessage().contains("You requested up to 4096 tokens"), e.getMessage());
        // asking for what it can afford works; so does an endpoint whose cap makes the estimate fit
        double cost = c.chat().send(GatewayLimitsTest.hello((int) affordable - 10)).usage().cost();
        // its reservation is given back once the cost is settled, after the answer
        GatewayLimitsTest.eventually(() -> Math.abs(c.credits().get().totalUsage() - cost) < 1e-9, "the cost to be settled");
        var capped = c.chat().send(dev.openrouter4j.api.chat.ChatRequest.builder().model("sim/capped")
            .messages(dev.openrouter4j.api.chat.ChatMessage.user("hi")).build());
        assertEquals(10, capped.usage().completionTokens());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void responsesRequestsHaveOneRecordEachWhoseIdIsTheResponsesAndCostItsUsage(Backend backend) throws Exception {
    try (TestDatabase db = TestDatabase.open(backend, dir); GatewayHarness gw = gateway(db, null); OpenRouter admin = gw.client(ADMIN)) {
      CreateKeyResponse k = GatewayLimitsTest.key(admin, "k", 5.0, null);
      try (OpenRouter c = gw.client(k.key())) {
        Response json = c.responses().send(ResponsesRequest.builder().model("sim/priced").input("hi").maxOutputTokens(10).build());
        List<StreamEvent> events = new ArrayList<>();
        try (EventStream<StreamEvent> s = c.responses().stream(ResponsesRequest.builder().model("sim/priced").input("hi").maxOutputTokens(6).build())) {
          s.forEach(events::add);
        }
        Response streamed = ResponsesStreamChecker.check(events);
        assertFalse(json.id().equals(streamed.id()));
        double jsonCost = json.usage().cost();
        double streamCost = streamed.usage().cost();
        assertTrue(jsonCost > 0.0099 && streamCost > 0.0059, jsonCost + " / " + streamCost);

        Generation gj = c.generations().get(json.id());
        assertEquals(json.id(), gj.id());
        assertEquals(jsonCost, gj.totalCost(), 1e-12);
        assertEquals(10, gj.tokensCompletion());
        assertFalse(gj.streamed());
        assertEquals("sim/priced", gj.model());
        Generation gs = c.generations().get(streamed.id());
        assertEquals(streamCost, gs.totalCost(), 1e-12);
        assertEquals(6, gs.tokensCompletion());
        assertTrue(gs.streamed());
        assertNotNull(gs.finishReason());

        GatewayLimitsTest.eventually(() -> c.analytics().activity().stream().mapToLong(ActivityItem::requests).sum() >= 2, "the records to be committed");
        List<ActivityItem> activity = c.analytics().activity();
        assertEquals(1, activity.size());
        ActivityItem day = activity.get(0);
        assertEquals(2, day.requests(), "one record per response");
        assertEquals(jsonCost + streamCost, day.usage(), 1e-9);
        GatewayLimitsTest.eventually(() -> Math.abs(c.credits().get().totalUsage() - jsonCost - streamCost) < 1e-9, "the costs to be settled");
        // committed now: read from the table, not the writer's queue
        assertEquals(jsonCost, c.generations().get(json.id()).totalCost(), 1e-12);
      }
    }
  }
}
