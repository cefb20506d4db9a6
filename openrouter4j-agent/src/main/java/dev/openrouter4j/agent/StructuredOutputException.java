package dev.openrouter4j.agent;

import dev.openrouter4j.errors.OpenRouterException;

/**
 * The model's output is not a valid {@link #type()}: not JSON, a property missing or of the wrong
 * type, a refusal, or text cut short. The message says what did not match, with JSON paths;
 * {@link #rawText()} is the text as the model sent it.
 */
public final class StructuredOutputException extends OpenRouterException {
  private final Class<?> type;
  private final String rawText;

  public StructuredOutputException(String message, Class<?> type, String rawText, Throwable cause) {
    super(message, cause);
    this.type = type;
    this.rawText = rawText;
  }

  /** The type the output was read as. */
  public Class<?> type() {
    return type;
  }

  /** The model's text, unparsed; null when there was none. */
  public String rawText() {
    return rawText;
  }
}
