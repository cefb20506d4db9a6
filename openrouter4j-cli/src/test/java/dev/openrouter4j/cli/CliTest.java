package dev.openrouter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CliTest {
  HttpServer server;
  final List<String> bodies = new ArrayList<>();
  int status = 200;
  String contentType;
  String reply;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  PrintStream savedOut;
  PrintStream savedErr;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", contentType);
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
          }
        });
    server.start();
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(savedOut);
    System.setErr(savedErr);
    server.stop(0);
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
  }

  static String chunk(String content) {
    return "data: {\"id\":\"g\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}\n\n";
  }

  @Test
  void chatStreamsOnlyTheAnswerToStdoutAndUsageToStderr() {
    contentType = "text/event-stream";
    reply =
        ": OPENROUTER PROCESSING\n\n" + chunk("Par") + chunk("is.")
            + "data: {\"id\":\"g\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11,\"cost\":0.00004}}\n\ndata: [DONE]\n\n";
    int code = Main.run("chat", "--base-url", base(), "-m", "openai/gpt-4o", "--system", "Be brief.", "--usage", "--max-tokens", "150",
        "What", "is", "the", "capital?");
    assertEquals(0, code, err.toString());
    assertEquals("Paris.\n", out.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString().contains("9 prompt + 2 completion tokens"), err.toString());
    String body = bodies.get(0);
    assertTrue(body.contains("\"content\":\"What is the capital?\""), body);
    assertTrue(body.contains("\"role\":\"system\""), body);
    assertTrue(body.contains("\"max_tokens\":150"), body);
    assertTrue(body.contains("\"stream\":true"), body);
  }

  @Test
  void chatWithoutStreamingPrintsTheWholeAnswer() {
    contentType = "application/json";
    reply =
        "{\"id\":\"g\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
            + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"Paris.\"}}]}";
    assertEquals(0, Main.run("chat", "--base-url", base(), "--no-stream", "hi"));
    assertEquals("Paris.\n", out.toString(StandardCharsets.UTF_8));
    assertTrue(bodies.get(0).contains("\"stream\":false"));
  }

  @Test
  void anApiErrorPrintsTheStatusAndMessageAndExitsNonZero() {
    status = 402;
    contentType = "application/json";
    reply = "{\"error\":{\"code\":402,\"message\":\"Insufficient credits\"}}";
    int code = Main.run("chat", "--base-url", base(), "hi");
    assertEquals(1, code);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString().contains("HTTP 402: Insufficient credits"), err.toString());
  }

  @Test
  void responsesStreamsTheOutputTextDeltas() {
    contentType = "text/event-stream";
    reply =
        "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":1,\"item_id\":\"m1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hel\"}\n\n"
            + "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":2,\"item_id\":\"m1\",\"output_index\":0,\"content_index\":0,\"delta\":\"lo\"}\n\n"
            + "data: [DONE]\n\n";
    assertEquals(0, Main.run("responses", "--base-url", base(), "--instructions", "Be kind.", "hi"));
    assertEquals("Hello\n", out.toString(StandardCharsets.UTF_8));
    assertTrue(bodies.get(0).contains("\"instructions\":\"Be kind.\""));
    assertTrue(bodies.get(0).contains("\"input\":\"hi\""));
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertEquals(2, Main.run("chat", "--no-such-flag", "x"));
  }
}
