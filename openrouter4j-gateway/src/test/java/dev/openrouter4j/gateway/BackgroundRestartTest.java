package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.gateway.responses.ResponsesSchemas;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway that dies (SIGKILL: no shutdown hook, no drain) while a background response runs leaves
 * the response queued or in_progress in its H2 file; a gateway started again on that file marks it
 * failed, saying why, once its heartbeat is older than the staleness limit, instead of leaving it
 * unfinished for ever.
 */
class BackgroundRestartTest {
  @TempDir Path dir;

  @Test
  void aRestartMarksTheBackgroundResponsesOfADeadGatewayFailed() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("accounts").toAbsolutePath();
    String yaml = """
        storage: { url: "%s" }
        providers:
          - id: sim
            kind: simulated
            options: { ttft_ms: 600000, output_tokens: 5 }
        models:
          - id: sim/slow
            endpoints:
              - provider: sim
        """.formatted(url);
    Path config = dir.resolve("gateway.yaml");
    Files.writeString(config, yaml);
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), GatewayMain.class.getName(), config.toString(), "0");
    pb.environment().remove("OPENROUTER4J_ADMIN_KEY");
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    Process child = pb.start();
    String id;
    HttpClient http = HttpClient.newHttpClient();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("listening on port "), "child said " + line + "; stderr: " + Files.readString(dir.resolve("stderr.txt")));
      int port = Integer.parseInt(line.substring("listening on port ".length()).split(" ")[0]);
      HttpResponse<String> queued = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/responses"))
              .header("Authorization", "Bearer local").header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"sim/slow\",\"input\":\"Hi\",\"background\":true}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, queued.statusCode(), queued.body());
      id = Json.mapper().readTree(queued.body()).path("id").asText();
      // past H2's write delay (500 ms: an H2 file loses the commits of the last half second to a kill)
      Thread.sleep(1500);
    } finally {
      child.destroyForcibly(); // SIGKILL
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }

    Vertx vertx = Vertx.vertx();
    try (GatewayHarness again = new GatewayHarness(vertx, yaml)) {
      // the dead gateway's heartbeat stops; within the staleness limit (10 s) and a sweep (5 s) the run is failed
      long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      JsonNode r;
      while (true) {
        HttpResponse<String> got = again.send("GET", "/api/v1/responses/" + id, "local", null);
        assertEquals(200, got.statusCode(), got.body());
        r = Json.mapper().readTree(got.body());
        String status = r.path("status").asText();
        if (!status.equals("queued") && !status.equals("in_progress")) break;
        assertTrue(System.nanoTime() < deadline, "still " + status);
        Thread.sleep(200);
      }
      assertEquals("failed", r.path("status").asText(), r.toString());
      assertEquals("server_error", r.path("error").path("code").asText());
      assertTrue(r.path("error").path("message").asText().contains("stopped before it finished"), r.toString());
      ResponsesSchemas.assertValidResponse(r);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
