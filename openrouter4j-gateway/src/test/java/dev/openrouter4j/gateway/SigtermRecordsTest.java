package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.RetryConfig;
import dev.openrouter4j.api.account.CreateKeyRequest;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.gateway.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM under load: a gateway in a child JVM answers JSON and streaming requests from several
 * threads, is sent SIGTERM in the middle, and exits; then every response a client received whole
 * has exactly one generation record in the H2 file, whose cost is the usage cost the client got.
 */
class SigtermRecordsTest {
  @TempDir Path dir;

  @Test
  void noCompletedResponseLosesItsRecord() throws Exception {
    Path config = dir.resolve("gateway.yaml");
    String url = "jdbc:h2:file:" + dir.resolve("accounts").toAbsolutePath();
    Files.writeString(config, """
        storage: { url: "%s" }
        providers:
          - id: sim
            kind: simulated
            options: { ttft_ms: 20, tokens_per_second: 200, output_tokens: 20 }
        models:
          - id: sim/priced
            endpoints:
              - provider: sim
                pricing: { prompt: 1, completion: 1000 }
        """.formatted(url));
    GatewayProcess gateway = GatewayProcess.start(config, dir, "gateway");
    Process child = gateway.process;
    Map<String, Double> completed = new ConcurrentHashMap<>();
    try {
      int port = gateway.port;
      String base = "http://127.0.0.1:" + port + "/api/v1";
      CreateKeyResponse key;
      try (OpenRouter admin = OpenRouter.builder().apiKey(GatewayKeysTest.ADMIN).serverUrl(base).retryConfig(RetryConfig.none()).build()) {
        key = admin.apiKeys().create(CreateKeyRequest.builder().name("load").build());
      }
      AtomicBoolean stop = new AtomicBoolean();
      int threads = 8;
      CountDownLatch done = new CountDownLatch(threads);
      CountDownLatch warm = new CountDownLatch(threads * 2);
      for (int t = 0; t < threads; t++) {
        boolean streaming = t % 2 == 0;
        Thread.ofPlatform().start(() -> {
          try (OpenRouter c =
              OpenRouter.builder().apiKey(key.key()).serverUrl(base).retryConfig(RetryConfig.none()).timeout(java.time.Duration.ofSeconds(5)).build()) {
            ChatRequest r = ChatRequest.builder().model("sim/priced").messages(ChatMessage.user("hello")).build();
            while (!stop.get()) {
              try {
                ChatResult result;
                if (streaming) {
                  ChatAccumulator acc = new ChatAccumulator();
                  try (EventStream<ChatStreamChunk> s = c.chat().stream(r)) {
                    for (ChatStreamChunk chunk : s) acc.accept(chunk);
                  }
                  result = acc.result();
                } else {
                  result = c.chat().send(r);
                }
                if (result.usage() != null && result.usage().cost() != null) completed.put(result.id(), result.usage().cost());
                warm.countDown();
              } catch (RuntimeException e) {
                if (!child.isAlive()) break;
                // refused while shutting down: not a completed response
              }
            }
          } finally {
            done.countDown();
          }
        });
      }
      assertTrue(warm.await(30, TimeUnit.SECONDS), "the load did not get going");
      long t0 = System.nanoTime();
      int before = completed.size();
      child.destroy(); // SIGTERM
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the gateway did not exit");
      assertTrue(completed.size() >= before);
      assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "the drain took too long");
      stop.set(true);
      done.await(30, TimeUnit.SECONDS);
    } finally {
      if (child.isAlive()) child.destroyForcibly();
    }
    assertTrue(completed.size() >= 16, "completed " + completed.size());
    try (Database db = Database.open(url)) {
      db.withConnection("check", c -> {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), MIN(cost), MAX(cost) FROM generations WHERE id = ?")) {
          for (var e : completed.entrySet()) {
            s.setString(1, e.getKey());
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              assertEquals(1, rs.getInt(1), "records of " + e.getKey());
              assertEquals(e.getValue(), rs.getBigDecimal(2).doubleValue(), 1e-10, "cost of " + e.getKey());
              assertEquals(e.getValue(), rs.getBigDecimal(3).doubleValue(), 1e-10, "cost of " + e.getKey());
            }
          }
        }
        return null;
      });
    }
  }
}
