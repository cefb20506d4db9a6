package dev.openrouter4j.bench.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory and CPU time, read from Linux's {@code /proc/<pid>/status} ({@code
 * VmRSS}) and {@code /proc/<pid>/stat} ({@code utime + stime}, in clock ticks).
 */
public final class ProcStats {
  private final Path proc;
  private final long ticksPerSecond;

  public ProcStats(Path proc, long ticksPerSecond) {
    this.proc = proc;
    this.ticksPerSecond = ticksPerSecond;
  }

  public static ProcStats system() {
    return new ProcStats(Path.of("/proc"), clockTicks());
  }

  public boolean alive(long pid) {
    return Files.exists(proc.resolve(Long.toString(pid)).resolve("stat"));
  }

  /** Resident set size in bytes. */
  public long rssBytes(long pid) {
    for (String line : lines(pid, "status").split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring(6).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for pid " + pid);
  }

  /** User plus system CPU time consumed so far, in milliseconds. */
  public long cpuMillis(long pid) {
    String stat = lines(pid, "stat");
    // the command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    long utime = Long.parseLong(f[11]); // field 14
    long stime = Long.parseLong(f[12]); // field 15
    return (utime + stime) * 1000 / ticksPerSecond;
  }

  private String lines(long pid, String file) {
    try {
      return Files.readString(proc.resolve(Long.toString(pid)).resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid + "/" + file, e);
    }
  }

  /** {@code getconf CLK_TCK}, 100 on every mainstream Linux if it cannot be asked. */
  static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor() == 0) return Long.parseLong(out);
    } catch (IOException | NumberFormatException e) {
      // fall through
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }
}
