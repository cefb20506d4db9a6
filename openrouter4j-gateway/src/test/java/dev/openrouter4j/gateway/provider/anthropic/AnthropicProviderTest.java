package dev.openrouter4j.gateway.provider.anthropic;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ContentPart;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import dev.openrouter4j.gateway.provider.UpstreamException;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider on the wire: what it sends, and how it classifies Anthropic's refusals. */
class AnthropicProviderTest {
  private AnthropicLoopback loopback;

  @BeforeEach
  void start() throws Exception {
    loopback = new AnthropicLoopback();
  }

  @AfterEach
  void stop() throws Exception {
    loopback.close();
  }

  private static UpstreamRequest request(ChatRequest chat, boolean stream) {
    return new UpstreamRequest(chat, "claude-sonnet-4-5", null, stream, Map.of("HTTP-Referer", "https://example.com"));
  }

  private static UpstreamRequest hi() {
    return request(ChatRequest.builder().messages(ChatMessage.user("hi")).build(), false);
  }

  /** The exception an open failed with. */
  private UpstreamException refusal(UpstreamRequest request) throws Exception {
    Future<UpstreamCall> opened = loopback.open(request);
    ExecutionException e = assertThrows(ExecutionException.class, () -> opened.toCompletionStage().toCompletableFuture().get(5, SECONDS));
    return assertInstanceOf(UpstreamException.class, e.getCause());
  }

  private static String error(String type, String message) {
    return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"},\"request_id\":\"req_1\"}";
  }

  @Test
  void sendsTheTranslatedRequestWithTheApiKeyAndVersionToV1Messages() throws Exception {
    loopback.anthropic.replay("messages-stream-text.sse");
    loopback.drain(request(AnthropicRequestTranslatorTest.representative(), true));

    AnthropicStandIn anthropic = loopback.anthropic;
    assertEquals("POST", anthropic.method);
    assertEquals("/v1/messages", anthropic.path);
    assertEquals(AnthropicLoopback.API_KEY, anthropic.headers.get("x-api-key"));
    assertEquals("2023-06-01", anthropic.headers.get("anthropic-version"));
    assertEquals("application/json", anthropic.headers.get("content-type"));
    assertNull(anthropic.headers.get("authorization"), "Anthropic authenticates with x-api-key only");
    assertNull(anthropic.headers.get("HTTP-Referer"), "OpenRouter attribution headers mean nothing to Anthropic");
    assertEquals(Json.mapper().readTree(AnthropicRequestTranslatorTest.REPRESENTATIVE_JSON), Json.mapper().readTree(anthropic.requestBody));
  }

  @Test
  void aNonStreamingRequestAsksForAJsonAnswer() throws Exception {
    loopback.anthropic.replay("messages-nonstream-text.json");
    loopback.drain(hi());
    assertFalse(Json.mapper().readTree(loopback.anthropic.requestBody).has("stream"));
  }

  @Test
  void overloadedRateLimitedAndServerErrorsAreRetryableWithTheirStatus() throws Exception {
    String[][] cases = {
      {"529", "overloaded_error", "provider_overloaded"}, {"429", "rate_limit_error", "rate_limit_exceeded"}, {"500", "api_error", "server"}};
    for (String[] c : cases) {
      int status = Integer.parseInt(c[0]);
      loopback.anthropic.answerJson(status, error(c[1], "Nope " + status));
      UpstreamException e = refusal(hi());
      assertEquals(status, e.status());
      assertTrue(e.retryable());
      assertEquals("Nope " + status, e.getMessage());
      assertEquals(c[2], e.errorType());
    }
  }

  @Test
  void anInvalidRequestIsNotRetryableAndCarriesAnthropicsMessage() throws Exception {
    loopback.anthropic.answerJson(400, error("invalid_request_error", "max_tokens: Field required"));
    UpstreamException e = refusal(hi());
    assertEquals(400, e.status());
    assertFalse(e.retryable());
    assertEquals("max_tokens: Field required", e.getMessage());
  }

  @Test
  void anErrorBodyWithStatus200IsRefusedLikeTheStatusItNames() throws Exception {
    loopback.anthropic.answerJson(200, error("overloaded_error", "Overloaded"));
    UpstreamException e = refusal(hi());
    assertEquals(529, e.status());
    assertTrue(e.retryable());
    assertEquals("overloaded_error", e.providerCode());
  }

  @Test
  void anUnreachableAnthropicIsA502() throws Exception {
    HttpServer closed = loopback.vertx.createHttpServer().requestHandler(r -> r.response().end());
    int port = closed.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, SECONDS).actualPort();
    closed.close().toCompletionStage().toCompletableFuture().get(5, SECONDS);

    AnthropicProvider unreachable = new AnthropicProvider(loopback.vertx, AnthropicLoopback.config("http://127.0.0.1:" + port));
    try {
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> unreachable.open(hi()).toCompletionStage().toCompletableFuture().get(5, SECONDS));
      UpstreamException u = assertInstanceOf(UpstreamException.class, e.getCause());
      assertEquals(502, u.status());
      assertTrue(u.retryable());
    } finally {
      unreachable.close().toCompletionStage().toCompletableFuture().get(5, SECONDS);
    }
  }

  @Test
  void contentAnthropicCannotTakeIsRefusedWithoutCallingIt() throws Exception {
    UpstreamException e = refusal(request(ChatRequest.builder().messages(ChatMessage.user(ContentPart.inputAudio("AAAA", "wav"))).build(), true));
    assertEquals(400, e.status());
    assertNull(loopback.anthropic.method, "nothing was sent");
  }

  @Test
  void theBaseUrlDefaultsToAnthropicAndMayEndInV1() {
    assertEquals("https://api.anthropic.com/v1/messages", AnthropicProvider.messagesUrl(null));
    assertEquals("http://127.0.0.1:8080/v1/messages", AnthropicProvider.messagesUrl("http://127.0.0.1:8080/"));
    assertEquals("https://proxy.example/anthropic/v1/messages", AnthropicProvider.messagesUrl("https://proxy.example/anthropic/v1"));
  }
}
