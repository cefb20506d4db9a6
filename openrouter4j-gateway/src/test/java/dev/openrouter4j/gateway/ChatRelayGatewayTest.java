package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.account.CreateKeyRequest;
import dev.openrouter4j.api.account.Generation;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import dev.openrouter4j.gateway.account.Backend;
import dev.openrouter4j.gateway.account.TestDatabase;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relay fast path end to end: the same recorded upstream stream through a gateway with the
 * fast path and through one without it gives the client the same chunks (compared as JSON, chunk by
 * chunk, ids and creation times aside), the same generation record and the same charge to the key.
 */
class ChatRelayGatewayTest {
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

  static String config(StandInUpstream upstream) {
    return """
        providers:
          - { id: primary, kind: openai, base_url: %s }
        models:
          - id: acme/model
            endpoints:
              - { provider: primary, upstream_model: served, pricing: { prompt: 1, completion: 2 } }
        """.formatted(upstream.baseUrl());
  }

  /** One gateway with its database, a key with a limit, and the upstream it replays. */
  record Side(StandInUpstream upstream, TestDatabase db, GatewayHarness gw, OpenRouter keyed, String key) implements AutoCloseable {
    static Side open(Path dir, boolean relay) throws Exception {
      StandInUpstream upstream = new StandInUpstream(vertx);
      TestDatabase db = TestDatabase.open(Backend.H2, dir.resolve(relay ? "relay" : "canonical"));
      Gateway.Options options = new Gateway.Options(Duration.ofMillis(50), 2, ADMIN).withChatRelay(relay);
      GatewayHarness gw = new GatewayHarness(vertx, config(upstream), options, db.storageUrl());
      String key;
      try (OpenRouter admin = gw.client(ADMIN)) {
        key = admin.apiKeys().create(CreateKeyRequest.builder().name("k").limit(10.0).build()).key();
      }
      return new Side(upstream, db, gw, gw.client(key), key);
    }

