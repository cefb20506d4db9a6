package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.openrouter4j.MockServer.Recorded;
import dev.openrouter4j.MockServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A client wired to a fresh {@link MockServer} for each test of a REST service. */
abstract class LoopbackTest {
  MockServer server;
  TestClients clients = new TestClients();
  OpenRouter client;

  @BeforeEach
  void startServer() throws Exception {
    server = new MockServer();
    client = clients.builder(server).build();
  }

  @AfterEach
  void stopServer() throws Exception {
    client.close();
    server.close();
  }

  /** Answers the next request with a spec example, 200. */
  void replyExample(String name) {
    server.enqueue(Reply.json(200, SpecExamples.read(name)));
  }

  void reply(int status, String body) {
    server.enqueue(Reply.json(status, body));
  }

  /** The next request, checked to be a bodiless {@code method} of {@code pathAndQuery} under /api/v1. */
  Recorded expectBodiless(String method, String pathAndQuery) throws InterruptedException {
    Recorded r = server.takeRequest();
    assertEquals(method + " /api/v1/" + pathAndQuery, r.method() + " " + r.path());
    assertEquals("", r.body());
    assertNull(r.header("Content-Type"), "no body, no content type");
    assertEquals("Bearer sk-or-test", r.header("Authorization"));
    assertEquals("application/json", r.header("Accept"));
    return r;
  }

  /** The next request, checked to carry exactly {@code json} as its body. */
  Recorded expectJson(String method, String path, String json) throws InterruptedException {
    Recorded r = server.takeRequest();
    assertEquals(method + " /api/v1/" + path, r.method() + " " + r.path());
    assertEquals("application/json", r.header("Content-Type"));
    SpecExamples.assertJson(json, r.body());
    return r;
  }
}
