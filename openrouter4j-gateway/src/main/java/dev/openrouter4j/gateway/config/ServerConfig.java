package dev.openrouter4j.gateway.config;

/** {@code server}: where the gateway listens and how large a request body may be. */
public record ServerConfig(String host, int port, long maxBodyBytes) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES);
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(h, port, maxBodyBytes);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(host, p, maxBodyBytes);
  }
}
