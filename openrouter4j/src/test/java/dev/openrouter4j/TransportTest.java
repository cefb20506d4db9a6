package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.MockServer.Reply;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.errors.ClientTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the transport uses connections and bounds a buffered body, seen from a raw-socket server. */
class TransportTest {
  MockServer server;
  TestClients clients = new TestClients();

  @BeforeEach
  void start() throws Exception {
    server = new MockServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void bufferedCallsOneAfterAnotherReuseOneConnection() {
    for (int i = 0; i < 5; i++) server.enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      for (int i = 0; i < 5; i++) {
        assertEquals("Paris.", client.chat().send(ChatWireTest.capitalOfFrance()).text());
      }
    }
    assertEquals(5, server.requestCount());
    assertEquals(1, server.connectionCount(), "each call opened its own connection");
  }

  @Test
  void aChunkedBufferedBodyIsReadWholeAndItsConnectionReused() {
    String body = ChatWireTest.RESULT;
    int half = body.length() / 2;
    server.enqueue(Reply.sse(body.substring(0, half), body.substring(half)).header("Content-Type", "application/json"));
    server.enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      assertEquals("Paris.", client.chat().send(ChatWireTest.capitalOfFrance()).text());
      assertEquals("Paris.", client.chat().send(ChatWireTest.capitalOfFrance()).text());
    }
    assertEquals(1, server.connectionCount());
  }

  @Test
  void aBodyThatStallsAfterTheHeadersIsCutShortByTheCallTimeout() {
    // headers at once, the body 3 s later: the JDK's own request timeout no longer runs by then
    server.enqueue(Reply.json(200, ChatWireTest.RESULT).delayEachPart(Duration.ofSeconds(3)));
    try (OpenRouter client = clients.builder(server).retryConfig(RetryConfig.none()).build()) {
      long start = System.nanoTime();
      assertThrows(
          ClientTimeoutException.class,
          () -> client.chat().send(ChatWireTest.capitalOfFrance(), RequestOptions.builder().timeout(Duration.ofMillis(300)).build()));
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "the timeout did not cut the body short");
    }
  }

  @Test
  void aTimedOutCallDoesNotSpoilTheNextOne() {
    server.enqueue(Reply.json(200, ChatWireTest.RESULT).delayEachPart(Duration.ofSeconds(2)));
    server.enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).retryConfig(RetryConfig.none()).build()) {
      RequestOptions quick = RequestOptions.builder().timeout(Duration.ofMillis(200)).build();
      assertThrows(ClientTimeoutException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance(), quick));
      assertEquals("Paris.", client.chat().send(ChatWireTest.capitalOfFrance()).text());
    }
    assertEquals(2, server.requestCount());
  }

  @Test
  void streamsReadToDoneReuseOneConnection() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(Reply.sse("data: " + ChatStreamTest.chunk("a") + "\n\n", "data: [DONE]\n\n"));
    }
    try (OpenRouter client = clients.builder(server).build()) {
      for (int i = 0; i < 3; i++) {
        try (EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
          assertEquals(1, stream.stream().count());
        }
      }
    }
    assertEquals(3, server.requestCount());
    assertEquals(1, server.connectionCount(), "a stream ended by [DONE] gave up its connection");
  }

  @Test
  void aStreamClosedBeforeItsEndDoesNotSpoilTheNextCall() {
    server.enqueue(
        Reply.sse("data: " + ChatStreamTest.chunk("a") + "\n\n", "data: " + ChatStreamTest.chunk("b") + "\n\n")
            .holdOpen(Duration.ofSeconds(2)));
    server.enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      try (EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
        assertEquals("a", stream.iterator().next().choices().get(0).delta().content());
      }
      assertEquals("Paris.", client.chat().send(ChatWireTest.capitalOfFrance()).text());
    }
    assertEquals(2, server.connectionCount(), "the abandoned stream's connection was reused");
  }

  @Test
  void closingAStreamFromAnotherThreadWakesItsReader() throws Exception {
    server.enqueue(Reply.sse("data: " + ChatStreamTest.chunk("a") + "\n\n").holdOpen(Duration.ofSeconds(5)));
    try (OpenRouter client = clients.builder(server).build();
        EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
      Iterator<ChatStreamChunk> it = stream.iterator();
      assertEquals("a", it.next().choices().get(0).delta().content());
      Thread closer = new Thread(() -> {
        try {
          Thread.sleep(200);
        } catch (InterruptedException ignored) {
          return;
        }
        stream.close();
      });
      closer.start();
      long start = System.nanoTime();
      try {
        assertFalse(it.hasNext());
      } catch (RuntimeException failedInstead) {
        // ending with an exception is as good: what matters is that the reader did not stay blocked
      }
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos(), "the reader stayed blocked after close()");
      closer.join();
    }
  }
}
