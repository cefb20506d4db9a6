package dev.openrouter4j.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds many streams open at once, for measuring a server's memory under concurrent streams: opens
 * {@code n} streaming requests at a steady pace, each on its own connection and virtual thread, and
 * keeps reading them (the upstream is asked to answer slowly, so they stay open) until {@link
 * #close()}. Counts how many were answered with 200, how many had delivered content, how many
 * failed and how many ended by themselves.
 */
public final class StreamHolder implements AutoCloseable {
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger withContent = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();
  private final AtomicInteger settled = new AtomicInteger();
  private volatile boolean closing;

  public record Counts(int requested, int answered, int withContent, int failed, int ended) {
    /** Streams that were answered, had content, and were still open. */
    public int open() {
      return withContent - ended;
    }
  }

  private final int requested;

  private StreamHolder(int requested) {
    this.requested = requested;
  }

  /**
   * Opens the streams at {@code openPerSecond} and returns once each has delivered content, failed,
   * or {@code settleMillis} have passed since the last one was sent.
   */
  public static StreamHolder open(Target target, int n, double openPerSecond, String extraBody, long settleMillis) {
    StreamHolder h = new StreamHolder(n);
    byte[] request = target.request(true, extraBody);
    ThreadFactory threads = Thread.ofVirtual().name("hold-", 0).factory();
    OpenLoopSchedule schedule = new OpenLoopSchedule(System.nanoTime(), openPerSecond, (long) Math.ceil(n / openPerSecond * 1e9));
    schedule.run(OpenLoopSchedule.Clock.SYSTEM, (i, t) -> {
      if (i < n) threads.newThread(() -> h.hold(target, request)).start();
    });
    long deadline = System.nanoTime() + settleMillis * 1_000_000;
    while (h.settled.get() < n && System.nanoTime() < deadline) LockSupport.parkNanos(10_000_000);
    return h;
  }

  public Counts counts() {
    return new Counts(requested, answered.get(), withContent.get(), failed.get(), ended.get());
  }

  private void hold(Target target, byte[] request) {
    Socket s = new Socket();
    boolean[] content = new boolean[1];
    boolean answeredOk = false;
    try {
      sockets.add(s);
      if (closing) return;
      s.connect(new InetSocketAddress(target.host(), target.port()), 30_000);
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      ResponseReader reader = new ResponseReader(s.getInputStream(), 4096, System::nanoTime);
      reader.readHead();
      if (reader.status() == 200) {
        answeredOk = true;
        answered.incrementAndGet();
        SseScanner scanner = new SseScanner();
        reader.readBody((b, o, l, t) -> {
          scanner.bytes(b, o, l, t);
          if (!content[0] && scanner.firstContentNanos() >= 0) {
            content[0] = true;
            withContent.incrementAndGet();
            settled.incrementAndGet();
          }
        });
      }
    } catch (IOException | RuntimeException e) {
      // closed by close(), or failed: told apart below
    } finally {
      sockets.remove(s);
      try {
        s.close();
      } catch (IOException ignored) {
        // done with it
      }
      if (content[0]) {
        if (!closing) ended.incrementAndGet();
      } else if (!closing || !answeredOk) {
        failed.incrementAndGet();
        settled.incrementAndGet();
      }
    }
  }

  @Override
  public void close() {
    closing = true;
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing all
      }
    }
  }
}
