package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.MockServer.Reply;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.errors.ConnectionException;
import dev.openrouter4j.errors.ServiceUnavailableException;
import dev.openrouter4j.errors.StreamException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatStreamTest {
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

  static String chunk(String content) {
    return "{\"id\":\"gen-2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"role\":\"assistant\",\"content\":" + Json.mapper().valueToTree(content) + "},\"finish_reason\":null}]}";
  }

  static String text(List<ChatStreamChunk> chunks) {
    return chunks.stream()
        .filter(c -> !c.choices().isEmpty() && c.choices().get(0).delta().content() != null)
        .map(c -> c.choices().get(0).delta().content())
        .collect(Collectors.joining());
  }

  @Test
  void eventsSplitAcrossReadsWithCrLfAndCommentsArriveInOrderAndDoneEndsTheStream() throws Exception {
    String all =
        ": OPENROUTER PROCESSING\r\n\r\n"
            + "data: " + chunk("Hel") + "\r\n\r\n"
            + ": OPENROUTER PROCESSING\r\n\r\n"
            + "data: " + chunk("lo") + "\r\n\r\n"
            + "data: [DONE]\r\n\r\n";
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < all.length(); i += 7) parts.add(all.substring(i, Math.min(all.length(), i + 7)));
    server.enqueue(Reply.sse(parts.toArray(String[]::new)));
    try (OpenRouter client = clients.builder(server).build();
        EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
      assertEquals(200, stream.statusCode());
      List<ChatStreamChunk> chunks = stream.stream().toList();
      assertEquals(2, chunks.size());
      assertEquals("Hello", text(chunks));
    }
    MockServer.Recorded r = server.takeRequest();
    assertEquals("text/event-stream", r.header("Accept"));
    assertTrue(Json.mapper().readTree(r.body()).path("stream").asBoolean());
  }

  @Test
  void doneEndsTheIterationEvenWhileTheServerKeepsTheConnectionOpen() {
    server.enqueue(
        Reply.sse("data: " + chunk("a") + "\n\n", "data: [DONE]\n\n").holdOpen(Duration.ofSeconds(5)));
    try (OpenRouter client = clients.builder(server).build();
        EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
      long start = System.nanoTime();
      assertEquals("a", text(stream.stream().toList()));
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos(), "iteration waited for the server to close");
    }
  }

  @Test
  void aMidStreamErrorChunkIsThrownWithThePartialOutput() {
    server.enqueue(
        Reply.sse(
            "data: " + chunk("Partial ") + "\n\n",
            "data: " + chunk("answer") + "\n\n",
            "data: {\"id\":\"gen-2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"error\":{\"code\":502,\"message\":\"Provider disconnected\",\"metadata\":{\"error_type\":\"provider_unavailable\"}},"
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}\n\n",
            "data: [DONE]\n\n"));
    List<ChatStreamChunk> seen = new ArrayList<>();
    try (OpenRouter client = clients.builder(server).build();
        EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
      StreamException e = assertThrows(StreamException.class, () -> stream.forEach(seen::add));
      assertEquals("502", e.code());
      assertEquals("Provider disconnected", e.errorMessage());
      assertEquals("provider_unavailable", e.metadata().get("error_type"));
      assertEquals("Partial answer", e.partial(ChatResult.class).text());
    }
    assertEquals(2, seen.size());
  }

  @Test
  void theRecordedOpenRouterMidStreamErrorIsThrown() throws Exception {
    server.enqueue(Reply.sse(Files.readString(SharedFixtures.file("openrouter/chat-stream-midstream-error.sse"))));
    try (OpenRouter client = clients.builder(server).build();
        EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
      StreamException e = assertThrows(StreamException.class, () -> stream.forEach(c -> {}));
      assertEquals("400", e.code());
      assertEquals("Token limit reached", e.errorMessage());
      assertTrue(e.partial(ChatResult.class) != null);
    }
  }

  @Test
  void closingMidStreamReturnsAtOnceAndReleasesTheConnection() {
    String[] many = new String[200];
    for (int i = 0; i < many.length; i++) many[i] = "data: " + chunk("x") + "\n\n";
    server.enqueue(Reply.sse(many).delayEachPart(Duration.ofMillis(20)));
    server.enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      long start = System.nanoTime();
      try (EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
        Iterator<ChatStreamChunk> it = stream.iterator();
        it.next();
        it.next();
      }
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "close waited for the whole stream");
      // the client still works: a new call gets its own connection
      assertEquals("Paris.", client.chat().send(ChatWireTest.capitalOfFrance()).text());
    }
  }

  @Test
  void aConnectionCutMidStreamFailsTheIteratorAndIsNotRetried() {
    // the pause before the cut lets both events arrive before the connection breaks
    server.enqueue(
        Reply.sse("data: " + chunk("a") + "\n\n", "data: " + chunk("b") + "\n\n").holdOpen(Duration.ofMillis(300)).thenCut());
    server.enqueue(Reply.json(200, ChatWireTest.RESULT));
    List<ChatStreamChunk> seen = new ArrayList<>();
    try (OpenRouter client = clients.builder(server).build();
        EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
      assertThrows(ConnectionException.class, () -> stream.forEach(seen::add));
    }
    assertEquals(2, seen.size());
    assertEquals(1, server.requestCount());
  }

  @Test
  void aStreamIsRetriedWhenTheServerFailsBeforeTheFirstEvent() {
    server.enqueue(Reply.json(503, RetryTest.ERR));
    server.enqueue(Reply.sse("data: " + chunk("ok") + "\n\n", "data: [DONE]\n\n"));
    try (OpenRouter client = clients.builder(server).build();
        EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
      assertEquals("ok", text(stream.stream().toList()));
    }
    assertEquals(2, server.requestCount());
  }

  @Test
  void anErrorStatusOnAStreamIsThrownBeforeIterating() {
    server.enqueue(Reply.json(503, RetryTest.ERR));
    try (OpenRouter client = clients.builder(server).retryConfig(RetryConfig.none()).build()) {
      assertThrows(ServiceUnavailableException.class, () -> client.chat().stream(ChatWireTest.capitalOfFrance()));
    }
  }

  @Test
  void aMalformedEventIsADecodeErrorNotANullPointer() {
    server.enqueue(Reply.sse("data: {not json\n\n"));
    try (OpenRouter client = clients.builder(server).build();
        EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
      dev.openrouter4j.errors.ResponseDecodeException e =
          assertThrows(dev.openrouter4j.errors.ResponseDecodeException.class, () -> stream.forEach(c -> {}));
      assertEquals("{not json", e.rawBody());
    }
  }

  @Test
  void theAccumulatorTurnsTheStreamIntoTheFinalResult() throws Exception {
    server.enqueue(Reply.sse(Files.readString(SharedFixtures.file("openrouter/chat-stream-text-usage-cost.sse"))));
    try (OpenRouter client = clients.builder(server).build();
        EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
      ChatAccumulator acc = new ChatAccumulator();
      stream.forEach(acc::accept);
      ChatResult result = acc.result();
      assertTrue(result.text() != null && !result.text().isEmpty());
      assertTrue(result.usage().cost() > 0, "the usage chunk's cost is kept");
      assertEquals("stop", result.choices().get(0).finishReason());
    }
  }

  @Test
  void closingTheClientWithAStreamStillOpenReturnsPromptly() {
    String[] many = new String[100];
    java.util.Arrays.fill(many, "data: " + chunk("x") + "\n\n");
    server.enqueue(Reply.sse(many).delayEachPart(Duration.ofMillis(50)));
    OpenRouter client = clients.builder(server).build();
    EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance());
    stream.iterator().next();
    long start = System.nanoTime();
    client.close();
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "close() waited for the open stream");
  }
}
