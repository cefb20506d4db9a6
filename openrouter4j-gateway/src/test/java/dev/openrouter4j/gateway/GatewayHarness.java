package dev.openrouter4j.gateway;

import dev.openrouter4j.OpenRouter;
import dev.openrouter4j.RetryConfig;
import dev.openrouter4j.gateway.config.ConfigLoader;
import dev.openrouter4j.gateway.config.GatewayConfig;
import dev.openrouter4j.gateway.config.StorageConfig;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A gateway on loopback port 0 from a YAML configuration, with an SDK client and a raw HTTP client pointed at it. */
final class GatewayHarness implements AutoCloseable {
  final Vertx vertx;
  final Gateway gateway;
  final OpenRouter client;
  final HttpClient http = HttpClient.newHttpClient();
  /** Under every SDK client of this harness: each chat answer they read is checked against OpenRouter's schemas on {@link #close}. */
  final SchemaCheckingHttpClient sdkHttp =
      new SchemaCheckingHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
  // the pool's and Flyway's start-up lines, once per gateway, drown the output; warnings still show
  static final java.util.List<java.util.logging.Logger> QUIET =
      java.util.List.of(java.util.logging.Logger.getLogger("com.zaxxer.hikari"), java.util.logging.Logger.getLogger("org.flywaydb"));

  static {
    for (var logger : QUIET) logger.setLevel(java.util.logging.Level.WARNING);
  }

  GatewayHarness(Vertx vertx, String yaml) throws Exception {
    this(vertx, yaml, new Gateway.Options(Duration.ofMillis(50), 2));
  }

  GatewayHarness(Vertx vertx, String yaml, Gateway.Options options) throws Exception {
    this(vertx, yaml, options, null);
  }

  /** With {@code storageUrl} (null: an H2 memory database unless the YAML names one). */
  GatewayHarness(Vertx vertx, String yaml, Gateway.Options options, String storageUrl) throws Exception {
    this.vertx = vertx;
    GatewayConfig parsed = ConfigLoader.withOverrides(ConfigLoader.parse(yaml, "test.yaml", Map.of()), "127.0.0.1", 0);
    if (storageUrl != null) parsed = new GatewayConfig(parsed.server(), new StorageConfig(storageUrl), parsed.providers(), parsed.models());
    GatewayConfig config = inMemoryStorage(parsed);
    this.gateway = Gateway.start(vertx, config, options).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    this.client = client("sk-test");
  }

  /** An SDK client on this gateway with {@code key}. */
  OpenRouter client(String key) {
    return OpenRouter.builder().apiKey(key).serverUrl(url("/api/v1")).retryConfig(RetryConfig.none()).httpClient(sdkHttp).build();
  }

  HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
    if (key != null) b.header("Authorization", "Bearer " + key);
    b.header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A configuration without {@code storage} gets an H2 memory database of its own, not the default file. */
  static GatewayConfig inMemoryStorage(GatewayConfig c) {
    if (!c.storage().url().equals(StorageConfig.DEFAULT_URL)) return c;
    String url = "jdbc:h2:mem:gw-" + java.util.UUID.randomUUID();
    return new GatewayConfig(c.server(), new StorageConfig(url), c.providers(), c.models());
  }

  String url(String path) {
    return "http://127.0.0.1:" + gateway.port() + path;
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer sk-test")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postBytes(String path, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer sk-test")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer sk-test").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The /metrics text once it holds every one of {@code lines} (or after 10 s, whatever it holds):
   * a request is counted once its answer's last bytes are written, so the client may ask first.
   */
  String metricsHolding(String... lines) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      String metrics = get("/metrics").body();
      boolean all = true;
      for (String line : lines) all &= metrics.contains(line);
      if (all || System.nanoTime() > deadline) return metrics;
      Thread.sleep(20);
    }
  }

  @Override
  public void close() throws Exception {
    client.close();
    gateway.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    sdkHttp.shutdownNow();
    sdkHttp.check();
  }
}
