package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.account.CreateKeyRequest;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import dev.openrouter4j.gateway.account.Backend;
import dev.openrouter4j.gateway.account.TestDatabase;
import dev.openrouter4j.gateway.responses.ResponsesSchemas;
import dev.openrouter4j.gateway.responses.ResponsesStreamChecker;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stored responses end to end, over loopback HTTP, on H2 and on PostgreSQL: {@code store} (default
 * true), {@code GET / DELETE /responses/{id}}, {@code input_items}, {@code previous_response_id}
 * chains (the stand-in upstream sees the earlier turns), background runs (queued, polled, cancelled,
 * surviving the client), read-your-writes across two instances, key isolation on every route.
 */
class StoredResponsesTest {
  static final String ADMIN = GatewayKeysTest.ADMIN;
  static Vertx vertx;
  @TempDir Path dir;
  StandInUpstream upstream;
  TestDatabase db;
  final List<AutoCloseable> open = new ArrayList<>();
  GatewayHarness gw;
  String keyA;
  String keyB;

  static final String CONFIG = """
      providers:
        - id: primary
          kind: openai
          base_url: %s
          timeout_ms: 60000
        - id: sim
          kind: simulated
          options: { ttft_ms: 0, tokens_per_second: 0, output_tokens: 6 }
      models:
        - id: acme/model
          endpoints:
            - provider: primary
              upstream_model: served-by-primary
              pricing: { prompt: 1, completion: 2 }
        - id: sim/model
          endpoints:
            - provider: sim
              pricing: { prompt: 1, completion: 1000 }
      """;

  @BeforeAll
  static void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  void start(Backend backend) throws Exception {
    upstream = new StandInUpstream(vertx);
    db = TestDatabase.open(backend, dir);
    gw = gateway();
    try (OpenRouter admin = gw.client(ADMIN)) {
      keyA = admin.apiKeys().create(CreateKeyRequest.builder().name("a").limit(100.0).build()).key();
      keyB = admin.apiKeys().create(CreateKeyRequest.builder().name("b").build()).key();
    }
  }

  /** Another gateway instance on the same database. */
  GatewayHarness gateway() throws Exception {
    GatewayHarness h = new GatewayHarness(vertx, CONFIG.formatted(upstream.baseUrl()), new Gateway.Options(Duration.ofMillis(50), 2, ADMIN), db.storageUrl());
    open.add(h);
    return h;
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    if (upstream != null) upstream.close();
    if (db != null) db.close();
  }

  // ---- helpers ----

  static String sim(String extra) {
    return "{\"model\":\"sim/model\",\"input\":\"Hello there\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  HttpResponse<String> call(GatewayHarness on, String method, String path, String key, String body) throws Exception {
    return on.send(method, path, key, body);
  }

  HttpResponse<String> call(String method, String path, String key, String body) throws Exception {
    return call(gw, method, path, key, body);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  JsonNode create(String key, String body) throws Exception {
    HttpResponse<String> r = call("POST", "/api/v1/responses", key, body);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode node = json(r);
    ResponsesSchemas.assertValidResponse(node);
    return node;
  }

  /** The terminal event's response from a raw SSE body (after the state machine is checked). */
  static JsonNode terminal(String sse) throws Exception {
    ResponsesStreamChecker.checkSse(sse);
    JsonNode last = null;
    for (String line : sse.split("\n")) {
      if (line.startsWith("data: {")) last = Json.mapper().readTree(line.substring(6));
    }
    assertNotNull(last, sse);
    return last.path("response");
  }

  static void assertError(int status, HttpResponse<String> r) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode error = json(r).path("error");
    assertEquals(status, error.path("code").asInt(), r.body());
    assertFalse(error.path("message").asText().isEmpty(), r.body());
  }

