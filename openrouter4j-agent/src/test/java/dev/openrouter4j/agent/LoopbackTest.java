package dev.openrouter4j.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.OpenRouter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A client wired to a fresh scripted server for each test. */
abstract class LoopbackTest {
  MockServer server;
  OpenRouter client;

  @BeforeEach
  void startServer() throws Exception {
    server = new MockServer();
    client = OpenRouter.builder().apiKey("sk-or-test").serverUrl(server.url("/api/v1")).build();
  }

  @AfterEach
  void stopServer() throws Exception {
    client.close();
    server.close();
  }

  /** The next request's JSON body, checked to be a POST to /responses. */
  JsonNode nextRequest() throws InterruptedException {
    MockServer.Recorded r = server.takeRequest();
    if (!"POST /api/v1/responses".equals(r.method() + " " + r.path())) {
      throw new AssertionError("expected POST /api/v1/responses, was " + r.method() + " " + r.path());
    }
    return Turns.tree(r.body());
  }

  /** The {@code type} of every input item, in order. */
  static List<String> inputTypes(JsonNode body) {
    List<String> types = new ArrayList<>();
    for (JsonNode item : body.path("input")) types.add(item.path("type").asText());
    return types;
  }
}
