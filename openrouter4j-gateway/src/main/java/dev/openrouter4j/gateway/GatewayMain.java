package dev.openrouter4j.gateway;

import dev.openrouter4j.gateway.config.ConfigLoader;
import dev.openrouter4j.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as a plain process, without the CLI: {@code GatewayMain <config.yaml> [port]}. It
 * prints {@code listening on port N} once it accepts requests, and on SIGTERM (or any normal JVM
 * exit) closes gracefully: stops accepting, drains in-flight requests for up to 25 s, then flushes
 * every generation record. The management key comes from {@code OPENROUTER4J_ADMIN_KEY}.
 */
public final class GatewayMain {
  private GatewayMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: GatewayMain <config.yaml> [port]");
      System.exit(2);
    }
    GatewayConfig config = ConfigLoader.load(Path.of(args[0]), System.getenv());
    if (args.length > 1) config = ConfigLoader.withOverrides(config, null, Integer.parseInt(args[1]));
    ServerHeap.keepGrownHeap();
    Vertx vertx = ServerVertx.create();
    Gateway gateway;
    try {
      gateway = Gateway.start(vertx, config, Gateway.Options.fromEnvironment(System.getenv())).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      System.err.println("openrouter4j: the gateway did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        gateway.close(Duration.ofSeconds(25)).compose(v -> vertx.close()).await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("openrouter4j: shutdown: " + e);
      }
      stopped.countDown();
    }, "openrouter4j-shutdown"));
    System.out.println("listening on port " + gateway.port() + (gateway.keysRequired() ? " (API keys required)" : " (LOCAL OPEN MODE)"));
    System.out.flush();
    stopped.await();
  }
}