  /** Polls GET until the response's status passes {@code done}; fails after {@code within}. */
  JsonNode poll(GatewayHarness on, String id, String key, Predicate<String> done, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      HttpResponse<String> r = call(on, "GET", "/api/v1/responses/" + id, key, null);
      assertEquals(200, r.statusCode(), r.body());
      JsonNode node = json(r);
      if (done.test(node.path("status").asText())) return node;
      if (System.nanoTime() > deadline) throw new AssertionError("still " + node.path("status").asText() + " after " + within + ": " + r.body());
      Thread.sleep(50);
    }
  }

  static String chatJson(String id, String messageJson, String finish) {
    return """
        {"id":"%s","object":"chat.completion","created":1,"model":"served-by-primary",
         "choices":[{"index":0,"message":%s,"finish_reason":"%s"}],
         "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""".formatted(id, messageJson, finish);
  }

  // ---- store ----

  @ParameterizedTest
  @EnumSource(Backend.class)
  void storeDefaultsToTrueAndAGetEqualsWhatTheCreateReturned(Backend backend) throws Exception {
    start(backend);
    JsonNode created = create(keyA, sim(""));
    assertTrue(created.path("store").asBoolean(), created.toString());
    assertEquals("completed", created.path("status").asText());
    HttpResponse<String> got = call("GET", "/api/v1/responses/" + created.path("id").asText(), keyA, null);
    assertEquals(200, got.statusCode(), got.body());
    ResponsesSchemas.assertValidResponse(json(got));
    assertEquals(created, json(got));
    // the alpha path serves the same
    assertEquals(created, json(call("GET", "/api/alpha/responses/" + created.path("id").asText(), keyA, null)));

    // a stream: the terminal event's response is what is stored
    HttpResponse<String> streamed = call("POST", "/api/v1/responses", keyA, sim("\"stream\":true"));
    assertEquals(200, streamed.statusCode(), streamed.body());
    JsonNode last = terminal(streamed.body());
    assertTrue(last.path("store").asBoolean());
    assertEquals(last, json(call("GET", "/api/v1/responses/" + last.path("id").asText(), keyA, null)));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void storeFalseIsHonoured(Backend backend) throws Exception {
    start(backend);
    JsonNode created = create(keyA, sim("\"store\":false"));
    assertFalse(created.path("store").asBoolean(true));
    String id = created.path("id").asText();
    assertError(404, call("GET", "/api/v1/responses/" + id, keyA, null));
    assertError(404, call("POST", "/api/v1/responses", keyA, sim("\"previous_response_id\":\"" + id + "\"")));
    HttpResponse<String> streamed = call("POST", "/api/v1/responses", keyA, sim("\"stream\":true,\"store\":false"));
    assertError(404, call("GET", "/api/v1/responses/" + terminal(streamed.body()).path("id").asText(), keyA, null));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void deleteThenGetIs404(Backend backend) throws Exception {
    start(backend);
    String id = create(keyA, sim("")).path("id").asText();
    HttpResponse<String> deleted = call("DELETE", "/api/v1/responses/" + id, keyA, null);
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals(id, json(deleted).path("id").asText());
    assertEquals("response.deleted", json(deleted).path("object").asText());
    assertTrue(json(deleted).path("deleted").asBoolean());
    assertError(404, call("GET", "/api/v1/responses/" + id, keyA, null));
    assertError(404, call("GET", "/api/v1/responses/" + id + "/input_items", keyA, null));
    assertError(404, call("DELETE", "/api/v1/responses/" + id, keyA, null));
    assertError(404, call("POST", "/api/v1/responses", keyA, sim("\"previous_response_id\":\"" + id + "\"")));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void inputItemsArePagedWithLimitOrderAndAfter(Backend backend) throws Exception {
    start(backend);
    String body = """
        {"model":"sim/model","input":[
          {"role":"user","content":"one"},
          {"type":"message","role":"assistant","content":"two"},
          {"type":"function_call","call_id":"call_1","name":"f","arguments":"{}"},
          {"type":"function_call_output","call_id":"call_1","output":"{\\"ok\\":true}"},
          {"role":"user","content":[{"type":"input_text","text":"five"}]}]}""";
    String id = create(keyA, body).path("id").asText();
    String items = "/api/v1/responses/" + id + "/input_items";

    JsonNode all = json(call("GET", items, keyA, null));
    assertEquals("list", all.path("object").asText());
    assertEquals(5, all.path("data").size());
    assertFalse(all.path("has_more").asBoolean(true));
    // newest first by default, as OpenAI lists them
    assertEquals("five", all.path("data").get(0).path("content").get(0).path("text").asText());
    assertEquals("input_text", all.path("data").get(4).path("content").get(0).path("type").asText());
    assertEquals(all.path("data").get(0).path("id"), all.path("first_id"));
    assertEquals(all.path("data").get(4).path("id"), all.path("last_id"));
    List<String> ids = new ArrayList<>();
    all.path("data").forEach(i -> ids.add(i.path("id").asText()));
    assertEquals(5, ids.stream().distinct().count(), "item ids are unique: " + ids);

    JsonNode first = json(call("GET", items + "?order=asc&limit=2", keyA, null));
    assertEquals(List.of("message", "message"), types(first));
    assertEquals("one", first.path("data").get(0).path("content").get(0).path("text").asText());
    assertTrue(first.path("has_more").asBoolean());
    JsonNode second = json(call("GET", items + "?order=asc&limit=2&after=" + first.path("last_id").asText(), keyA, null));
    assertEquals(List.of("function_call", "function_call_output"), types(second));
    assertTrue(second.path("has_more").asBoolean());
    JsonNode third = json(call("GET", items + "?order=asc&limit=2&after=" + second.path("last_id").asText(), keyA, null));
    assertEquals(List.of("message"), types(third));
    assertFalse(third.path("has_more").asBoolean(true));
    JsonNode none = json(call("GET", items + "?order=asc&after=" + third.path("last_id").asText(), keyA, null));
    assertEquals(0, none.path("data").size());
    assertTrue(none.path("first_id").isNull());

    for (String bad : List.of("?limit=0", "?limit=101", "?limit=x", "?order=up", "?after=nope")) {
      assertError(400, call("GET", items + bad, keyA, null));
    }
  }

  static List<String> types(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("data").forEach(i -> out.add(i.path("type").asText()));
    return out;
  }

  // ---- previous_response_id ----

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aChainOfThreeTurnsSendsTheEarlierTurnsUpstream(Backend backend) throws Exception {
    start(backend);
    String tools = "\"tools\":[{\"type\":\"function\",\"name\":\"weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]";
    // turn 1: the model calls a function
    upstream.enqueue(Reply.json(200, chatJson("c1",
        "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_w1\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]}",
        "tool_calls")));
    JsonNode r1 = create(keyA, "{\"model\":\"acme/model\",\"instructions\":\"Be brief.\",\"input\":\"Weather in Oslo?\"," + tools + "}");
    assertEquals("function_call", r1.path("output").get(0).path("type").asText());
    assertEquals("call_w1", r1.path("output").get(0).path("call_id").asText());
    upstream.take();

    // turn 2 (streamed, on another instance): the function's output continues turn 1
    GatewayHarness other = gateway();
    upstream.enqueue(Reply.sse(
        "data: {\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"It is 3 degrees.\"},\"finish_reason\":null}]}\n\n",
        "data: {\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":5,\"total_tokens\":25}}\n\n",
        "data: [DONE]\n\n"));
    HttpResponse<String> t2 = call(other, "POST", "/api/v1/responses", keyA, "{\"model\":\"acme/model\",\"stream\":true,\"previous_response_id\":\""
        + r1.path("id").asText() + "\",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"call_w1\",\"output\":\"{\\\"temp\\\":3}\"}]," + tools + "}");
    assertEquals(200, t2.statusCode(), t2.body());
    JsonNode r2 = terminal(t2.body());
    assertEquals(r1.path("id").asText(), r2.path("previous_response_id").asText());
    JsonNode sent2 = Json.mapper().readTree(upstream.take().body());
    assertEquals(List.of("user", "assistant", "tool"), roles(sent2), sent2.toString());
    assertEquals("Weather in Oslo?", text(sent2.path("messages").get(0).path("content")));
    assertEquals("call_w1", sent2.path("messages").get(1).path("tool_calls").get(0).path("id").asText());
    assertEquals("{\"city\":\"Oslo\"}", sent2.path("messages").get(1).path("tool_calls").get(0).path("function").path("arguments").asText());
    assertEquals("call_w1", sent2.path("messages").get(2).path("tool_call_id").asText());

    // turn 3, on the first instance: the whole chain, and only this turn's instructions
    upstream.enqueue(Reply.json(200, chatJson("c3", "{\"role\":\"assistant\",\"content\":\"You're welcome.\"}", "stop")));
    JsonNode r3 = create(keyA, "{\"model\":\"acme/model\",\"instructions\":\"Be kind.\",\"previous_response_id\":\"" + r2.path("id").asText() + "\",\"input\":\"Thanks!\"}");
    assertEquals("You're welcome.", r3.path("output_text").asText());
    JsonNode sent3 = Json.mapper().readTree(upstream.take().body());
    assertEquals(List.of("system", "user", "assistant", "tool", "assistant", "user"), roles(sent3), sent3.toString());
    assertEquals("Be kind.", sent3.path("messages").get(0).path("content").asText());
    assertEquals("It is 3 degrees.", text(sent3.path("messages").get(4).path("content")));
    assertEquals("Thanks!", text(sent3.path("messages").get(5).path("content")));
    assertEquals(r2.path("id").asText(), json(call(other, "GET", "/api/v1/responses/" + r3.path("id").asText(), keyA, null)).path("previous_response_id").asText());
  }

  static List<String> roles(JsonNode chatRequest) {
    List<String> out = new ArrayList<>();
    chatRequest.path("messages").forEach(m -> out.add(m.path("role").asText()));
    return out;
  }

  /** A chat message's content as text, string or parts. */
  static String text(JsonNode content) {
    if (content.isTextual()) return content.asText();
    StringBuilder sb = new StringBuilder();
    content.forEach(p -> sb.append(p.path("text").asText()));
    return sb.toString();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void readYourWritesOnAnotherInstance(Backend backend) throws Exception {
    start(backend);
    GatewayHarness other = gateway();
    for (int i = 0; i < 5; i++) {
      JsonNode created = create(keyA, sim(""));
      assertEquals(created, json(call(other, "GET", "/api/v1/responses/" + created.path("id").asText(), keyA, null)));
      HttpResponse<String> streamed = call("POST", "/api/v1/responses", keyA, sim("\"stream\":true"));
      String id = terminal(streamed.body()).path("id").asText();
      assertEquals(200, call(other, "POST", "/api/v1/responses", keyA, sim("\"previous_response_id\":\"" + id + "\"")).statusCode());
    }
  }

  // ---- key isolation ----

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anotherKeyGets404OnEveryRoute(Backend backend) throws Exception {
    start(backend);
    String id = create(keyA, sim("")).path("id").asText();
    String running = create(keyA, sim("\"background\":true,\"x-simulate-ttft-ms\":\"3000\"")).path("id").asText();
    for (String r : List.of(id, running)) {
      assertError(404, call("GET", "/api/v1/responses/" + r, keyB, null));
      assertError(404, call("GET", "/api/v1/responses/" + r + "/input_items", keyB, null));
      assertError(404, call("DELETE", "/api/v1/responses/" + r, keyB, null));
      assertError(404, call("POST", "/api/v1/responses/" + r + "/cancel", keyB, null));
      assertError(404, call("POST", "/api/v1/responses", keyB, sim("\"previous_response_id\":\"" + r + "\"")));
    }
    // nothing was changed by the other key's attempts
    assertEquals(200, call("GET", "/api/v1/responses/" + id, keyA, null).statusCode());
    assertEquals("completed", poll(gw, running, keyA, s -> !s.equals("queued") && !s.equals("in_progress"), Duration.ofSeconds(20)).path("status").asText());
    // the management key has no responses
    assertError(403, call("GET", "/api/v1/responses/" + id, ADMIN, null));
    assertError(401, call("GET", "/api/v1/responses/" + id, null, null));
  }

  // ---- background ----

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aBackgroundResponseIsQueuedAtOnceAndPolledToCompleted(Backend backend) throws Exception {
    start(backend);
    JsonNode queued = create(keyA, sim("\"background\":true,\"x-simulate-ttft-ms\":\"500\""));
    assertEquals("queued", queued.path("status").asText());
    assertTrue(queued.path("background").asBoolean());
    assertTrue(queued.path("store").asBoolean());
    assertEquals(0, queued.path("output").size());
    String id = queued.path("id").asText();
    String early = json(call("GET", "/api/v1/responses/" + id, keyA, null)).path("status").asText();
    assertTrue(early.equals("queued") || early.equals("in_progress"), early);

    JsonNode done = poll(gw, id, keyA, "completed"::equals, Duration.ofSeconds(20));
    ResponsesSchemas.assertValidResponse(done);
    assertTrue(done.path("background").asBoolean());
    assertFalse(done.path("output_text").asText().isEmpty());
    assertTrue(done.path("usage").path("cost").asDouble() > 0);
    // a generation record, and the key charged for it
    JsonNode generation = poll200("/api/v1/generation?id=" + id, keyA);
    assertEquals(done.path("usage").path("cost").asDouble(), generation.path("data").path("total_cost").asDouble(), 1e-9);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (json(call("GET", "/api/v1/key", keyA, null)).path("data").path("usage").asDouble() <= 0) {
      assertTrue(System.nanoTime() < deadline, "the key was not charged");
      Thread.sleep(20);
    }
  }

  JsonNode poll200(String path, String key) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      HttpResponse<String> r = call("GET", path, key, null);
      if (r.statusCode() == 200) return json(r);
      assertTrue(System.nanoTime() < deadline, r.body());
      Thread.sleep(20);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void cancelStopsTheUpstreamCallAndTheResponseStaysCancelled(Backend backend) throws Exception {
    start(backend);
    // a slow upstream stream: one chunk every 200 ms
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      parts.add("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w" + i + " \"},\"finish_reason\":null}]}\n\n");
    }
    upstream.enqueue(Reply.sse(parts.toArray(String[]::new)).delayEach(Duration.ofMillis(200)));
    JsonNode queued = create(keyA, "{\"model\":\"acme/model\",\"input\":\"Talk\",\"background\":true}");
    String id = queued.path("id").asText();
    upstream.take();
    int closedBefore = upstream.closedConnections.get();
    // (a background run asks its upstream for one JSON body, as any non-streaming request: still queued)

    HttpResponse<String> cancelled = call("POST", "/api/v1/responses/" + id + "/cancel", keyA, null);
    assertEquals(200, cancelled.statusCode(), cancelled.body());
    assertEquals("cancelled", json(cancelled).path("status").asText());
    ResponsesSchemas.assertValidResponse(json(cancelled));
    // the upstream request is reset
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (upstream.closedConnections.get() == closedBefore) {
      assertTrue(System.nanoTime() < deadline, "the upstream call was not cancelled");
      Thread.sleep(20);
    }
    // cancelling again answers the same; the run's end does not overwrite it
    assertEquals("cancelled", json(call("POST", "/api/alpha/responses/" + id + "/cancel", keyA, null)).path("status").asText());
    assertEquals("cancelled", json(call("GET", "/api/v1/responses/" + id, keyA, null)).path("status").asText());

    // a run that has begun to answer (in_progress: one token every 500 ms) ends when cancelled, its generation record written
    String answering = create(keyA, sim("\"background\":true,\"x-simulate-tps\":\"2\",\"x-simulate-tokens\":\"100\"")).path("id").asText();
    poll(gw, answering, keyA, "in_progress"::equals, Duration.ofSeconds(10));
    assertEquals("cancelled", json(call("POST", "/api/v1/responses/" + answering + "/cancel", keyA, null)).path("status").asText());
    JsonNode record = poll200("/api/v1/generation?id=" + answering, keyA).path("data");
    assertTrue(record.path("cancelled").asBoolean(), record.toString());
    assertTrue(record.path("finish_reason").isNull(), record.toString());
    // charged for the tokens produced before the cancel (estimated from their text: no usage came)
    assertTrue(record.path("tokens_completion").asLong() >= 1, record.toString());
    assertEquals("cancelled", json(call("GET", "/api/v1/responses/" + answering, keyA, null)).path("status").asText());

    // only queued or in_progress background responses can be cancelled
    String plain = create(keyA, sim("")).path("id").asText();
    assertError(400, call("POST", "/api/v1/responses/" + plain + "/cancel", keyA, null));
    String finished = create(keyA, sim("\"background\":true")).path("id").asText();
    poll(gw, finished, keyA, "completed"::equals, Duration.ofSeconds(20));
    assertError(400, call("POST", "/api/v1/responses/" + finished + "/cancel", keyA, null));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aClientThatDisconnectsDoesNotStopItsBackgroundResponse(Backend backend) throws Exception {
    start(backend);
    String body = sim("\"background\":true,\"x-simulate-ttft-ms\":\"400\"");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String id;
    try (Socket s = new Socket("127.0.0.1", gw.gateway.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + keyA
          + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      String answer = readUntil(s.getInputStream(), "\"queued\"");
      int at = answer.indexOf("\"id\":\"") + 6;
      id = answer.substring(at, answer.indexOf('"', at));
    } // the connection closes before the run has even started upstream
    JsonNode done = poll(gw, id, keyA, s -> !s.equals("queued") && !s.equals("in_progress"), Duration.ofSeconds(20));
    assertEquals("completed", done.path("status").asText(), done.toString());
  }

  static String readUntil(InputStream in, String marker) throws Exception {
    StringBuilder sb = new StringBuilder();
    byte[] buf = new byte[4096];
    while (sb.indexOf(marker) < 0) {
      int n = in.read(buf);
      if (n < 0) throw new AssertionError("closed before " + marker + ": " + sb);
      sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void badRequestsAre4xx(Backend backend) throws Exception {
    start(backend);
    HttpResponse<String> r = call("POST", "/api/v1/responses", keyA, sim("\"background\":true,\"store\":false"));
    assertError(400, r);
    assertEquals("background", json(r).path("error").path("metadata").path("param").asText());
    r = call("POST", "/api/v1/responses", keyA, sim("\"background\":true,\"stream\":true"));
    assertError(400, r);
    assertEquals("stream", json(r).path("error").path("metadata").path("param").asText());
    assertError(400, call("POST", "/api/v1/responses", keyA, sim("\"previous_response_id\":\"\"")));
    assertError(404, call("POST", "/api/v1/responses", keyA, sim("\"previous_response_id\":\"gen-0-nope\"")));
    assertError(404, call("GET", "/api/v1/responses/gen-0-nope", keyA, null));
    assertError(404, call("GET", "/api/v1/responses/" + "x".repeat(300), keyA, null));
    assertError(404, call("GET", "/api/v1/responses/%27%3B--", keyA, null));
    assertError(404, call("POST", "/api/v1/responses/gen-0-nope/cancel", keyA, null));
    assertError(404, call("GET", "/api/v1/responses/gen-0-nope/input_items", keyA, null));
    assertError(405, call("PUT", "/api/v1/responses/gen-0-nope", keyA, "{}"));
    String id = create(keyA, sim("")).path("id").asText();
    assertError(400, call("GET", "/api/v1/responses/" + id + "?stream=true", keyA, null));
    // a previous response still running cannot be continued yet
    String running = create(keyA, sim("\"background\":true,\"x-simulate-ttft-ms\":\"3000\"")).path("id").asText();
    r = call("POST", "/api/v1/responses", keyA, sim("\"previous_response_id\":\"" + running + "\""));
    assertError(400, r);
    assertEquals("previous_response_id", json(r).path("error").path("metadata").path("param").asText());
  }

  // ---- shutdown ----

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aGracefulShutdownDrainsBackgroundWorkWithinItsGraceAndFailsTheRest(Backend backend) throws Exception {
    start(backend);
    GatewayHarness after = gw;
    // within the grace the quick run finishes; the slow one is failed when the grace is over
    String quick2 = create(after, keyA, sim("\"background\":true,\"x-simulate-ttft-ms\":\"300\"")).path("id").asText();
    String slow2 = create(after, keyA, sim("\"background\":true,\"x-simulate-ttft-ms\":\"60000\"")).path("id").asText();
    open.remove(after);
    after.client.close();
    after.gateway.close(Duration.ofSeconds(3)).toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    GatewayHarness third = gateway();
    assertEquals("completed", json(call(third, "GET", "/api/v1/responses/" + quick2, keyA, null)).path("status").asText());
    JsonNode failed2 = json(call(third, "GET", "/api/v1/responses/" + slow2, keyA, null));
    assertEquals("failed", failed2.path("status").asText(), failed2.toString());
    // its generation record was written before the accounts closed
    assertEquals(200, call(third, "GET", "/api/v1/generation?id=" + quick2, keyA, null).statusCode());
    assertTrue(failed2.path("error").path("message").asText().contains("shut down"), failed2.toString());
    ResponsesSchemas.assertValidResponse(failed2);
  }

  JsonNode create(GatewayHarness on, String key, String body) throws Exception {
    HttpResponse<String> r = call(on, "POST", "/api/v1/responses", key, body);
    assertEquals(200, r.statusCode(), r.body());
    return json(r);
  }
}
