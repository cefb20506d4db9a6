package dev.openrouter4j.bench.load;

/**
 * When each request of an open-loop run is due: request {@code i} is intended for {@code start +
 * i / rate}, whatever happened to the requests before it. Latency is measured from this intended
 * time, not from when the request actually went out, so a stalled sender or server cannot hide its
 * stall (no coordinated omission): the requests that should have gone out meanwhile are late, and
 * their lateness is counted.
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond, long durationNanos) {
  public OpenLoopSchedule {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a positive number: " + ratePerSecond);
    }
    if (durationNanos <= 0) throw new IllegalArgumentException("duration must be positive: " + durationNanos);
  }

  /** How many requests fall within {@code [start, start + duration)}. */
  public long count() {
    return (long) Math.ceil(durationNanos * ratePerSecond / 1e9);
  }

  /** The intended send time of request {@code i} (0-based). */
  public long intendedNanos(long i) {
    return startNanos + (long) (i * 1e9 / ratePerSecond);
  }

  /** The end of the schedule: no request is intended at or after it. */
  public long endNanos() {
    return startNanos + durationNanos;
  }

  /** Waits for a point in time; a seam so the pacing loop can be tested without real sleeping. */
  public interface Clock {
    long nanoTime();

    /** Returns at or after {@code deadlineNanos} (a real clock may overshoot; the schedule does not drift because of it). */
    void parkUntil(long deadlineNanos);

    Clock SYSTEM =
        new Clock() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void parkUntil(long deadlineNanos) {
            long wait;
            while ((wait = deadlineNanos - System.nanoTime()) > 0) {
              java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
          }
        };
  }

  /** Receives each request at (or after) its intended time. */
  public interface Sender {
    void send(long index, long intendedNanos);
  }

  /**
   * Paces {@code sender} along the schedule on the calling thread: waits for each intended time,
   * then hands the request over (the sender must not block: it starts the request elsewhere). A
   * late pacer sends the overdue requests at once, keeping their original intended times. Returns
   * the number of requests sent, always {@link #count()}: the loop is bounded by the schedule.
   */
  public long run(Clock clock, Sender sender) {
    long n = count();
    for (long i = 0; i < n; i++) {
      long intended = intendedNanos(i);
      if (clock.nanoTime() < intended) clock.parkUntil(intended);
      sender.send(i, intended);
    }
    return n;
  }
}
