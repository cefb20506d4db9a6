package dev.openrouter4j.api.sse;

/** The byte stream is not a usable event stream (a line or event over its size limit). */
public final class SseException extends RuntimeException {
  public SseException(String message) {
    super(message);
  }
}
