package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.MockServer.Reply;
import dev.openrouter4j.api.chat.ChatResult;
import dev.openrouter4j.api.chat.ChatStreamChunk;
import dev.openrouter4j.api.responses.StreamEvent;
import dev.openrouter4j.errors.StreamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SDK reads every recorded OpenAI and OpenRouter reply, served over HTTP as it was recorded. */
class FixturesTest {
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

  static Stream<Path> files(String prefix) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("openai", "openrouter", "openai-responses")) {
      try (Stream<Path> s = Files.list(SharedFixtures.dir().resolve(dir))) {
        s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().forEach(out::add);
      }
    }
    return out.stream();
  }

  static Stream<Path> chatFixtures() throws IOException {
    return files("chat-");
  }

  static Stream<Path> responsesFixtures() throws IOException {
    return files("responses-");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chatFixtures")
  void everyChatFixtureParses(Path file) throws Exception {
    String name = file.getFileName().toString();
    try (OpenRouter client = clients.builder(server).build()) {
      if (name.endsWith(".json")) {
        server.enqueue(Reply.json(200, Files.readString(file)));
        ChatResult result = client.chat().send(ChatWireTest.capitalOfFrance());
        assertFalse(result.choices().isEmpty());
        assertNotNull(result.choices().get(0).message());
        return;
      }
      server.enqueue(Reply.sse(RecordedStreams.sse(file)));
      List<ChatStreamChunk> chunks = new ArrayList<>();
      try (EventStream<ChatStreamChunk> stream = client.chat().stream(ChatWireTest.capitalOfFrance())) {
        stream.forEach(chunks::add);
      } catch (StreamException expected) {
        assertTrue(name.contains("error"), name + " threw " + expected);
      }
      assertFalse(chunks.isEmpty(), name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responsesFixtures")
  void everyResponsesFixtureParses(Path file) throws Exception {
    String name = file.getFileName().toString();
    try (OpenRouter client = clients.builder(server).build()) {
      if (name.endsWith(".json")) {
        server.enqueue(Reply.json(200, Files.readString(file)));
        assertNotNull(client.responses().send(ResponsesTest.hello()).output());
        return;
      }
      server.enqueue(Reply.sse(RecordedStreams.sse(file)));
      List<StreamEvent> events = new ArrayList<>();
      try (EventStream<StreamEvent> stream = client.responses().stream(ResponsesTest.hello())) {
        stream.forEach(events::add);
      } catch (StreamException expected) {
        assertTrue(name.contains("error"), name + " threw " + expected);
      }
      assertFalse(events.isEmpty(), name);
      assertTrue(events.stream().noneMatch(e -> e instanceof StreamEvent.Unknown), name);
    }
  }
}
