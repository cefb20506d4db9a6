package dev.openrouter4j.api.sse;

/**
 * One dispatched server-sent event. {@code event} is null when the stream gave no {@code event:}
 * field (the HTML spec's default type is "message"); {@code id} is the last event id seen, or null.
 */
public record SseEvent(String event, String data, String id) {
  /** The sentinel OpenRouter and OpenAI send as the last {@code data}. */
  public static final String DONE = "[DONE]";

  public static SseEvent data(String data) {
    return new SseEvent(null, data, null);
  }

  public boolean isDone() {
    return DONE.equals(data);
  }
}
