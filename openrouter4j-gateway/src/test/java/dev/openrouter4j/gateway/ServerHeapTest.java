package dev.openrouter4j.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerHeapTest {
  /** The child JVM of {@link #jvmOptionsThatNameTheFlagWin}: prints what the policy says. */
  public static void main(String[] args) {
    System.out.println(ServerHeap.keepGrownHeap() + " | " + value() + " | " + ServerHeap.pages());
  }

  static String value() {
    return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(ServerHeap.FLAG).getValue();
  }

  @Test
  void aServerProcessKeepsTheHeapItGrew() throws Exception {
    String out = child();
    assertEquals("kept once grown (MaxHeapFreeRatio=100) | 100 | normal pages", out);
  }

  @Test
  void jvmOptionsThatNameTheFlagWin() throws Exception {
    String out = child("-XX:MaxHeapFreeRatio=70");
    assertEquals("MaxHeapFreeRatio=70 (from the JVM options) | 70 | normal pages", out);
  }

  /** The banner says whether the heap is on transparent huge pages, as the JVM was launched. */
  @Test
  void theBannerNamesTheHeapsPages() throws Exception {
    String mode = "";
    try {
      mode = java.nio.file.Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
    } catch (java.io.IOException e) {
      // not Linux, or no THP: the flag is refused or ignored there
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(mode.contains("[madvise]") || mode.contains("[always]"), "this kernel has no THP for a process to ask for");
    assertTrue(child("-XX:+UseTransparentHugePages").endsWith("| transparent huge pages"));
    assertTrue(child("-XX:+UseTransparentHugePages", "-XX:-UseTransparentHugePages").endsWith("| normal pages"), "the last flag wins");
  }

  @Test
  void onlyALaunchChoiceCountsAsTheUsers() {
    assertTrue(ServerHeap.chosenAtLaunch(VMOption.Origin.VM_CREATION));
    assertTrue(ServerHeap.chosenAtLaunch(VMOption.Origin.ENVIRON_VAR));
    assertTrue(ServerHeap.chosenAtLaunch(VMOption.Origin.CONFIG_FILE));
    assertFalse(ServerHeap.chosenAtLaunch(VMOption.Origin.DEFAULT));
    assertFalse(ServerHeap.chosenAtLaunch(VMOption.Origin.ERGONOMIC));
    assertFalse(ServerHeap.chosenAtLaunch(VMOption.Origin.MANAGEMENT)); // this policy's own earlier call
  }

  /** A fresh JVM (this one's flags are surefire's), with {@code options}; returns its one line. */
  private static String child(String... options) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(List.of(options));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerHeapTest.class.getName()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not exit");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
