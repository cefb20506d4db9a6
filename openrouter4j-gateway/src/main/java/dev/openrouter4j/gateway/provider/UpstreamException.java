package dev.openrouter4j.gateway.provider;

/**
 * An attempt failed before the upstream accepted it. {@code status} is the status to report
 * (the upstream's, or 408 for a timeout, 502 for a connection failure or an invalid answer);
 * {@code retryable} says whether routing may try another endpoint (connection errors, timeouts,
 * 429 and 5xx). {@code retryAfterSeconds} is the upstream's Retry-After, or -1.
 */
public final class UpstreamException extends RuntimeException {
  private final int status;
  private final String errorType;
  private final boolean retryable;
  private final long retryAfterSeconds;
  private final String providerCode;

  public UpstreamException(int status, String message, String errorType, boolean retryable, long retryAfterSeconds, String providerCode) {
    super(message, null, false, false);
    this.status = status;
    this.errorType = errorType;
    this.retryable = retryable;
    this.retryAfterSeconds = retryAfterSeconds;
    this.providerCode = providerCode;
  }

  /** The upstream answered {@code status} with {@code message}: retryable for 408, 429 and 5xx. */
  public static UpstreamException fromStatus(int status, String message, long retryAfterSeconds) {
    return new UpstreamException(status, message, errorType(status), isRetryable(status), retryAfterSeconds, String.valueOf(status));
  }

  public static UpstreamException timeout(String message) {
    return new UpstreamException(408, message, "timeout", true, -1, null);
  }

  public static UpstreamException unreachable(String message) {
    return new UpstreamException(502, message, "provider_unavailable", true, -1, null);
  }

  public static boolean isRetryable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** OpenRouter's error type for an HTTP-style status. */
  public static String errorType(int status) {
    return switch (status) {
      case 400 -> "invalid_request";
      case 401 -> "authentication";
      case 402 -> "payment_required";
      case 403 -> "permission_denied";
      case 404 -> "not_found";
      case 408 -> "timeout";
      case 413 -> "payload_too_large";
      case 422 -> "unprocessable";
      case 429 -> "rate_limit_exceeded";
      case 503, 529 -> "provider_overloaded";
      case 502 -> "provider_unavailable";
      default -> status >= 500 ? "server" : "unmapped";
    };
  }

  public int status() { return status; }
  public String errorType() { return errorType; }
  public boolean retryable() { return retryable; }
  public long retryAfterSeconds() { return retryAfterSeconds; }
  public String providerCode() { return providerCode; }
}
