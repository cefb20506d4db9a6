package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.account.ActivityItem;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import dev.openrouter4j.gateway.account.Backend;
import dev.openrouter4j.gateway.account.TestDatabase;
import dev.openrouter4j.gateway.store.Database;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that leaves mid-answer, over real sockets, on H2 and PostgreSQL: its generation is
 * recorded once as cancelled, charged for what it was sent (the prompt estimated from the request's
 * bytes, the completion from the text relayed: README), its reservation settled at that cost rather
 * than held, and its upstream call closed. On the relay fast path (chat client, OpenAI upstream) and
 * the canonical one (Responses client; Anthropic upstream). A client that leaves before any content
 * leaves no record and its reservation is given back; a graceful shutdown that cuts a stream still
 * records it.
 */
class AbandonedAnswersTest {
  static final String ADMIN = GatewayKeysTest.ADMIN;
  /** $1 per million prompt tokens, $1000 per million completion tokens: one completion token is $0.001. */
  static final double PROMPT_PRICE = 1;
  static final double COMPLETION_PRICE = 1000;
  /** The answer text sent before the upstream stalls: 4 pieces, 26 characters, so 7 tokens by the estimate. */
  static final List<String> PIECES = List.of("The sea ", "breathes ", "slowly, ", "and");
  /** With max_tokens 100 a request reserves a little over $0.10: the limit holds one reservation, not two. */
  static final double LIMIT = 0.15;

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

  static String config(StandInUpstream openai, StandInUpstream anthropic) {
    return """
        providers:
          - { id: oai, kind: openai, base_url: %s }
          - { id: claude, kind: anthropic, base_url: %s, api_key: ant-key }
        models:
          - id: acme/openai
            endpoints:
              - { provider: oai, upstream_model: served, pricing: { prompt: 1, completion: 1000 } }
          - id: acme/claude
            endpoints:
              - { provider: claude, upstream_model: claude-x, pricing: { prompt: 1, completion: 1000 } }
        """.formatted(openai.baseUrl(), anthropic.baseUrl());
  }

  /** Two stand-in upstreams, a gateway on the backend's database, and a key with {@link #LIMIT}. */
  record Setup(StandInUpstream openai, StandInUpstream anthropic, TestDatabase db, GatewayHarness gw, OpenRouter keyed, String key)
      implements AutoCloseable {
    static Setup open(Backend backend, Path dir) throws Exception {
      StandInUpstream openai = new StandInUpstream(vertx);
      StandInUpstream anthropic = new StandInUpstream(vertx);
      TestDatabase db = TestDatabase.open(backend, dir);
      GatewayHarness gw = new GatewayHarness(vertx, config(openai, anthropic), new Gateway.Options(Duration.ofMillis(50), 2, ADMIN), db.storageUrl());
      String key;
      try (OpenRouter admin = gw.client(ADMIN)) {
        key = GatewayLimitsTest.key(admin, "small", LIMIT, null).key();
      }
      return new Setup(openai, anthropic, db, gw, gw.client(key), key);
    }

    @Override
    public void close() throws Exception {
      keyed.close();
      gw.close();
      db.close();
      openai.close();
      anthropic.close();
    }
  }

  static String openAiChunk(String delta) {
    return "data: {\"id\":\"up\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"served\",\"choices\":[{\"index\":0,\"delta\":"
        + delta + ",\"finish_reason\":null}]}\n\n";
  }

