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

  /** Abandons the attempt and closes the upstream connection (the client went away). */
  void cancel();
}
