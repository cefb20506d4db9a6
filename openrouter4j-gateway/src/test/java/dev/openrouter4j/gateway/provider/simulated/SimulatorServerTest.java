package dev.openrouter4j.gateway.provider.simulated;

import static dev.openrouter4j.gateway.provider.simulated.Sim.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.EventStream;
import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.RetryConfig;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatAccumulator;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.chat.ChatTool;
import dev.openrouter4j.api.chat.ToolCall;
import dev.openrouter4j.errors.ApiException;
import dev.openrouter4j.errors.BadGatewayException;
import dev.openrouter4j.errors.ConnectionException;
import dev.openrouter4j.errors.ServiceUnavailableException;
import dev.openrouter4j.errors.StreamException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK against the simulator over loopback: both speak OpenAI's wire format, so they must agree. */
class SimulatorServerTest {
  private final Vertx vertx = Vertx.vertx();
  private int port;
  private OpenRouter client;

  @BeforeEach
  void start() throws Exception {
    SimulationProfile profile = SimulationProfile.fromOptions(Map.of("output_tokens", 6));
    HttpServer server = Sim.await(SimulatorServer.start(vertx, "127.0.0.1", 0, profile));
    port = server.actualPort();
    client =
        OpenRouter.builder()
            .apiKey("x")
            .serverUrl("http://127.0.0.1:" + port + "/v1")
            .retryConfig(RetryConfig.none())
            .timeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    Sim.await(vertx.close());
  }

  @Test
  void sendReadsAJsonChatCompletion() {
    ChatResult result = client.chat().send(ask("hello").build());

    assertEquals(ChatResult.OBJECT, result.object());
    assertEquals("sim/model", result.model());
    assertTrue(result.id().startsWith("sim-"), result.id());
    assertEquals(6, result.text().split(" ").length);
    assertEquals("stop", result.choices().getFirst().finishReason());
    assertEquals(6, result.usage().completionTokens());
    assertEquals(result.usage().promptTokens() + 6, result.usage().totalTokens());
  }

  @Test
  void streamReadsChunksWithTheSameAnswerAsSend() {
    ChatRequest request = ask("hello").build();
    List<ChatStreamChunk> chunks = new ArrayList<>();
    try (EventStream<ChatStreamChunk> stream = client.chat().stream(request)) {
      stream.forEach(chunks::add);
    }

    assertEquals("assistant", chunks.getFirst().choices().getFirst().delta().role());
    ChatStreamChunk last = chunks.getLast();
    assertTrue(last.choices().isEmpty(), "usage comes in its own chunk");
    assertEquals(6, last.usage().completionTokens());
    ChatResult streamed = ChatAccumulator.accumulate(chunks);
    ChatResult sent = client.chat().send(request);
    assertEquals(sent.text(), streamed.text());
    assertEquals("stop", streamed.choices().getFirst().finishReason());
  }

  @Test
  void toolCallsReadBackBothWays() throws Exception {
    ChatRequest request =
        ask("weather?")
            .tools(ChatTool.function("get_weather", "Weather", Map.of(
                "type", "object", "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city"))))
            .build();

    ChatResult sent = client.chat().send(request);
    List<ChatStreamChunk> chunks = new ArrayList<>();
    try (EventStream<ChatStreamChunk> stream = client.chat().stream(request)) {
      stream.forEach(chunks::add);
    }
    ChatResult streamed = ChatAccumulator.accumulate(chunks);

