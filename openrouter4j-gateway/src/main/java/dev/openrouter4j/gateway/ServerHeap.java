package dev.openrouter4j.gateway;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * The heap policy of a gateway process: once the collector has grown the heap, it keeps it. G1
 * otherwise shrinks the heap at the end of each concurrent cycle, and at 1,000 requests/s on H2
 * the gateway then settled at ~110 MB with a young collection every ~1.5 s and a cycle every ~5 s:
 * about 1 % of the time stopped, which is where its p99 went (docs/BENCHMARKS.md, "Where the JSON
 * p99 goes"). {@code MaxHeapFreeRatio} is a manageable flag, so the process sets it at start
 * instead of every launcher having to; JVM options that name it win. Only server processes call
 * this (the CLI's {@code serve}, {@link GatewayMain}); a gateway embedded in another application
 * leaves that application's heap alone.
 */
public final class ServerHeap {
  static final String FLAG = "MaxHeapFreeRatio";

  private ServerHeap() {}

  /** Applies the policy; returns what is in force, for the start banner. */
  public static String keepGrownHeap() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      VMOption option = vm.getVMOption(FLAG);
      if (chosenAtLaunch(option.getOrigin())) return FLAG + "=" + option.getValue() + " (from the JVM options)";
      vm.setVMOption(FLAG, "100");
      return "kept once grown (" + FLAG + "=100)";
    } catch (RuntimeException e) {
      // not HotSpot, or the flag is not writable here: the JVM's own policy stays
      return "the JVM's default policy";
    }
  }

  /**
   * Whether the heap is on transparent huge pages ({@code -XX:+UseTransparentHugePages}, which
   * {@code bin/jvm-defaults} gives {@code serve} where the kernel leaves them to the process), for
   * the start banner. A flag is all it can be: the JVM reads it once, at launch.
   */
  public static String pages() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return "true".equals(vm.getVMOption("UseTransparentHugePages").getValue()) ? "transparent huge pages" : "normal pages";
    } catch (RuntimeException e) {
      return "normal pages"; // not HotSpot on Linux: the flag does not exist
    }
  }

  /** Whoever launched the JVM set the flag (command line, JDK_JAVA_OPTIONS, a flags file). */
  static boolean chosenAtLaunch(VMOption.Origin origin) {
    return switch (origin) {
      case VM_CREATION, ENVIRON_VAR, CONFIG_FILE -> true;
      default -> false;
    };
  }
}
