package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A gateway in a child JVM ({@link GatewayMain}) on this test's class path, with the management key
 * {@link GatewayKeysTest#ADMIN}: a real process, as a supervisor would run it. {@link #close} sends
 * SIGTERM and waits for the graceful exit.
 */
final class GatewayProcess implements AutoCloseable {
  final Process process;
  final int port;
  final Path stderr;

  private GatewayProcess(Process process, int port, Path stderr) {
    this.process = process;
    this.port = port;
    this.stderr = stderr;
  }

  /** Starts {@code GatewayMain config 0} and waits until it listens; its stderr goes to {@code dir/name.stderr}. */
  static GatewayProcess start(Path config, Path dir, String name) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), GatewayMain.class.getName(), config.toString(), "0");
    pb.environment().put("OPENROUTER4J_ADMIN_KEY", GatewayKeysTest.ADMIN);
    Path stderr = dir.resolve(name + ".stderr");
    pb.redirectError(stderr.toFile());
    Process child = pb.start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("listening on port "), name + " said " + line + "; stderr: " + Files.readString(stderr));
      return new GatewayProcess(child, Integer.parseInt(line.substring("listening on port ".length()).split(" ")[0]), stderr);
    } catch (Throwable t) {
      child.destroyForcibly();
      throw t;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: a graceful close
    if (!process.waitFor(40, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }
}
