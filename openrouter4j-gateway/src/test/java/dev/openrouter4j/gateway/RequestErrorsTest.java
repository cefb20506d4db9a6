package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets a clear 4xx in OpenRouter's error shape, never a 500, and the server stays healthy. */
class RequestErrorsTest {
  static Vertx vertx;
  static GatewayHarness gw;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    gw = new GatewayHarness(vertx, """
        server: { max_body_bytes: 65536 }
        providers:
          - id: sim
            kind: simulated
        models:
          - id: sim/model
            endpoints:
              - provider: sim
        """);
  }

  @AfterAll
  static void stop() throws Exception {
    gw.close();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  static JsonNode error(HttpResponse<String> r) throws Exception {
    JsonNode body = Json.mapper().readTree(r.body());
    assertEquals(r.statusCode(), body.path("error").path("code").asInt(), r.body());
    assertTrue(body.path("error").path("message").isTextual(), r.body());
    return body.path("error");
  }

  @ParameterizedTest(name = "{1} -> {0} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "400 | {\"model\":\"sim/model\",\"messages\":[]} | messages",
        "400 | {\"model\":\"sim/model\"} | messages",
        "400 | {\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":5} | temperature",
        "400 | {\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"provider\":{\"sortt\":\"price\"}} | provider.sortt",
        "400 | {\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":\"many\"} | max_tokens",
        "400 | {\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":\"yes please\"} | stream",
        "400 | {\"model\":\"no/such-model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | ",
        "400 | [1,2,3] | body",
        "400 | {\"model\": | ",
        "400 | \"just a string\" | body",
      })
  void invalidRequestsAreRefusedWithTheFieldNamed(int status, String body, String field) throws Exception {
    HttpResponse<String> r = gw.post("/api/v1/chat/completions", body);
    assertEquals(status, r.statusCode(), r.body());
    JsonNode e = error(r);
    if (field != null && !field.isBlank()) {
      assertTrue(e.path("message").asText().contains(field.strip()), r.body());
    }
  }

  @Test
  void aMissingBearerIs401() throws Exception {
    HttpResponse<String> r = gw.http.send(
        HttpRequest.newBuilder(URI.create(gw.url("/api/v1/chat/completions"))).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, r.statusCode());
    error(r);
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    String big = "{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(70_000) + "\"}]}";
    HttpResponse<String> r = gw.post("/api/v1/chat/completions", big);
    assertEquals(413, r.statusCode());
    error(r);
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405() throws Exception {
    assertEquals(404, gw.get("/api/v1/nothing-here").statusCode());
    HttpResponse<String> r = gw.get("/api/v1/chat/completions");
    assertEquals(405, r.statusCode());
    error(r);
  }

  /** A corpus of hostile bodies: each must give a 4xx, and the server must still answer afterwards. */
  @Test
  void aFuzzCorpusNeverGivesA500() throws Exception {
    List<byte[]> corpus = new ArrayList<>();
    String ok = "{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    for (int cut = 1; cut < ok.length(); cut += 3) corpus.add(ok.substring(0, cut).getBytes(StandardCharsets.UTF_8));
    corpus.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
    corpus.add(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
    corpus.add("[".repeat(5000).getBytes(StandardCharsets.UTF_8));
    corpus.add(("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.UTF_8));
    corpus.add(("{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":" + "9".repeat(2000) + "}").getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":1e999}".getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":\"sim/model\",\"messages\":[{\"role\":7}]}".getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":{\"nested\":true}}]}".getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":\"sim/model\",\"messages\":[null]}".getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":[\"sim/model\"],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}".getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":\"all\"}".getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"provider\":{\"order\":\"x\"}}".getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"metadata\":{\"k\":[1]}}".getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stop\":[1,2]}".getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"response_format\":{\"type\":\"json_schema\"}}".getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tool_choice\":42}".getBytes(StandardCharsets.UTF_8));
    corpus.add("{\"model\":\"sim/model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"logit_bias\":{\"1\":\"a\"}}".getBytes(StandardCharsets.UTF_8));
    corpus.add(new byte[0]);
    corpus.add("null".getBytes(StandardCharsets.UTF_8));
    for (byte[] body : corpus) {
      HttpResponse<String> r = gw.postBytes("/api/v1/chat/completions", body);
      int s = r.statusCode();
      assertTrue(s >= 400 && s < 500, "got " + s + " for " + new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8) + ": " + r.body());
      error(r);
    }
    assertEquals(200, gw.get("/health").statusCode());
    HttpResponse<String> fine = gw.post("/api/v1/chat/completions", ok);
    assertEquals(200, fine.statusCode(), fine.body());
  }
}
