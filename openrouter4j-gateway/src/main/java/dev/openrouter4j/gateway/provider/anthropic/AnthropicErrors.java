package dev.openrouter4j.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.UpstreamException;

/**
 * Anthropic's error bodies ({@code {"type":"error","error":{"type","message"}}}) in the gateway's
 * terms. HTTP error statuses are classified by {@code UpstreamHttp}; this covers errors that arrive
 * with a 200: in a stream ({@code event: error}) or, defensively, as a non-streaming body.
 */
final class AnthropicErrors {
  private AnthropicErrors() {}

  /** The status OpenRouter reports for an Anthropic error type: only capacity errors keep their own. */
  static int status(String anthropicType) {
    return switch (anthropicType == null ? "" : anthropicType) {
      case "overloaded_error" -> 529;
      case "rate_limit_error" -> 429;
      default -> 502;
    };
  }

  static String errorType(int status) {
    return switch (status) {
      case 529 -> "provider_overloaded";
      case 429 -> "rate_limit_exceeded";
      default -> "provider_unavailable";
    };
  }

  /** An in-stream error event's data as the canonical failure. */
  static LlmEvent.Failure failure(JsonNode body) {
    JsonNode error = body.path("error");
    String type = error.path("type").asText(null);
    int status = status(type);
    String message = error.path("message").asText("Anthropic reported an error mid-stream");
    return new LlmEvent.Failure(status, message, errorType(status), type);
  }

  /** The same error arriving before anything was delivered: routing may still try elsewhere. */
  static UpstreamException exception(JsonNode body) {
    LlmEvent.Failure f = failure(body);
    return new UpstreamException(f.status(), f.message(), f.errorType(), true, -1, f.providerCode());
  }

  /**
   * A request this adapter cannot express in the Messages API (audio, a file id, a server tool).
   * 400, but retryable: the request is fine, this endpoint just cannot take it, and another
   * endpoint of the model (another provider kind) may.
   */
  static UpstreamException unsupported(String what) {
    return new UpstreamException(400, "the anthropic provider does not support " + what, "invalid_request", true, -1, "unsupported_content");
  }
}
