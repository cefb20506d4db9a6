package dev.openrouter4j.bench.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Every measured request of a step, in the order they finished: its intended send time on the wall
 * clock (microseconds since the epoch) and its total latency (microseconds, -1 for a failure). A
 * histogram says how slow the slowest requests were; this says when they were sent, so they can be
 * laid beside a server's GC or safepoint log (whose {@code utctime} decoration is the same clock).
 */
public final class LatencyTrace {
  /** The wall clock at one nanoTime reading: turns intended nanoTimes into epoch microseconds. */
  private final long epochMicrosAtOrigin = System.currentTimeMillis() * 1000;
  private final long originNanos = System.nanoTime();
  private long[] pairs = new long[2 * 4096];
  private int size;

  synchronized void add(long intendedNanos, long totalMicros) {
    if (2 * size + 2 > pairs.length) pairs = Arrays.copyOf(pairs, pairs.length * 2);
    pairs[2 * size] = epochMicrosAtOrigin + (intendedNanos - originNanos) / 1000;
    pairs[2 * size + 1] = totalMicros;
    size++;
  }

  public synchronized int size() {
    return size;
  }

  /** The epoch microsecond at which request {@code i} (in finishing order) was due. */
  public synchronized long intendedEpochMicros(int i) {
    return pairs[2 * i];
  }

  public synchronized long totalMicros(int i) {
    return pairs[2 * i + 1];
  }

  /** One line per request: {@code intended_epoch_us total_us}. */
  public synchronized void writeTo(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < size; i++) {
        w.write(pairs[2 * i] + " " + pairs[2 * i + 1]);
        w.newLine();
      }
    }
  }
}