  /** The pieces, the first with the role, then nothing more: the upstream waits for the gateway to go. */
  static Reply openAiStalling() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < PIECES.size(); i++) {
      parts.add(openAiChunk((i == 0 ? "{\"role\":\"assistant\",\"content\":\"" : "{\"content\":\"") + PIECES.get(i) + "\"}"));
    }
    return Reply.sse(parts.toArray(String[]::new)).delayEach(Duration.ofMillis(5)).thenHang();
  }

  static Reply anthropicStalling() {
    List<String> parts = new ArrayList<>();
    parts.add("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-x\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":42,\"output_tokens\":1}}}\n\n");
    parts.add("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
    for (String p : PIECES) {
      parts.add("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + p + "\"}}\n\n");
    }
    return Reply.sse(parts.toArray(String[]::new)).delayEach(Duration.ofMillis(5)).thenHang();
  }

  /** What a raw client saw before it closed its socket: the generation id header and the data lines. */
  record Left(String generationId, List<String> data) {}

  /**
   * Sends {@code body} over a plain socket, reads the SSE until {@code enough} data lines matched
   * {@code counted} (or the head only, for 0), then closes the socket mid-answer.
   */
  static Left readThenLeave(GatewayHarness gw, String key, String path, String body, Predicate<String> counted, int enough) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", gw.gateway.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
          + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String status = in.readLine();
      assertTrue(status != null && status.startsWith("HTTP/1.1 200"), "status: " + status);
      String generationId = null;
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        if (line.toLowerCase(Locale.ROOT).startsWith("x-generation-id:")) generationId = line.substring(line.indexOf(':') + 1).trim();
      }
      List<String> data = new ArrayList<>();
      int seen = 0;
      while (seen < enough && (line = in.readLine()) != null) {
        if (!line.startsWith("data: ")) continue;
        data.add(line.substring(6));
        if (counted.test(line)) seen++;
      }
      assertEquals(enough, seen, "the answer ended early: " + data);
      assertTrue(generationId != null, "no x-generation-id");
      return new Left(generationId, data);
    }
  }

  static JsonNode generation(GatewayHarness gw, String key, String id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      HttpResponse<String> r = gw.send("GET", "/api/v1/generation?id=" + id, key, null);
      if (r.statusCode() == 200) return Json.mapper().readTree(r.body()).get("data");
      assertEquals(404, r.statusCode(), r.body());
      if (System.nanoTime() > deadline) throw new AssertionError("no generation record for " + id);
      Thread.sleep(20);
    }
  }

  /** The cost {@code Accounting.cancelledUsage} documents: estimated prompt, and completion from the relayed text. */
  static double documentedCost(long promptTokens, long completionTokens) {
    return (promptTokens * PROMPT_PRICE + completionTokens * COMPLETION_PRICE) / 1_000_000.0;
  }

  static final long ESTIMATED_COMPLETION = (String.join("", PIECES).length() + 3) / 4;

  static void waitForClosed(StandInUpstream upstream, int before) throws InterruptedException {
    GatewayLimitsTest.eventually(() -> upstream.closedConnections.get() > before, "the upstream connection to be closed");
  }

  /**
   * The key's usage is the cancelled answer's cost, and with that much spent a request reserving
   * $0.10 more still fits the $0.15 limit: it would not, were the first reservation still held.
   */
  static void reservationSettledAt(Setup s, double cost) throws Exception {
    GatewayLimitsTest.eventually(() -> Math.abs(s.keyed().credits().get().totalUsage() - cost) < 1e-9, "the cancelled answer's cost to be settled");
    s.openai().enqueue(Reply.json(200, "{\"id\":\"c2\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"served\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}"));
    // the settling runs on a worker: it may be a moment behind (a reservation left held would stay an hour)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    HttpResponse<String> next;
    do {
      next = s.gw().send("POST", "/api/v1/chat/completions", s.key(),
          "{\"model\":\"acme/openai\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"again\"}]}");
      if (next.statusCode() != 402) break;
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    assertEquals(200, next.statusCode(), "the reservation was not given back: " + next.body());
  }

  /** Waits for {@code n} records to be committed, then checks there are no more. */
  static void assertRequestsRecorded(Setup s, long n) throws Exception {
    GatewayLimitsTest.eventually(() -> s.keyed().analytics().activity().stream().mapToLong(ActivityItem::requests).sum() >= n, n + " records");
    assertEquals(n, s.keyed().analytics().activity().stream().mapToLong(ActivityItem::requests).sum());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aChatStreamLeftMidAnswerOnTheRelayPathIsRecordedCancelledAndChargedForWhatWasSent(Backend backend) throws Exception {
    try (Setup s = Setup.open(backend, dir)) {
      s.openai().enqueue(openAiStalling());
      int closedBefore = s.openai().closedConnections.get();
      String body = "{\"model\":\"acme/openai\",\"stream\":true,\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about the sea\"}]}";
      Left left = readThenLeave(s.gw(), s.key(), "/api/v1/chat/completions", body, l -> l.contains("\"content\":\""), PIECES.size());
      // the chunks after the first were relayed as bytes, not re-encoded: this is the fast path
      assertTrue(left.data().get(left.data().size() - 1).contains("\"delta\":{\"content\":\"and\"}"), left.data().toString());

      waitForClosed(s.openai(), closedBefore);
      JsonNode g = generation(s.gw(), s.key(), left.generationId());
      long prompt = body.getBytes(StandardCharsets.UTF_8).length / 4 + 1;
      assertTrue(g.get("cancelled").asBoolean(), g.toString());
      assertTrue(g.get("finish_reason").isNull(), g.toString());
      assertTrue(g.get("streamed").asBoolean());
      assertEquals(prompt, g.get("tokens_prompt").asLong(), "the prompt as the reservation estimates it");
      assertEquals(ESTIMATED_COMPLETION, g.get("tokens_completion").asLong(), "the relayed text / 4");
      double cost = documentedCost(prompt, ESTIMATED_COMPLETION);
      assertEquals(cost, g.get("total_cost").asDouble(), 1e-10);
      reservationSettledAt(s, cost);
      assertRequestsRecorded(s, 2); // the cancelled one, once, and the one after it
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aResponsesStreamLeftMidAnswerIsRecordedCancelledOnTheCanonicalPath(Backend backend) throws Exception {
    try (Setup s = Setup.open(backend, dir)) {
      s.openai().enqueue(openAiStalling());
      int closedBefore = s.openai().closedConnections.get();
      String body = "{\"model\":\"acme/openai\",\"stream\":true,\"max_output_tokens\":100,\"input\":\"Tell me about the sea\"}";
      Left left = readThenLeave(s.gw(), s.key(), "/api/v1/responses", body, l -> l.contains("\"response.output_text.delta\""), PIECES.size());

      waitForClosed(s.openai(), closedBefore);
      JsonNode g = generation(s.gw(), s.key(), left.generationId());
      long prompt = body.getBytes(StandardCharsets.UTF_8).length / 4 + 1;
      assertTrue(g.get("cancelled").asBoolean(), g.toString());
      assertTrue(g.get("finish_reason").isNull(), g.toString());
      assertEquals(prompt, g.get("tokens_prompt").asLong());
      assertEquals(ESTIMATED_COMPLETION, g.get("tokens_completion").asLong());
      double cost = documentedCost(prompt, ESTIMATED_COMPLETION);
      assertEquals(cost, g.get("total_cost").asDouble(), 1e-10);
      reservationSettledAt(s, cost);
      assertRequestsRecorded(s, 2);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aChatStreamFromAnthropicLeftMidAnswerIsRecordedCancelled(Backend backend) throws Exception {
    try (Setup s = Setup.open(backend, dir)) {
      s.anthropic().enqueue(anthropicStalling());
      int closedBefore = s.anthropic().closedConnections.get();
      String body = "{\"model\":\"acme/claude\",\"stream\":true,\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about the sea\"}]}";
      Left left = readThenLeave(s.gw(), s.key(), "/api/v1/chat/completions", body, l -> l.contains("\"content\":\""), PIECES.size());

      waitForClosed(s.anthropic(), closedBefore);
      JsonNode g = generation(s.gw(), s.key(), left.generationId());
      // Anthropic reports its usage at message_stop, which never came: the same estimate
      long prompt = body.getBytes(StandardCharsets.UTF_8).length / 4 + 1;
      assertTrue(g.get("cancelled").asBoolean(), g.toString());
      assertTrue(g.get("finish_reason").isNull(), g.toString());
      assertEquals("claude", g.get("provider_name").asText());
      assertEquals(prompt, g.get("tokens_prompt").asLong());
      assertEquals(ESTIMATED_COMPLETION, g.get("tokens_completion").asLong());
      double cost = documentedCost(prompt, ESTIMATED_COMPLETION);
      assertEquals(cost, g.get("total_cost").asDouble(), 1e-10);
      reservationSettledAt(s, cost);
      assertRequestsRecorded(s, 2);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aClientThatLeavesBeforeAnyContentLeavesNoRecordAndGetsItsReservationBack(Backend backend) throws Exception {
    try (Setup s = Setup.open(backend, dir)) {
      // the upstream holds its headers: the gateway sends keep-alive comments meanwhile
      s.openai().enqueue(openAiStalling().stallHeaders(Duration.ofSeconds(20)));
      int closedBefore = s.openai().closedConnections.get();
      String body = "{\"model\":\"acme/openai\",\"stream\":true,\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      Left left = readThenLeave(s.gw(), s.key(), "/api/v1/chat/completions", body, l -> true, 0);
      waitForClosed(s.openai(), closedBefore);

      reservationSettledAt(s, 0);
      // the next request's record is written after the first would have been: it is the only one
      assertRequestsRecorded(s, 1);
      assertEquals(404, s.gw().send("GET", "/api/v1/generation?id=" + left.generationId(), s.key(), null).statusCode());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aGracefulShutdownThatCutsAStreamStillRecordsItAsCancelled(Backend backend) throws Exception {
    StandInUpstream openai = new StandInUpstream(vertx);
    StandInUpstream anthropic = new StandInUpstream(vertx);
    try (TestDatabase db = TestDatabase.open(backend, dir)) {
      GatewayHarness gw = new GatewayHarness(vertx, config(openai, anthropic), new Gateway.Options(Duration.ofMillis(50), 2, ADMIN), db.storageUrl());
      String key;
      try (OpenRouter admin = gw.client(ADMIN)) {
        key = GatewayLimitsTest.key(admin, "small", LIMIT, null).key();
      }
      openai.enqueue(openAiStalling());
      String body = "{\"model\":\"acme/openai\",\"stream\":true,\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      String id;
      try (Socket socket = new Socket("127.0.0.1", gw.gateway.port())) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("POST /api/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
            + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String line;
        String found = null;
        int content = 0;
        while (content < PIECES.size() && (line = in.readLine()) != null) {
          if (line.toLowerCase(Locale.ROOT).startsWith("x-generation-id:")) found = line.substring(line.indexOf(':') + 1).trim();
          if (line.startsWith("data: ") && line.contains("\"content\":\"")) content++;
        }
        id = found;
        // the client is still there: the shutdown's grace runs out and the gateway cuts the stream
        gw.client.close();
        gw.gateway.close(Duration.ofMillis(300)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      assertTrue(id != null);
      long prompt = bytes.length / 4 + 1;
      try (Database check = Database.open(db.storageUrl())) {
        check.withConnection("check", c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), MAX(cost), MAX(completion_tokens), MAX(prompt_tokens) FROM generations WHERE id = ? AND cancelled")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              assertEquals(1, rs.getInt(1), "one cancelled record for " + id);
              assertEquals(ESTIMATED_COMPLETION, rs.getLong(3));
              assertEquals(prompt, rs.getLong(4));
              assertEquals(documentedCost(prompt, ESTIMATED_COMPLETION), rs.getBigDecimal(2).doubleValue(), 1e-10);
            }
          }
          try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM generations")) {
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              assertEquals(1, rs.getInt(1));
            }
          }
          return null;
        });
      }
    } finally {
      openai.close();
      anthropic.close();
    }
  }
}