    for (ChatResult result : List.of(sent, streamed)) {
      assertEquals("tool_calls", result.choices().getFirst().finishReason());
      ToolCall call = result.choices().getFirst().message().toolCalls().getFirst();
      assertEquals("function", call.type());
      assertEquals("get_weather", call.function().name());
      assertTrue(call.id().startsWith("call_sim-"), call.id());
      JsonNode args = Json.mapper().readTree(call.function().arguments());
      assertTrue(args.get("city").isTextual(), args.toString());
    }
    var first = chunks.getFirst().choices().getFirst().delta();
    assertEquals("assistant", first.role());
    var opening = chunks.get(1).choices().getFirst().delta().toolCalls().getFirst();
    assertEquals(0, opening.index());
    assertEquals("get_weather", opening.function().name());
    assertNotNull(opening.id());
  }

  @Test
  void aFaultHeaderGivesThatStatusWithOpenAisErrorBody() throws Exception {
    ServiceUnavailableException e =
        assertThrows(ServiceUnavailableException.class, () -> client.chat().send(ask("hi").build(), headers("x-simulate-fault", "status:503")));
    assertEquals(503, e.statusCode());
    JsonNode error = Json.mapper().readTree(e.rawBody()).get("error");
    assertEquals("simulated status 503", error.get("message").asText());
    assertEquals("provider_overloaded", error.get("type").asText());
    assertEquals(503, error.get("code").asInt());

    ApiException streamed = assertThrows(ApiException.class, () -> {
      try (var s = client.chat().stream(ask("hi").putExtraBody("x-simulate-fault", "status:429").build())) {
        s.forEach(c -> {});
      }
    });
    assertEquals(429, streamed.statusCode());
  }

  @Test
  void aCutStreamThrowsConnectionExceptionAfterTheTokensSent() {
    // paced, so the tokens reach the client before the cut does: the JDK's body stream drops
    // bytes it has buffered but not yet handed out once the connection fails
    List<String> texts = new ArrayList<>();
    ConnectionException e =
        assertThrows(ConnectionException.class, () -> {
          try (var s = client.chat().stream(ask("hi").build(), headers("x-simulate-fault", "cut_after:2", "x-simulate-tps", "20"))) {
            for (ChatStreamChunk c : s) {
              String text = c.choices().isEmpty() ? null : c.choices().getFirst().delta().content();
              if (text != null && !text.isEmpty()) texts.add(text);
            }
          }
        });
    assertNotNull(e.getCause());
    assertEquals(2, texts.size());
  }

  @Test
  void aCutNonStreamingAnswerIsAConnectionFailure() {
    assertThrows(ConnectionException.class, () -> client.chat().send(ask("hi").build(), headers("x-simulate-fault", "cut_after:1")));
  }

  @Test
  void errorAfterSendsAnErrorChunkOrA502() {
    StreamException e =
        assertThrows(StreamException.class, () -> {
          try (var s = client.chat().stream(ask("hi").build(), headers("x-simulate-fault", "error_after:1"))) {
            s.forEach(c -> {});
          }
        });
    assertEquals("502", e.code());
    assertEquals("simulated provider error", e.errorMessage());

    assertThrows(BadGatewayException.class, () -> client.chat().send(ask("hi").build(), headers("x-simulate-fault", "error_after:1")));
  }

  @Test
  void timeoutNeverAnswers() {
    OpenRouter impatient =
        OpenRouter.builder().apiKey("x").serverUrl("http://127.0.0.1:" + port + "/v1").retryConfig(RetryConfig.none())
            .timeout(Duration.ofMillis(300)).build();
    try (impatient) {
      long started = System.nanoTime();
      var e = assertThrows(RuntimeException.class, () -> impatient.chat().send(ask("hi").build(), headers("x-simulate-fault", "timeout")));
      assertTrue(System.nanoTime() - started >= 300_000_000L, e.toString());
    }
  }

  @Test
  void modelsAreListedAndPathsWorkWithoutTheV1Prefix() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> models = http.send(get("/v1/models"), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, models.statusCode());
    JsonNode list = Json.mapper().readTree(models.body());
    assertEquals("list", list.get("object").asText());
    assertEquals(SimulatorServer.MODEL_ID, list.get("data").get(0).get("id").asText());

    HttpResponse<String> chat =
        http.send(post("/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, chat.statusCode());
    assertEquals("chat.completion", Json.mapper().readTree(chat.body()).get("object").asText());
  }

  @Test
  void aBadBodyIs400AndAnUnknownPathIs404() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String body : new String[] {"{not json", "[]", "{\"messages\":[]}", "{\"messages\":[{\"role\":\"user\",\"content\":5}]}"}) {
      HttpResponse<String> r = http.send(post("/v1/chat/completions", body), HttpResponse.BodyHandlers.ofString());
      assertEquals(400, r.statusCode(), body);
      JsonNode error = Json.mapper().readTree(r.body()).get("error");
      assertEquals("invalid_request", error.get("type").asText());
      assertTrue(error.has("message") && error.has("code"), r.body());
    }
    assertEquals(404, http.send(get("/v1/nothing"), HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(405, http.send(get("/v1/chat/completions"), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void sseFramesAreOpenAis() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> r =
        http.send(post("/v1/chat/completions", "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), HttpResponse.BodyHandlers.ofString());
    assertEquals("text/event-stream", r.headers().firstValue("content-type").orElse(null));
    String body = r.body();
    assertTrue(body.startsWith("data: {"), body);
    assertTrue(body.endsWith("data: [DONE]\n\n"), body);
    assertNull(Json.mapper().readTree(body.split("\n\n")[0].substring(6)).get("choices").get(0).get("finish_reason").textValue());
  }

  /** Request headers as name, value pairs. */
  private static dev.openrouter4j.RequestOptions headers(String... pairs) {
    var options = dev.openrouter4j.RequestOptions.builder();
    for (int i = 0; i < pairs.length; i += 2) options.header(pairs[i], pairs[i + 1]);
    return options.build();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
  }

  private HttpRequest post(String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  @Test
  void embeddingsAreUnitVectorsThatDependOnTheTextAlone() {
    var request = dev.openrouter4j.api.embeddings.EmbeddingsRequest.builder().model("sim/embed").input(List.of("a cat", "a dog", "a cat")).dimensions(16).build();
    var answer = client.embeddings().create(request);

    assertEquals("list", answer.object());
    assertEquals("sim/embed", answer.model());
    List<float[]> v = answer.vectors();
    assertEquals(3, v.size());
    for (float[] x : v) {
      assertEquals(16, x.length);
      double norm = 0;
      for (float f : x) norm += f * (double) f;
      assertEquals(1.0, norm, 1e-5);
    }
    assertTrue(java.util.Arrays.equals(v.get(0), v.get(2)), "the same text, the same vector");
    assertTrue(!java.util.Arrays.equals(v.get(0), v.get(1)), "another text, another vector");
    assertEquals(List.of(0, 1, 2), answer.data().stream().map(e -> e.index()).toList());
    assertEquals(6, answer.usage().promptTokens()); // 5 characters each: 2 tokens at 4 characters a token
  }

  @Test
  void base64EmbeddingsAreTheSameFloats() {
    var b = dev.openrouter4j.api.embeddings.EmbeddingsRequest.builder().model("sim/embed").input("a cat");
    float[] floats = client.embeddings().create(b.build()).vectors().get(0);
    var base64 = client.embeddings().create(b.encodingFormat(dev.openrouter4j.api.embeddings.EmbeddingsRequest.EncodingFormat.BASE64).build());

    assertNotNull(base64.data().get(0).embedding().base64());
    assertTrue(java.util.Arrays.equals(floats, base64.vectors().get(0)));
    assertEquals(SimulatedEmbeddings.DEFAULT_DIMENSIONS, floats.length);
  }

  @Test
  void moreDimensionsThanTheSimulatedModelMakesIsA400() {
    var request = dev.openrouter4j.api.embeddings.EmbeddingsRequest.builder().model("sim/embed").input("a cat")
        .dimensions(SimulatedEmbeddings.MAX_DIMENSIONS + 1).build();
    ApiException e = assertThrows(ApiException.class, () -> client.embeddings().create(request));
    assertEquals(400, e.statusCode());
    assertTrue(e.getMessage().contains("dimensions"), e.getMessage());
    var most = client.embeddings().create(request.toBuilder().dimensions(SimulatedEmbeddings.MAX_DIMENSIONS).build());
    assertEquals(SimulatedEmbeddings.MAX_DIMENSIONS, most.vectors().get(0).length);
  }

  @Test
  void anInvalidEmbeddingsRequestIsA400NamingTheField() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/embeddings"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"input\":[]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, r.statusCode());
    assertTrue(Json.mapper().readTree(r.body()).at("/error/message").asText().startsWith("input:"), r.body());
  }
}
