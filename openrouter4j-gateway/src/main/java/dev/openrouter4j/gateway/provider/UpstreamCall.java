package dev.openrouter4j.gateway.provider;

/**
 * An accepted upstream attempt, delivering canonical events to a sink with back-pressure. All
 * callbacks run on the Vert.x context that opened the call.
 */
public interface UpstreamCall {
  /** Starts delivery. Called once. */
  void start(EventSink sink);

  /** Stops delivery until {@link #resume()}: the client is not reading fast enough. */
  void pause();

  void resume();

  /**
   * Whether the call tells its sink when each upstream read's events have all been delivered
   * ({@link EventSink#flush}); a sink that batches its writes need not schedule a flush of its own.
   */
  default boolean flushesReads() {
    return false;
  }

  /** Abandons the attempt and closes the upstream connection (the client went away). */
  void cancel();
}
