package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.MockServer.Reply;
import dev.openrouter4j.errors.ApiException;
import dev.openrouter4j.errors.BadGatewayException;
import dev.openrouter4j.errors.BadRequestException;
import dev.openrouter4j.errors.ConnectionException;
import dev.openrouter4j.errors.EdgeNetworkTimeoutException;
import dev.openrouter4j.errors.ForbiddenException;
import dev.openrouter4j.errors.InternalServerException;
import dev.openrouter4j.errors.NotFoundException;
import dev.openrouter4j.errors.PayloadTooLargeException;
import dev.openrouter4j.errors.PaymentRequiredException;
import dev.openrouter4j.errors.ProviderOverloadedException;
import dev.openrouter4j.errors.RequestTimeoutException;
import dev.openrouter4j.errors.ResponseDecodeException;
import dev.openrouter4j.errors.ServiceUnavailableException;
import dev.openrouter4j.errors.TooManyRequestsException;
import dev.openrouter4j.errors.UnauthorizedException;
import dev.openrouter4j.errors.UnprocessableEntityException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {
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

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, UnauthorizedException.class),
        Arguments.of(402, PaymentRequiredException.class),
        Arguments.of(403, ForbiddenException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(408, RequestTimeoutException.class),
        Arguments.of(413, PayloadTooLargeException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(429, TooManyRequestsException.class),
        Arguments.of(500, InternalServerException.class),
        Arguments.of(502, BadGatewayException.class),
        Arguments.of(503, ServiceUnavailableException.class),
        Arguments.of(524, EdgeNetworkTimeoutException.class),
        Arguments.of(529, ProviderOverloadedException.class),
        Arguments.of(418, ApiException.class),
        Arguments.of(504, ApiException.class));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("statuses")
  void eachStatusBecomesItsOwnExceptionCarryingOpenRoutersErrorBody(int status, Class<? extends ApiException> type) {
    String body =
        "{\"error\":{\"code\":" + status + ",\"message\":\"went wrong\",\"metadata\":{\"provider_name\":\"Acme\"}},"
            + "\"user_id\":\"user_1\"}";
    server.enqueue(Reply.json(status, body).header("X-Request-Id", "req-9"));
    try (OpenRouter client = clients.builder(server).retryConfig(RetryConfig.none()).build()) {
      ApiException e = assertThrows(ApiException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
      assertSame(type, e.getClass());
      assertEquals(status, e.statusCode());
      assertEquals(status, e.code());
      assertEquals("went wrong", e.errorMessage());
      assertEquals(Map.of("provider_name", "Acme"), e.metadata());
      assertEquals("user_1", e.userId());
      assertEquals(body, e.rawBody());
      assertEquals("req-9", e.headers().firstValue("x-request-id").orElseThrow());
      assertEquals(status + ": went wrong", e.getMessage());
    }
  }

  @Test
  void anErrorBodyThatIsNotJsonStillGivesTheStatusExceptionWithTheRawBody() {
    server.enqueue(Reply.raw(502, "text/html", "<html>Bad Gateway</html>"));
    try (OpenRouter client = clients.builder(server).retryConfig(RetryConfig.none()).build()) {
      BadGatewayException e = assertThrows(BadGatewayException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
      assertNull(e.errorMessage());
      assertEquals("<html>Bad Gateway</html>", e.rawBody());
      assertTrue(e.getMessage().contains("Bad Gateway"));
    }
  }

  @Test
  void aSuccessBodyThatIsNotJsonIsADecodeErrorWithTheRawBody() {
    server.enqueue(Reply.raw(200, "application/json", "not json at all"));
    try (OpenRouter client = clients.builder(server).build()) {
      ResponseDecodeException e = assertThrows(ResponseDecodeException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
      assertEquals("not json at all", e.rawBody());
    }
  }

  @Test
  void aSuccessBodyOfTheWrongShapeIsADecodeErrorNamingThePath() {
    server.enqueue(Reply.json(200, "{\"id\":\"x\",\"choices\":[{\"index\":\"zero\"}]}"));
    try (OpenRouter client = clients.builder(server).build()) {
      ResponseDecodeException e = assertThrows(ResponseDecodeException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
      assertTrue(e.getMessage().contains("choices"), e.getMessage());
      assertTrue(e.rawBody().contains("zero"));
    }
  }

  @Test
  void anEmptySuccessBodyIsADecodeErrorNotANullPointer() {
    server.enqueue(Reply.raw(200, "application/json", ""));
    try (OpenRouter client = clients.builder(server).build()) {
      assertThrows(ResponseDecodeException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
    }
  }

  @Test
  void aRefusedConnectionIsAConnectionException() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (OpenRouter client =
        clients.builder(server).serverUrl("http://127.0.0.1:" + port + "/api/v1").retryConfig(RetryConfig.none()).build()) {
      assertThrows(ConnectionException.class, () -> client.chat().send(ChatWireTest.capitalOfFrance()));
    }
  }
}
