package dev.openrouter4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator against a tiny loopback server, for a fraction of a second per test. */
class LoadGeneratorTest {
  static {
    // the JDK server otherwise leaves Nagle's algorithm on, which holds small SSE chunks back for 40 ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private HttpServer server;
  private volatile long stallMillis;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/v1/chat/completions", this::chat);
    server.createContext("/broken", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.sendResponseHeaders(503, -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void chat(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (stallMillis > 0) sleep(stallMillis);
    if (body.contains("\"stream\":true")) {
      ex.getResponseHeaders().add("content-type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        out.write("data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n".getBytes());
        out.flush();
        for (int i = 0; i < 3; i++) {
          sleep(2);
          out.write("data: {\"choices\":[{\"delta\":{\"content\":\"word\"}}]}\n\n".getBytes());
          out.flush();
        }
        out.write("data: [DONE]\n\n".getBytes());
      }
    } else {
      byte[] json = "{\"object\":\"chat.completion\",\"choices\":[]}".getBytes();
      ex.getResponseHeaders().add("content-type", "application/json");
      ex.sendResponseHeaders(200, json.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(json);
      }
    }
  }

  private Target target(String path) {
    return Target.of("test", "http://127.0.0.1:" + server.getAddress().getPort() + path, "simulated", Map.of("Authorization", "Bearer x"));
  }

  private static LoadGenerator.Step step(Target t, LoadGenerator.Mode mode, double rate, Duration lateAfter) {
    return new LoadGenerator.Step(t, mode, rate, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(5), "", lateAfter);
  }

  @Test
  void jsonRequestsAtAFixedRateAreAllAnsweredAndTimed() {
    StepResult r = new LoadGenerator(100).run(step(target("/v1/chat/completions"), LoadGenerator.Mode.JSON, 100, null));
    assertEquals(40, r.sent(), "100 req/s for 0.4 s measured");
    assertEquals(0, r.errors(), r.errorKinds().toString());
    assertEquals(40, r.total().count());
    assertTrue(r.total().p50() > 0);
    assertEquals(0, r.ttft().count(), "no token times for JSON");
  }

  @Test
  void streamsGetFirstAndLastTokenTimes() {
    StepResult r = new LoadGenerator(100).run(step(target("/v1/chat/completions"), LoadGenerator.Mode.SSE, 50, null));
    assertEquals(20, r.sent());
    assertEquals(0, r.errors(), r.errorKinds().toString());
    assertEquals(20, r.ttft().count());
    assertTrue(r.ttft().p50() < r.ttlt().p50(), "the first token comes before [DONE]: " + r.ttft() + " " + r.ttlt());
    assertTrue(r.ttlt().p50() >= 6_000, "three tokens 2 ms apart after the first one");
  }

  @Test
  void latencyCountsFromTheIntendedTimeSoAStalledServerShowsItsQueue() {
    stallMillis = 50; // each answer takes 50 ms while requests are due every 10 ms
    StepResult r = new LoadGenerator(100).run(step(target("/v1/chat/completions"), LoadGenerator.Mode.JSON, 100, Duration.ofMillis(30)));
    assertEquals(40, r.sent());
    assertTrue(r.total().p50() >= 50_000, "p50 " + r.total().p50());
    assertEquals(40, r.errors(), "every answer was later than 30 ms");
    assertEquals(Map.of("late (over 30 ms)", 40L), r.errorKinds());
  }

  @Test
  void aTraceHasEveryMeasuredRequestAtItsIntendedWallClockTime() throws Exception {
    stallMillis = 20;
    LatencyTrace trace = new LatencyTrace();
    long before = System.currentTimeMillis() * 1000;
    new LoadGenerator(100).run(step(target("/v1/chat/completions"), LoadGenerator.Mode.JSON, 100, null), trace);
    assertEquals(40, trace.size(), "only the measured window");
    long[] intended = new long[trace.size()];
    for (int i = 0; i < trace.size(); i++) {
      intended[i] = trace.intendedEpochMicros(i);
      assertTrue(trace.totalMicros(i) >= 20_000, "each answer stalled 20 ms: " + trace.totalMicros(i));
    }
    Arrays.sort(intended);
    assertTrue(intended[0] >= before + 100_000, "after the 100 ms warm-up, on the wall clock");
    for (int i = 1; i < intended.length; i++) {
      assertEquals(10_000, intended[i] - intended[i - 1], 2, "100 req/s: due 10 ms apart");
    }
    Path file = Files.createTempFile("trace", ".txt");
    trace.writeTo(file);
    List<String> lines = Files.readAllLines(file);
    assertEquals(40, lines.size());
    assertEquals(trace.intendedEpochMicros(0) + " " + trace.totalMicros(0), lines.get(0));
    Files.delete(file);
  }

  @Test
  void aTraceMarksFailuresWithMinusOne() {
    LatencyTrace trace = new LatencyTrace();
    new LoadGenerator(100).run(step(target("/broken"), LoadGenerator.Mode.JSON, 50, null), trace);
    assertEquals(20, trace.size());
    for (int i = 0; i < trace.size(); i++) assertEquals(-1, trace.totalMicros(i));
  }

  @Test
  void errorStatusesAreCountedByKind() {
    StepResult r = new LoadGenerator(100).run(step(target("/broken"), LoadGenerator.Mode.JSON, 50, null));
    assertEquals(20, r.sent());
    assertEquals(20, r.errors());
    assertEquals(Map.of("http 503", 20L), r.errorKinds());
    assertEquals(0, r.achievedRate());
  }

  @Test
  void probeReportsTheFirstProblem() {
    assertNull(LoadGenerator.probe(target("/v1/chat/completions"), LoadGenerator.Mode.SSE, "", Duration.ofSeconds(5)));
    assertEquals("http 503", LoadGenerator.probe(target("/broken"), LoadGenerator.Mode.JSON, "", Duration.ofSeconds(5)));
  }

  @Test
  void onlyLoopbackTargetsAreAccepted() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> Target.of("x", "http://10.0.0.1:80/v1/chat/completions", "m", Map.of()));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
