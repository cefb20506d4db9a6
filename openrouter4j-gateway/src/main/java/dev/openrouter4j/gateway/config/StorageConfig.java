package dev.openrouter4j.gateway.config;

/** {@code storage}: the JDBC URL of the keys/credits/usage database (H2 file by default). */
public record StorageConfig(String url) {
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/openrouter4j";

  public static StorageConfig defaults() {
    return new StorageConfig(DEFAULT_URL);
  }
}