    /** The raw SSE answer to a streamed request, the upstream replaying {@code sse} in pieces. */
    String stream(String sse) throws Exception {
      upstream.enqueue(Reply.sse(pieces(sse).toArray(String[]::new)).delayEach(Duration.ofMillis(1)));
      HttpResponse<String> r =
          gw.http.send(
              HttpRequest.newBuilder(URI.create(gw.url("/api/v1/chat/completions")))
                  .header("Authorization", "Bearer " + key)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"acme/model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      return r.body();
    }

    /** The JSON answer to a request without {@code stream}, the upstream answering {@code body}. */
    String complete(String body) throws Exception {
      upstream.enqueue(Reply.json(200, body));
      HttpResponse<String> r =
          gw.http.send(
              HttpRequest.newBuilder(URI.create(gw.url("/api/v1/chat/completions")))
                  .header("Authorization", "Bearer " + key)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"acme/model\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      return r.body();
    }

    @Override
    public void close() throws Exception {
      keyed.close();
      gw.close();
      db.close();
      upstream.close();
    }
  }

  /** The recording cut into a few pieces at odd places, so chunks straddle reads. */
  static List<String> pieces(String sse) {
    List<String> out = new ArrayList<>();
    int step = Math.max(1, sse.length() / 5 + 13);
    for (int i = 0; i < sse.length(); i += step) out.add(sse.substring(i, Math.min(sse.length(), i + step)));
    return out;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "openai/chat-stream-text-usage.sse",
        "openai/chat-stream-n3-choices.sse",
        "openai/chat-stream-parallel-tool-calls.sse",
        "openai/chat-stream-refusal.sse",
        "openai/chat-stream-tool-call-obfuscation.sse",
        "openrouter/chat-stream-text-usage-cost.sse",
        "openrouter/chat-stream-reasoning-details.sse",
        "openrouter/chat-stream-midstream-error.sse"
      })
  void theFastPathAndTheCanonicalPathAnswerAlike(String fixture) throws Exception {
    String sse = Files.readString(ChatCompletionsTest.fixture(fixture), StandardCharsets.UTF_8);
    try (Side fast = Side.open(dir, true); Side canonical = Side.open(dir, false)) {
      String fastBody = fast.stream(sse);
      String canonicalBody = canonical.stream(sse);
      List<JsonNode> fastChunks = chunks(fastBody);
      List<JsonNode> canonicalChunks = chunks(canonicalBody);
      assertFalse(fastChunks.isEmpty());
      assertEquals(comparable(canonicalChunks), comparable(fastChunks), fixture);
      assertTrue(fastBody.endsWith("data: [DONE]\n\n"), fastBody);
      String id = fastChunks.get(0).get("id").asText();
      for (JsonNode c : fastChunks) {
        assertEquals(id, c.get("id").asText(), "one id for the whole stream");
        assertEquals("acme/model", c.get("model").asText());
        assertEquals("primary", c.get("provider").asText());
      }

      // the same record and the same charge
      Generation g1 = eventuallyGet(fast, id);
      Generation g2 = eventuallyGet(canonical, canonicalChunks.get(0).get("id").asText());
      assertEquals(g2.model(), g1.model());
      assertEquals(g2.providerName(), g1.providerName());
      assertEquals(g2.tokensPrompt(), g1.tokensPrompt());
      assertEquals(g2.tokensCompletion(), g1.tokensCompletion());
      assertEquals(g2.finishReason(), g1.finishReason());
      assertEquals(g2.totalCost(), g1.totalCost(), 1e-15);
      assertTrue(g1.streamed());
      eventually(() -> Math.abs(fast.keyed.credits().get().totalUsage() - canonical.keyed.credits().get().totalUsage()) < 1e-12, "equal charges");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai/chat-completion-nonstream.json", "openrouter/chat-completion-nonstream-usage-cost.json"})
  void aWholeCompletionIsAnsweredAlikeByBothPaths(String fixture) throws Exception {
    String body = Files.readString(ChatCompletionsTest.fixture(fixture), StandardCharsets.UTF_8);
    try (Side fast = Side.open(dir, true); Side canonical = Side.open(dir, false)) {
      JsonNode f = Json.mapper().readTree(fast.complete(body));
      JsonNode c = Json.mapper().readTree(canonical.complete(body));
      assertEquals(comparable(List.of(c)), comparable(List.of(f)), fixture);
      assertEquals("acme/model", f.get("model").asText());
      assertTrue(f.at("/usage/cost").isNumber(), f.toString());
      Generation g1 = eventuallyGet(fast, f.get("id").asText());
      Generation g2 = eventuallyGet(canonical, c.get("id").asText());
      assertEquals(g2.tokensPrompt(), g1.tokensPrompt());
      assertEquals(g2.tokensCompletion(), g1.tokensCompletion());
      assertEquals(g2.finishReason(), g1.finishReason());
      assertEquals(g2.totalCost(), g1.totalCost(), 1e-15);
      assertFalse(g1.streamed());
      eventually(() -> Math.abs(fast.keyed.credits().get().totalUsage() - canonical.keyed.credits().get().totalUsage()) < 1e-12, "equal charges");
    }
  }

  static Generation eventuallyGet(Side side, String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return side.keyed.generations().get(id);
      } catch (RuntimeException notYet) {
        if (System.nanoTime() > deadline) throw notYet;
        Thread.sleep(20);
      }
    }
  }

  static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(20);
    }
  }

  /** The data payloads of an SSE body, [DONE] and comments left out. */
  static List<JsonNode> chunks(String body) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String event : body.split("\n\n")) {
      if (!event.startsWith("data: ") || event.equals("data: [DONE]")) continue;
      out.add(Json.mapper().readTree(event.substring(6)));
    }
    return out;
  }

  /** Chunks as sorted JSON text, without the values that differ between two answers (id, created). */
  static List<String> comparable(List<JsonNode> chunks) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : chunks) {
      ObjectNode copy = c.deepCopy();
      copy.remove("id");
      copy.remove("created");
      out.add(sorted(copy).toString());
    }
    return out;
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = Json.mapper().createObjectNode();
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      for (String k : keys) o.set(k, sorted(node.get(k)));
      return o;
    }
    if (node.isArray()) {
      var a = Json.mapper().createArrayNode();
      for (JsonNode e : node) a.add(sorted(e));
      return a;
    }
    return node;
  }
}
