package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.MockServer.Reply;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponseAccumulator;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.errors.StreamException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponsesTest {
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

  static ResponsesRequest hello() {
    return ResponsesRequest.builder().model("openai/gpt-4o").input("Hello, how are you?").build();
  }

  @Test
  void sendPostsToResponsesAndParsesTheRecordedReasoningResponse() throws Exception {
    server.enqueue(Reply.json(200, Files.readString(SharedFixtures.file("openai-responses/responses-nonstream-reasoning.json"))));
    try (OpenRouter client = clients.builder(server).build()) {
      Response response = client.responses().send(hello());
      assertEquals("response", response.object());
      assertEquals("completed", response.status());
      assertTrue(response.text() != null && !response.text().isEmpty());
      assertTrue(response.usage().outputTokensDetails().reasoningTokens() > 0);
    }
    MockServer.Recorded r = server.takeRequest();
    assertEquals("/api/v1/responses", r.path());
    JsonNode body = Json.mapper().readTree(r.body());
    assertEquals(Json.mapper().readTree("{\"model\":\"openai/gpt-4o\",\"input\":\"Hello, how are you?\",\"stream\":false}"), body);
  }

  @Test
  void betaResponsesIsTheSameService() {
    try (OpenRouter client = clients.builder(server).build()) {
      assertTrue(client.beta().responses() == client.responses());
    }
  }

  @Test
  void aStreamYieldsEveryEventAndTheAccumulatorRebuildsTheFinalResponse() throws Exception {
    server.enqueue(Reply.sse(RecordedStreams.sse(SharedFixtures.file("openrouter/responses-stream-reasoning.sse"))));
    try (OpenRouter client = clients.builder(server).build();
        EventStream<StreamEvent> stream = client.responses().stream(hello())) {
      List<StreamEvent> events = stream.stream().toList();
      assertTrue(events.get(0) instanceof StreamEvent.Created, events.get(0).toString());
      assertTrue(events.get(events.size() - 1) instanceof StreamEvent.Completed);
      assertTrue(events.stream().noneMatch(e -> e instanceof StreamEvent.Unknown));
      Response accumulated = new ResponseAccumulator().acceptAll(events).response();
      assertEquals(((StreamEvent.Completed) events.get(events.size() - 1)).response().text(), accumulated.text());
      assertNotNull(accumulated.usage().cost());
    }
    assertTrue(Json.mapper().readTree(server.takeRequest().body()).path("stream").asBoolean());
  }

  @Test
  void anErrorEventIsThrownWithThePartialResponse() throws Exception {
    server.enqueue(Reply.sse(RecordedStreams.sse(SharedFixtures.file("openai-responses/responses-stream-error-failed.chunks.jsonl"))));
    try (OpenRouter client = clients.builder(server).build();
        EventStream<StreamEvent> stream = client.responses().stream(hello())) {
      StreamException e = assertThrows(StreamException.class, () -> stream.forEach(ev -> {}));
      assertEquals("insufficient_quota", e.code());
      assertNotNull(e.partial(Response.class));
    }
  }

  @Test
  void aFailedResponseEventIsThrown() {
    String failed =
        "{\"type\":\"response.failed\",\"sequence_number\":3,\"response\":{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,"
            + "\"status\":\"failed\",\"model\":\"m\",\"output\":[],\"error\":{\"code\":\"server_error\",\"message\":\"upstream died\"}}}";
    server.enqueue(
        Reply.sse(
            "data: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"status\":\"in_progress\",\"model\":\"m\",\"output\":[]}}\n\n",
            "data: " + failed + "\n\n"));
    try (OpenRouter client = clients.builder(server).build();
        EventStream<StreamEvent> stream = client.responses().stream(hello())) {
      StreamException e = assertThrows(StreamException.class, () -> stream.forEach(ev -> {}));
      assertEquals("server_error", e.code());
      assertEquals("upstream died", e.errorMessage());
    }
  }
}
