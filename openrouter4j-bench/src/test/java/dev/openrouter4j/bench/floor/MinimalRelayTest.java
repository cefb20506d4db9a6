package dev.openrouter4j.bench.floor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The floor's relay passes bodies through untouched, and a stream on as it arrives. */
class MinimalRelayTest {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private HttpServer upstream;
  private MinimalRelay relay;
  private int relayPort;
  private final CountDownLatch releaseSecondEvent = new CountDownLatch(1);
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    upstream.createContext("/v1/echo", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().add("content-type", "application/json");
      ex.sendResponseHeaders(201, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    upstream.createContext("/v1/stream", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().add("content-type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        // the second event waits until the client has the first: a relay that buffers would hang here
        releaseSecondEvent.await(10, TimeUnit.SECONDS);
        out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    upstream.start();
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      relayPort = s.getLocalPort();
    }
    relay = MinimalRelay.start(relayPort, upstream.getAddress().getPort()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    if (relay != null) relay.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    upstream.stop(0);
  }

  @Test
  void aBodyGoesThereAndBackUntouchedWithItsStatusAndType() throws Exception {
    String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"h\\u00e9llo\"}]}";
    HttpResponse<String> r = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relayPort + "/v1/echo")).header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
    assertEquals(body, r.body());
  }

  @Test
  void aStreamIsPassedOnAsItArrives() throws Exception {
    HttpResponse<java.util.stream.Stream<String>> r = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relayPort + "/v1/stream")).POST(HttpRequest.BodyPublishers.ofString("{}"))
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
    var lines = r.body().iterator();
    assertEquals("data: first", lines.next());
    releaseSecondEvent.countDown();
    StringBuilder rest = new StringBuilder();
    lines.forEachRemaining(l -> rest.append(l).append('\n'));
    assertEquals("\ndata: second\n\n", rest.toString());
  }

  @Test
  void anUpstreamThatIsGoneIsA502() throws Exception {
    upstream.stop(0);
    HttpResponse<String> r = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relayPort + "/v1/echo")).POST(HttpRequest.BodyPublishers.ofString("{}"))
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(502, r.statusCode());
  }
}
