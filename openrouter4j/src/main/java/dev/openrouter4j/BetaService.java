package dev.openrouter4j;

/** The reference's {@code beta} namespace, kept for code written against it. */
public final class BetaService {
  private final ResponsesService responses;

  BetaService(ResponsesService responses) {
    this.responses = responses;
  }

  /** The same service as {@link OpenRouter#responses()}. */
  public ResponsesService responses() {
    return responses;
  }
}
