package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The Node project under {@code src/test/node}: its locked dependencies installed with {@code npm
 * ci} once per lock file (a stamp in {@code node_modules} holds the hash of {@code package.json}
 * and {@code package-lock.json}, so later runs reuse the install), and its scripts run with {@code
 * node --test}, their output streamed into the test log.
 *
 * <p>Without {@code node} or {@code npm} on the PATH, or when {@code npm ci} cannot reach the
 * registry, the calling test is aborted (reported as skipped) with the reason; any other install
 * failure fails it.
 */
final class NodeProject {
  static final Path DIR = Path.of("src", "test", "node");
  static final int MIN_NODE_MAJOR = 20;

  private static final String STAMP = ".openrouter4j-lock.sha256";
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final Pattern UNREACHABLE = Pattern.compile(
      "npm (?:error|ERR!) (?:code (?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH"
          + "|ERR_SOCKET_TIMEOUT|E5\\d\\d)\\b|network )");

  /** Decided once per JVM: null while unknown, then "" when ready or the reason to skip. */
  private static String skipReason;

  private NodeProject() {}

  /** The test scripts, {@code *.test.mjs}, by name. */
  static List<String> scripts() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".test.mjs")).sorted().toList();
    }
  }

  /** Makes sure the locked dependencies are installed, or aborts the test with the reason. */
  static synchronized void requireInstalled() throws Exception {
    if (skipReason == null) {
      skipReason = install();
      if (!skipReason.isEmpty()) System.out.println("[node] SKIPPING the official Node client tests: " + skipReason);
    }
    Assumptions.assumeTrue(skipReason.isEmpty(), skipReason);
  }

  private static String install() throws Exception {
    for (String tool : List.of("node", "npm")) {
      if (onPath(tool) == null) return tool + " is not on the PATH, so the official Node clients cannot be run";
    }
    Output version = run(List.of("node", "--version"), Map.of(), Duration.ofSeconds(30), "node");
    int major = parseMajor(version.text().strip());
    if (major < MIN_NODE_MAJOR) return "node " + version.text().strip() + " is older than " + MIN_NODE_MAJOR + ", which the clients need";

    String hash = lockHash();
    Path stamp = DIR.resolve("node_modules").resolve(STAMP);
    if (Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(hash)) return "";

    Output ci = run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--fetch-retries=1"),
        Map.of(), INSTALL_TIMEOUT, "npm");
    if (ci.exit() != 0) {
      if (UNREACHABLE.matcher(ci.text()).find()) {
        return "npm ci could not reach the npm registry (exit " + ci.exit() + "), so the official Node clients are not installed";
      }
      fail("npm ci failed with exit code " + ci.exit() + ":\n" + ci.tail());
    }
    Files.writeString(stamp, hash + "\n");
    return "";
  }

  /** Runs {@code node --test} on one script in {@link #DIR}; returns its output once it exits or is killed at the timeout. */
  static Output test(String script, Map<String, String> env, Duration timeout) throws Exception {
    return run(List.of("node", "--test", "--test-reporter=spec", script), env, timeout, script);
  }

  /** What a process printed (stdout and stderr together) and how it ended; exit -1 when it was killed at its timeout. */
  record Output(int exit, String text, String tail) {}

  private static Output run(List<String> command, Map<String, String> env, Duration timeout, String label) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true);
    // the clients fall back on these when no URL or key is given; the scripts always give both
    for (String name : List.of("OPENROUTER_BASE_URL", "OPENROUTER_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_KEY")) {
      pb.environment().remove(name);
    }
    pb.environment().put("NO_COLOR", "1");
    pb.environment().putAll(env);
    Process process = pb.start();
    StringBuilder all = new StringBuilder();
    Deque<String> tail = new ArrayDeque<>();
    Thread pump = Thread.ofVirtual().start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          System.out.println("[" + label + "] " + line);
          synchronized (all) {
            all.append(line).append('\n');
            tail.addLast(line);
            if (tail.size() > 80) tail.removeFirst();
          }
        }
      } catch (IOException e) {
        // the process was killed; what was read is kept
      }
    });
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      System.out.println("[" + label + "] killed after " + timeout.toSeconds() + " s");
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    pump.join(Duration.ofSeconds(10));
    synchronized (all) {
      return new Output(exited ? process.exitValue() : -1, all.toString(), String.join("\n", new ArrayList<>(tail)));
    }
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
      if (dir.isEmpty()) continue;
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) return candidate;
    }
    return null;
  }

  private static int parseMajor(String version) {
    var m = Pattern.compile("^v?(\\d+)\\.").matcher(version);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String lockHash() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(Files.readAllBytes(DIR.resolve("package.json")));
    sha.update(Files.readAllBytes(DIR.resolve("package-lock.json")));
    return HexFormat.of().formatHex(sha.digest());
  }
}
