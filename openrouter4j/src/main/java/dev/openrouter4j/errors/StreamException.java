package dev.openrouter4j.errors;

import java.util.Map;

/**
 * A stream that started well reported an error part-way: a chat chunk with a top-level {@code
 * error}, or a Responses {@code error} / {@code response.failed} event. {@link #partial()} holds what
 * arrived before it (a {@code ChatResult} or a {@code Response}, accumulated so far).
 */
public final class StreamException extends OpenRouterException {
  private final String code;
  private final String errorMessage;
  private final Map<String, Object> metadata;
  private final transient Object partial;

  public StreamException(String code, String errorMessage, Map<String, Object> metadata, Object partial) {
    super("stream failed" + (code == null ? "" : " (" + code + ")") + ": " + errorMessage);
    this.code = code;
    this.errorMessage = errorMessage;
    this.metadata = metadata == null ? Map.of() : metadata;
    this.partial = partial;
  }

  /** The error code as sent: an HTTP status in chat streams ("400"), a string code in Responses. */
  public String code() {
    return code;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public Map<String, Object> metadata() {
    return metadata;
  }

  /** The output accumulated before the error, or null. */
  public Object partial() {
    return partial;
  }

  public <T> T partial(Class<T> type) {
    return type.isInstance(partial) ? type.cast(partial) : null;
  }
}
