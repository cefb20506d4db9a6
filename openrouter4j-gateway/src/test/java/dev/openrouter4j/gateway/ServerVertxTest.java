package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.EventStream;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.gateway.provider.simulated.SimulationProfile;
import dev.openrouter4j.gateway.provider.simulated.SimulatorServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The servers' transport: epoll on Linux x86-64 (the native library the gateway ships), NIO when asked for. */
class ServerVertxTest {
  @Test
  void nioWhenAskedForAndAnUnknownNameIsRefused() {
    assertEquals(Transport.NIO, ServerVertx.transport("nio"));
    assertEquals(Transport.NIO, ServerVertx.transport(" NIO "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerVertx.transport("quic"));
    assertTrue(e.getMessage().contains(ServerVertx.TRANSPORT_PROPERTY), e.getMessage());
  }

  @Test
  @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
  void onLinuxTheGatewayAndItsUpstreamRunOnEpoll() throws Exception {
    assertEquals(Transport.EPOLL, ServerVertx.transport("native"));
    Vertx vertx = ServerVertx.create();
    try {
      assertTrue(vertx.isNativeTransportEnabled(), () -> "native transport: " + vertx.unavailableNativeTransportCause());
      assertEquals("epoll", ServerVertx.describe(vertx));
      // a real socket both ways on epoll: client to gateway, gateway to a simulated OpenAI-format upstream
      HttpServer upstream = SimulatorServer.start(vertx, "127.0.0.1", 0,
          SimulationProfile.fromOptions(Map.of("output_tokens", 20, "tokens_per_second", 0))).await(20, TimeUnit.SECONDS);
      String yaml = """
          providers:
            - { id: sim, kind: openai, base_url: "http://127.0.0.1:%d/v1", api_key: test }
          models:
            - id: acme/model
              endpoints: [ { provider: sim, upstream_model: simulated } ]
          """.formatted(upstream.actualPort());
      try (GatewayHarness gw = new GatewayHarness(vertx, yaml)) {
        ChatRequest hello = ChatRequest.builder().model("acme/model").messages(ChatMessage.user("Hello")).build();
        ChatResult whole = gw.client.chat().send(hello);
        assertFalse(whole.text().isEmpty());
        assertNotNull(whole.usage());
        assertEquals(20, whole.usage().completionTokens());

        List<ChatStreamChunk> chunks = new ArrayList<>();
        try (EventStream<ChatStreamChunk> stream = gw.client.chat().stream(hello)) {
          stream.forEach(chunks::add);
        }
        ChatResult streamed = ChatAccumulator.accumulate(chunks);
        assertEquals(whole.text(), streamed.text(), "the simulator answers the same prompt the same way");
        assertEquals("stop", streamed.choices().get(0).finishReason());
        assertTrue(chunks.size() > 20, "token by token: " + chunks.size() + " chunks");
      }
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }
}
