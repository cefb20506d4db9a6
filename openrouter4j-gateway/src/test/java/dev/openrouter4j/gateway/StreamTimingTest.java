package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.EventStream;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * Tokens reach the client as they arrive: the gateway coalesces writes within one event-loop turn,
 * never across a wait for the upstream. (Lower bounds on a slow upstream, not a timing benchmark.)
 */
class StreamTimingTest {
  static String chunk(String text) {
    return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}\n\n";
  }

  @Test
  void theFirstTokenIsDeliveredBeforeTheUpstreamSendsTheNext() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (StandInUpstream upstream = new StandInUpstream(vertx);
        GatewayHarness gw = new GatewayHarness(vertx, """
            providers:
              - { id: up, kind: openai, base_url: "%s" }
            models:
              - id: m/slow
                endpoints: [ { provider: up } ]
            """.formatted(upstream.baseUrl()))) {
      upstream.enqueue(Reply.sse(chunk("first"), chunk("second"), "data: [DONE]\n\n").delayEach(Duration.ofMillis(1500)));
      ChatRequest request = ChatRequest.builder().model("m/slow").messages(ChatMessage.user("hi")).build();
      try (EventStream<ChatStreamChunk> stream = gw.client.chat().stream(request)) {
        Iterator<ChatStreamChunk> it = stream.iterator();
        long start = System.nanoTime();
        assertEquals("first", it.next().choices().get(0).delta().content());
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("second", it.next().choices().get(0).delta().content());
        long secondMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(secondMs - firstMs >= 1000, "the first token waited for the second: " + firstMs + " / " + secondMs + " ms");
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
