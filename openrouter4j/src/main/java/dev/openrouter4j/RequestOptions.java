package dev.openrouter4j;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Per-call overrides of the client's settings. Anything left unset falls back to the client's. */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final Duration timeout;
  private final RetryConfig retryConfig;
  private final Map<String, String> headers;
  private final String serverUrl;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.retryConfig = b.retryConfig;
    this.headers = Map.copyOf(b.headers);
    this.serverUrl = b.serverUrl;
  }

  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Total time for a non-streaming call; time to the response headers for a stream. Null: the client's. */
  public Duration timeout() { return timeout; }
  public RetryConfig retryConfig() { return retryConfig; }
  public Map<String, String> headers() { return headers; }
  public String serverUrl() { return serverUrl; }

  public static final class Builder {
    private Duration timeout;
    private RetryConfig retryConfig;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String serverUrl;

    private Builder() {}

    public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }
    public Builder retryConfig(RetryConfig retryConfig) { this.retryConfig = retryConfig; return this; }
    /** No retries for this call. */
    public Builder noRetries() { this.retryConfig = RetryConfig.none(); return this; }
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }
    public Builder serverUrl(String serverUrl) { this.serverUrl = serverUrl; return this; }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
