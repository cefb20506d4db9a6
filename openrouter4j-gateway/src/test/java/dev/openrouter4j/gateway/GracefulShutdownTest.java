package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.RetryConfig;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.errors.ConnectionException;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A graceful close lets a running stream finish and refuses new connections. */
class GracefulShutdownTest {
  @Test
  void aStreamInFlightCompletesWhileTheGatewayShutsDown() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      GatewayHarness gw = new GatewayHarness(vertx, """
          providers:
            - id: sim
              kind: simulated
              options: { tokens_per_second: 40, output_tokens: 30 }
          models:
            - id: sim/slow
              endpoints:
                - provider: sim
          """);
      ChatRequest request = ChatRequest.builder().model("sim/slow").messages(ChatMessage.user("hi")).build();
      CompletableFuture<ChatResult> streamed = new CompletableFuture<>();
      CompletableFuture<Void> firstChunk = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        try (EventStream<ChatStreamChunk> stream = gw.client.chat().stream(request)) {
          ChatAccumulator acc = new ChatAccumulator();
          for (ChatStreamChunk c : stream) {
            acc.accept(c);
            firstChunk.complete(null);
          }
          streamed.complete(acc.result());
        } catch (RuntimeException e) {
          streamed.completeExceptionally(e);
        }
      });
      reader.start();
      firstChunk.get(5, TimeUnit.SECONDS);
      var closing = gw.gateway.close(Duration.ofSeconds(10)).toCompletionStage().toCompletableFuture();

      ChatResult result = streamed.get(10, TimeUnit.SECONDS);
      assertEquals("stop", result.choices().get(0).finishReason());
      assertEquals(30, result.usage().completionTokens());
      try (OpenRouter late = OpenRouter.builder().apiKey("k").serverUrl(gw.url("/api/v1")).retryConfig(RetryConfig.none()).build()) {
        assertThrows(ConnectionException.class, () -> late.chat().send(request));
      }
      closing.get(10, TimeUnit.SECONDS);
      assertTrue(closing.isDone());
      gw.client.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
