package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.MockServer.Reply;
import dev.openrouter4j.errors.BadRequestException;
import dev.openrouter4j.errors.ConnectionException;
import dev.openrouter4j.errors.ServiceUnavailableException;
import dev.openrouter4j.errors.TooManyRequestsException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {
  static final String ERR = "{\"error\":{\"code\":503,\"message\":\"no provider\"}}";

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

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504, 524, 529})
  void transientStatusesAreRetriedByDefault(int status) throws Exception {
    server.enqueue(Reply.json(status, ERR)).enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      assertEquals("Paris.", client.chat().send(ChatWireTest.capitalOfFrance()).text());
    }
    assertEquals(2, server.requestCount());
    assertEquals(List.of(Duration.ZERO), clients.sleeps, "the first retry waits only the jitter, here zero");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 402, 403, 404, 413, 422})
  void clientErrorsAreNotRetried(int status) {
    server.enqueue(Reply.json(status, ERR)).enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      assertThrows(dev.openrouter4j.errors.ApiException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
    }
    assertEquals(List.of(), clients.sleeps);
  }

  @Test
  void backoffGrowsByTheExponentAndIsCappedAtTheMaxInterval() {
    for (int i = 0; i < 6; i++) server.enqueue(Reply.json(503, ERR));
    server.enqueue(Reply.json(200, ChatWireTest.RESULT));
    RetryConfig config = RetryConfig.builder().maxInterval(Duration.ofSeconds(4)).build();
    try (OpenRouter client = clients.builder(server).retryConfig(config).build()) {
      client.chat().send(ChatWireTest.capitalOfFrance());
    }
    // 500 ms * n^1.5 for n = 0..5, capped at 4 s
    assertEquals(
        List.of(0L, 500L, 1414L, 2598L, 4000L, 4000L), clients.sleeps.stream().map(Duration::toMillis).toList());
  }

  @Test
  void jitterAddsUpToTheConfiguredMaximum() {
    server.enqueue(Reply.json(503, ERR)).enqueue(Reply.json(503, ERR)).enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).jitter(() -> 0.5).build()) {
      client.chat().send(ChatWireTest.capitalOfFrance());
    }
    assertEquals(List.of(500L, 1000L), clients.sleeps.stream().map(Duration::toMillis).toList());
  }

  @Test
  void retryAfterSecondsIsHonoured() {
    server.enqueue(Reply.json(429, ERR).header("Retry-After", "7")).enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      client.chat().send(ChatWireTest.capitalOfFrance());
    }
    assertEquals(List.of(Duration.ofSeconds(7)), clients.sleeps);
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    server.enqueue(Reply.json(503, ERR).header("retry-after-ms", "1250").header("Retry-After", "9"));
    server.enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      client.chat().send(ChatWireTest.capitalOfFrance());
    }
    assertEquals(List.of(Duration.ofMillis(1250)), clients.sleeps);
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredFromNow() {
    server.enqueue(Reply.json(503, ERR).header("Retry-After", "Sun, 22 Nov 2026 10:00:12 GMT"));
    server.enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      client.chat().send(ChatWireTest.capitalOfFrance());
    }
    assertEquals(List.of(Duration.ofSeconds(12)), clients.sleeps);
  }

  @Test
  void aServerRequestedWaitIsCappedAtTheMaxInterval() {
    server.enqueue(Reply.json(429, ERR).header("Retry-After", "3600")).enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      client.chat().send(ChatWireTest.capitalOfFrance());
    }
    assertEquals(List.of(Duration.ofSeconds(60)), clients.sleeps);
  }

  @Test
  void maxAttemptsBoundsTheTriesAndTheLastStatusIsThrown() {
    for (int i = 0; i < 5; i++) server.enqueue(Reply.json(503, ERR));
    try (OpenRouter client = clients.builder(server).retryConfig(RetryConfig.builder().maxAttempts(3).build()).build()) {
      assertThrows(ServiceUnavailableException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
    }
    assertEquals(3, server.requestCount());
  }

  @Test
  void maxElapsedTimeStopsRetryingWhenTheNextWaitWouldPassIt() {
    for (int i = 0; i < 10; i++) server.enqueue(Reply.json(503, ERR));
    RetryConfig config = RetryConfig.builder().maxElapsedTime(Duration.ofSeconds(3)).build();
    try (OpenRouter client = clients.builder(server).retryConfig(config).build()) {
      assertThrows(ServiceUnavailableException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
    }
    // waits 0, 500, 1414 (1.914 s in all); the next, 2598, would pass 3 s
    assertEquals(List.of(0L, 500L, 1414L), clients.sleeps.stream().map(Duration::toMillis).toList());
    assertEquals(4, server.requestCount());
  }

  @Test
  void theRetriedStatusesCanBeChanged() {
    server.enqueue(Reply.json(400, ERR)).enqueue(Reply.json(200, ChatWireTest.RESULT));
    RetryConfig config = RetryConfig.builder().retryStatuses(400).build();
    try (OpenRouter client = clients.builder(server).retryConfig(config).build()) {
      client.chat().send(ChatWireTest.capitalOfFrance());
    }
    assertEquals(2, server.requestCount());
  }

  @Test
  void aPerCallRetryConfigOverridesTheClients() {
    server.enqueue(Reply.json(429, ERR)).enqueue(Reply.json(200, ChatWireTest.RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      assertThrows(
          TooManyRequestsException.class,
          () -> client.chat().send(ChatWireTest.capitalOfFrance(), RequestOptions.builder().noRetries().build()));
    }
    assertEquals(1, server.requestCount());
  }

  @Test
  void connectionErrorsAreRetriedAndEarlierFailuresAreAttachedWhenAllFail() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RetryConfig config = RetryConfig.builder().maxAttempts(3).build();
    try (OpenRouter client =
        clients.builder(server).serverUrl("http://127.0.0.1:" + port).retryConfig(config).build()) {
      ConnectionException e = assertThrows(ConnectionException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
      assertEquals(2, e.getCause().getSuppressed().length);
    }
    assertEquals(2, clients.sleeps.size());
  }

  @Test
  void connectionErrorsAreNotRetriedWhenTurnedOff() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RetryConfig config = RetryConfig.builder().retryConnectionErrors(false).build();
    try (OpenRouter client =
        clients.builder(server).serverUrl("http://127.0.0.1:" + port).retryConfig(config).build()) {
      assertThrows(ConnectionException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
    }
    assertTrue(clients.sleeps.isEmpty());
  }

  @Test
  void badRequestIsFinalEvenWithRetryAfter() {
    server.enqueue(Reply.json(400, ERR).header("Retry-After", "1"));
    try (OpenRouter client = clients.builder(server).build()) {
      assertThrows(BadRequestException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
    }
    assertTrue(clients.sleeps.isEmpty());
  }
}
