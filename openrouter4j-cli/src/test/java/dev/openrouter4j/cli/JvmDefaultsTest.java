package dev.openrouter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/jvm-defaults}, the options {@code bin/openrouter4j} and {@code bench/harness} put before
 * the user's: transparent huge pages for the servers and the harness exactly when the kernel's mode
 * is "madvise", and options this JVM starts with.
 */
class JvmDefaultsTest {
  static final Path SCRIPT = Path.of("..", "bin", "jvm-defaults").toAbsolutePath().normalize();
  static final String THP = "-XX:+UseTransparentHugePages";
  @TempDir Path dir;

  @Test
  void serversGetHugePagesOnlyWhenTheKernelLeavesThemToTheProcess() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the script adds the flag on Linux only");
    for (String server : new String[] {"serve", "simulate", "harness"}) assertEquals(THP, defaults(server, "always [madvise] never\n"), server);
    assertEquals("", defaults("serve", "[always] madvise never\n"), "the kernel backs every heap already");
    assertEquals("", defaults("serve", "always madvise [never]\n"));
    assertEquals("", defaults("serve", dir.resolve("missing")), "no such file: not a kernel with THP");
    assertEquals("", defaults("chat", "always [madvise] never\n"), "short-lived commands keep the JVM's defaults");
    assertEquals("", defaults("responses", "always [madvise] never\n"));
    assertEquals("", defaults("", "always [madvise] never\n"));
  }

  /** What the machine's own kernel gets is an option this JVM accepts without a word. */
  @Test
  void theOptionsForThisMachineStartAJvmQuietly() throws Exception {
    String options = defaults("serve", Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
    assumeTrue(!options.isEmpty(), "this kernel's THP mode adds nothing");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(options.split(" ")));
    command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertFalse(out.contains("VM warning"), out); // what HotSpot prints for a flag it cannot honour
    assertTrue(out.lines().anyMatch(l -> l.matches("\\s*bool UseTransparentHugePages\\s+= true.*")), out);
  }

  private String defaults(String subcommand, String mode) throws Exception { // mode: the file's text
    Path file = dir.resolve("enabled-" + System.nanoTime());
    Files.writeString(file, mode);
    return defaults(subcommand, file);
  }

  private static String defaults(String subcommand, Path modeFile) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), subcommand).redirectErrorStream(true);
    pb.environment().put("OPENROUTER4J_THP_MODE_FILE", modeFile.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("bin/jvm-defaults did not end");
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
