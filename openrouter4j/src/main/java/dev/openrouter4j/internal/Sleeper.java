package dev.openrouter4j.internal;

import java.io.InterruptedIOException;
import java.time.Duration;

/** Waits between retries. Tests inject one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL =
      d -> {
        try {
          Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting to retry");
        }
      };

  void sleep(Duration duration) throws InterruptedIOException;
}
