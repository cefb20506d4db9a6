package dev.openrouter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openrouter4j simulate} in a child JVM with few file descriptors, flooded with more
 * connections than it may open: once they close, it must accept and answer again. It once did not:
 * the first log line (the accept failure) loaded the time-zone rules from a file, that failed for
 * want of a descriptor, and the error killed the acceptor thread for good.
 */
class SimulatorOpenFilesTest {
  @TempDir Path dir;

  @Test
  void theSimulatorAcceptsAgainAfterRunningOutOfFileDescriptors() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "ulimit -n 160 && exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
        + Main.class.getName() + " simulate --port 0 --tokens 3";
    Path stderr = dir.resolve("simulator.stderr");
    Process child = new ProcessBuilder("bash", "-c", command).redirectError(stderr.toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("simulator listening on http://127.0.0.1:"), line + "; stderr: " + Files.readString(stderr));
      String base = line.substring("simulator listening on ".length()).split(" ")[0];
      int port = URI.create(base).getPort();

      List<Socket> flood = new ArrayList<>();
      try {
        for (int i = 0; i < 400; i++) {
          Socket s = new Socket();
          s.connect(new InetSocketAddress("127.0.0.1", port), 2000); // the kernel's backlog accepts; the JVM cannot
          flood.add(s);
        }
        Thread.sleep(1000);
      } finally {
        for (Socket s : flood) s.close();
      }

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest ask = HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
          .timeout(Duration.ofSeconds(5))
          .header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"simulated\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
          .build();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      Exception last = null;
      while (System.nanoTime() < deadline) {
        try {
          HttpResponse<String> r = http.send(ask, HttpResponse.BodyHandlers.ofString());
          assertEquals(200, r.statusCode(), r.body());
          return;
        } catch (java.io.IOException e) {
          last = e; // the flood's sockets may still be closing
          Thread.sleep(200);
        }
      }
      throw new AssertionError("the simulator no longer answers after the flood: " + last + "; stderr: " + tail(stderr), last);
    } finally {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String tail(Path file) throws Exception {
    String text = Files.readString(file);
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }
}
