package dev.openrouter4j.errors;

/** The root of everything the SDK throws. Unchecked, as callers rarely recover locally. */
public class OpenRouterException extends RuntimeException {
  public OpenRouterException(String message) {
    super(message);
  }

  public OpenRouterException(String message, Throwable cause) {
    super(message, cause);
  }
}
