package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.models.ModelEndpoints;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.errors.PaymentRequiredException;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import dev.openrouter4j.gateway.provider.openai.ResponsesFixtures;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway in front of OpenRouter (a stand-in replaying OpenRouter's recorded answers) with no
 * prices configured: every answer costs what OpenRouter reported, on chat and Responses, streamed
 * or not; the key's usage, its generation records and its limit count that; a key with nothing left
 * is refused before the upstream is called.
 */
class UpstreamPricedGatewayTest {
  static final String ADMIN = GatewayKeysTest.ADMIN;
  static final double WHOLE_COST = 0.002223; // openrouter/chat-completion-nonstream-usage-cost.json
  static final double STREAM_COST = 0.0145476; // openrouter/chat-stream-text-usage-cost.sse
  static final double RESPONSES_COST = 0.0000113; // openrouter/responses-stream-reasoning.sse
  static Vertx vertx;
  StandInUpstream openrouter;
  GatewayHarness gw;

  @BeforeAll
  static void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  @BeforeEach
  void start() throws Exception {
    openrouter = new StandInUpstream(vertx);
    String config = """
        providers:
          - id: openrouter
            kind: openrouter
            base_url: %s
            api_key: upstream-key
        models:
          - id: openai/gpt-4o-mini
            endpoints:
              - provider: openrouter
        """.formatted(openrouter.baseUrl());
    gw = new GatewayHarness(vertx, config, new Gateway.Options(Duration.ofMillis(50), 2, ADMIN));
  }

  @AfterEach
  void stop() throws Exception {
    gw.close();
    openrouter.close();
  }

  static ChatRequest hello() {
    return ChatRequest.builder().model("openai/gpt-4o-mini").messages(ChatMessage.user("Hello")).build();
  }

  @Test
  void everyAnswerCostsWhatOpenRouterReportedAndTheKeyIsChargedThat() throws Exception {
    try (OpenRouter admin = gw.client(ADMIN)) {
      CreateKeyResponse k = GatewayLimitsTest.key(admin, "team", 1.0, null);
      try (OpenRouter c = gw.client(k.key())) {
        openrouter.enqueue(Reply.json(200, ResponsesFixtures.read("openrouter/chat-completion-nonstream-usage-cost.json")));
        ChatResult whole = c.chat().send(hello());
        assertEquals(WHOLE_COST, whole.usage().cost(), 1e-12);
        assertNull(whole.usage().costDetails(), "no prompt/completion split to give");

        openrouter.enqueue(Reply.sse(ResponsesFixtures.read("openrouter/chat-stream-text-usage-cost.sse")));
        ChatResult streamed;
        try (EventStream<ChatStreamChunk> s = c.chat().stream(hello())) {
          streamed = ChatAccumulator.accumulate(s);
        }
        assertEquals(STREAM_COST, streamed.usage().cost(), 1e-12);

        openrouter.serving("/responses", StandInUpstream.responsesReplay("openrouter/responses-stream-reasoning.sse", null));
        Response response = c.responses().send(ResponsesRequest.builder().model("openai/gpt-4o-mini").input("Hello").build());
        assertEquals(RESPONSES_COST, response.usage().cost(), 1e-12);

        double total = WHOLE_COST + STREAM_COST + RESPONSES_COST;
        GatewayLimitsTest.eventually(() -> Math.abs(c.apiKeys().current().usage() - total) < 1e-9, "the key to be charged " + total);
        assertEquals(1.0 - total, c.apiKeys().current().limitRemaining(), 1e-9);
        assertEquals(WHOLE_COST, c.generations().get(whole.id()).totalCost(), 1e-12);
        assertEquals(STREAM_COST, c.generations().get(streamed.id()).totalCost(), 1e-12);
      }
    }
  }

  @Test
  void aKeyWithNothingLeftIsRefusedBeforeTheUpstreamIsCalled() throws Exception {
    openrouter.always(Reply.json(200, ResponsesFixtures.read("openrouter/chat-completion-nonstream-usage-cost.json")));
    // room for exactly two answers: the third finds nothing left
    assertAnsweredThenRefused(2 * WHOLE_COST, 2);
    // room for two and a half: the third is let through (its cost is known only once answered) and
    // takes the key past its limit, by less than one answer; the fourth is refused
    assertAnsweredThenRefused(2.5 * WHOLE_COST, 3);
  }

  private void assertAnsweredThenRefused(double limit, int answers) throws Exception {
    try (OpenRouter admin = gw.client(ADMIN)) {
      CreateKeyResponse k = GatewayLimitsTest.key(admin, "limit " + limit, limit, null);
      try (OpenRouter c = gw.client(k.key())) {
        for (int i = 1; i <= answers; i++) {
          c.chat().send(hello());
          int answered = i;
          GatewayLimitsTest.eventually(
              () -> Math.abs(c.apiKeys().current().usage() - answered * WHOLE_COST) < 1e-9, "answer " + answered + " to be charged");
        }
        assertEquals(0.0, c.apiKeys().current().limitRemaining(), 1e-12);
        openrouter.requests.clear();

        PaymentRequiredException refused = assertThrows(PaymentRequiredException.class, () -> c.chat().send(hello()));
        assertTrue(refused.getMessage().contains("prices the answer only once it is given"), refused.getMessage());
        assertTrue(openrouter.requests.isEmpty(), "the upstream was called: " + openrouter.requests);
      }
    }
  }

  @Test
  void theModelsPriceIsListedAsSetPerAnswer() {
    ModelEndpoints endpoints = gw.client.endpoints().list("openai", "gpt-4o-mini");
    assertEquals("-1", endpoints.endpoints().get(0).pricing().prompt());
    assertEquals("-1", endpoints.endpoints().get(0).pricing().completion());
    assertEquals("-1", gw.client.models().list().data().get(0).pricing().prompt());
  }
}
