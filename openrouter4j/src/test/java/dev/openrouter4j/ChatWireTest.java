package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.MockServer.Reply;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.errors.RequestValidationException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatWireTest {
  static final String RESULT =
      "{\"id\":\"gen-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"openai/gpt-4\","
          + "\"system_fingerprint\":null,\"provider\":\"OpenAI\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
          + "\"message\":{\"role\":\"assistant\",\"content\":\"Paris.\"}}],"
          + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":2,\"total_tokens\":22,\"cost\":0.00012},"
          + "\"brand_new_field\":{\"x\":1}}";

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

  static ChatRequest capitalOfFrance() {
    return ChatRequest.builder()
        .model("openai/gpt-4")
        .messages(ChatMessage.system("You are a helpful assistant."), ChatMessage.user("What is the capital of France?"))
        .maxTokens(150)
        .temperature(0.7)
        .build();
  }

  @Test
  void sendPostsExactlyTheDocumentedJsonAndParsesTheCompletion() throws Exception {
    server.enqueue(Reply.json(200, RESULT));
    try (OpenRouter client = clients.builder(server).build()) {
      ChatResult result = client.chat().send(capitalOfFrance());
      assertEquals("Paris.", result.text());
      assertEquals("gen-1", result.id());
      assertEquals(22, result.usage().totalTokens());
      assertEquals(0.00012, result.usage().cost());
    }
    MockServer.Recorded r = server.takeRequest();
    assertEquals("POST", r.method());
    assertEquals("/api/v1/chat/completions", r.path());
    JsonNode expected =
        Json.mapper()
            .readTree(
                "{\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                    + "{\"role\":\"user\",\"content\":\"What is the capital of France?\"}],"
                    + "\"model\":\"openai/gpt-4\",\"max_tokens\":150,\"temperature\":0.7,\"stream\":false}");
    assertEquals(expected, Json.mapper().readTree(r.body()));
  }

  @Test
  void unknownResponseFieldsAreKeptAndTheRawJsonIsAvailable() {
    server.enqueue(Reply.json(200, RESULT).header("X-Generation-Id", "gen-1"));
    try (OpenRouter client = clients.builder(server).build()) {
      ApiResponse<ChatResult> response = client.chat().sendWithResponse(capitalOfFrance(), RequestOptions.none());
      assertEquals(200, response.statusCode());
      assertEquals("gen-1", response.headers().firstValue("x-generation-id").orElseThrow());
      assertEquals(1, response.json().path("brand_new_field").path("x").asInt());
      assertTrue(response.body().extra().containsKey("brand_new_field"));
    }
  }

  @Test
  void everyIdentifyingHeaderIsSent() throws Exception {
    server.enqueue(Reply.json(200, RESULT));
    try (OpenRouter client =
        clients
            .builder(server)
            .httpReferer("https://myapp.example")
            .appTitle("My App")
            .appCategories("cli-agent", "cloud-agent")
            .header("X-Custom", "client")
            .build()) {
      client.chat().send(capitalOfFrance(), RequestOptions.builder().header("X-Custom", "call").header("x-session-id", "s1").build());
    }
    MockServer.Recorded r = server.takeRequest();
    assertEquals("Bearer sk-or-test", r.header("Authorization"));
    assertEquals("https://myapp.example", r.header("HTTP-Referer"));
    assertEquals("My App", r.header("X-OpenRouter-Title"));
    assertEquals("cli-agent,cloud-agent", r.header("X-OpenRouter-Categories"));
    assertEquals("application/json", r.header("Accept"));
    assertEquals("application/json", r.header("Content-Type"));
    assertTrue(r.header("User-Agent").startsWith("openrouter4j/"), r.header("User-Agent"));
    assertEquals("call", r.header("X-Custom"));
    assertEquals("s1", r.header("x-session-id"));
  }

  @Test
  void aKeyThatAlreadySaysBearerIsNotPrefixedTwiceAndTheSupplierIsAskedPerCall() throws Exception {
    server.enqueue(Reply.json(200, RESULT)).enqueue(Reply.json(200, RESULT));
    int[] n = {0};
    try (OpenRouter client = clients.builder(server).apiKey(() -> "Bearer key-" + (++n[0])).build()) {
      client.chat().send(capitalOfFrance());
      client.chat().send(capitalOfFrance());
    }
    assertEquals("Bearer key-1", server.takeRequest().header("Authorization"));
    assertEquals("Bearer key-2", server.takeRequest().header("Authorization"));
  }

  @Test
  void theServerUrlPrefixIsKeptAndAPerCallServerUrlWins() throws Exception {
    server.enqueue(Reply.json(200, RESULT)).enqueue(Reply.json(200, RESULT));
    try (OpenRouter client = clients.builder(server).serverUrl(server.url("/custom/prefix/")).build()) {
      client.chat().send(capitalOfFrance());
      client.chat().send(capitalOfFrance(), RequestOptions.builder().serverUrl(server.url("/other")).build());
    }
    assertEquals("/custom/prefix/chat/completions", server.takeRequest().path());
    assertEquals("/other/chat/completions", server.takeRequest().path());
  }

  @Test
  void extraBodyPropertiesAndEveryRoutingFieldReachTheWire() throws Exception {
    server.enqueue(Reply.json(200, RESULT));
    ChatRequest request =
        capitalOfFrance().toBuilder()
            .provider(ProviderPreferences.builder().order("openai", "azure").allowFallbacks(false).build())
            .models(java.util.List.of("openai/gpt-4o", "anthropic/claude-3.5-sonnet"))
            .putExtraBody("some_future_field", java.util.Map.of("on", true))
            .build();
    try (OpenRouter client = clients.builder(server).build()) {
      client.chat().send(request);
    }
    JsonNode body = Json.mapper().readTree(server.takeRequest().body());
    assertEquals("[\"openai\",\"azure\"]", body.path("provider").path("order").toString());
    assertEquals(false, body.path("provider").path("allow_fallbacks").asBoolean(true));
    assertEquals(2, body.path("models").size());
    assertTrue(body.path("some_future_field").path("on").asBoolean());
    assertNull(body.get("top_p"), "absent fields are omitted");
  }

  @Test
  void aRequestBreakingADocumentedLimitIsRefusedBeforeSendingNamingTheField() {
    try (OpenRouter client = clients.builder(server).build()) {
      ChatRequest hot = capitalOfFrance().toBuilder().temperature(3.0).build();
      RequestValidationException e = assertThrows(RequestValidationException.class, () -> client.chat().send(hot));
      assertEquals("temperature", e.field());
      ChatRequest empty = ChatRequest.builder().model("m").build();
      assertEquals("messages", assertThrows(RequestValidationException.class, () -> client.chat().send(empty)).field());
    }
    assertEquals(0, server.requestCount());
  }

  @Test
  void validationCanBeTurnedOff() throws Exception {
    server.enqueue(Reply.json(200, RESULT));
    try (OpenRouter client = clients.builder(server).validateRequests(false).build()) {
      client.chat().send(capitalOfFrance().toBuilder().temperature(3.0).build());
    }
    assertEquals(3.0, Json.mapper().readTree(server.takeRequest().body()).path("temperature").asDouble());
  }

  @Test
  void sendAsyncCompletesWithTheResultOrTheMappedException() {
    server.enqueue(Reply.json(200, RESULT));
    server.enqueue(Reply.json(401, "{\"error\":{\"code\":401,\"message\":\"No auth credentials found\"}}"));
    try (OpenRouter client = clients.builder(server).build()) {
      assertEquals("Paris.", client.chat().sendAsync(capitalOfFrance()).join().text());
      CompletionException e = assertThrows(CompletionException.class, () -> client.chat().sendAsync(capitalOfFrance()).join());
      assertTrue(e.getCause() instanceof dev.openrouter4j.errors.UnauthorizedException, e.getCause().toString());
    }
  }

  @Test
  void aCallThatTakesLongerThanItsTimeoutFailsWithAClientTimeout() {
    server.enqueue(Reply.json(200, RESULT).stall(Duration.ofSeconds(3)));
    try (OpenRouter client = clients.builder(server).retryConfig(RetryConfig.none()).build()) {
      long start = System.nanoTime();
      assertThrows(
          dev.openrouter4j.errors.ClientTimeoutException.class,
          () -> client.chat().send(capitalOfFrance(), RequestOptions.builder().timeout(Duration.ofMillis(200)).build()));
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "the timeout did not cut the wait short");
    }
  }
}
