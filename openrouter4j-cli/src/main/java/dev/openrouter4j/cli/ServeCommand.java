package dev.openrouter4j.cli;

import dev.openrouter4j.gateway.Gateway;
import dev.openrouter4j.gateway.config.ConfigLoader;
import dev.openrouter4j.gateway.config.GatewayConfig;
import dev.openrouter4j.gateway.config.ModelConfig;
import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.ServerHeap;
import dev.openrouter4j.gateway.ServerVertx;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openrouter4j serve}: the gateway, from a configuration file or from the environment alone. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the OpenRouter-compatible gateway.")
final class ServeCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, description = "YAML configuration file (default: providers from the environment).")
  Path config;

  @Option(names = {"-p", "--port"}, description = "Port to listen on (default 8080, or the file's).")
  Integer port;

  @Option(names = "--host", description = "Address to listen on (default 127.0.0.1, or the file's).")
  String host;

  PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    GatewayConfig base = config != null ? ConfigLoader.load(config, System.getenv()) : ConfigLoader.zeroConfig(System.getenv());
    GatewayConfig effective = ConfigLoader.withOverrides(base, host, port);
    String heap = ServerHeap.keepGrownHeap() + ", " + ServerHeap.pages();
    Vertx vertx = ServerVertx.create();
    Gateway gateway;
    try {
      gateway = Gateway.start(vertx, effective, Gateway.Options.fromEnvironment(System.getenv())).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      System.err.println("openrouter4j: the gateway did not start: " + e.getMessage());
      return 1;
    }
    banner(gateway, vertx, heap);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        gateway.close(java.time.Duration.ofSeconds(25)).compose(v -> vertx.close()).await(30, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // exiting anyway
      }
      stopped.countDown();
    }, "openrouter4j-shutdown"));
    stopped.await();
    return 0;
  }

  private void banner(Gateway gateway, Vertx vertx, String heap) {
    GatewayConfig c = gateway.config();
    String url = "http://" + c.server().host() + ":" + gateway.port();
    out.println("openrouter4j gateway listening on " + url + "/api/v1");
    if (gateway.keysRequired()) {
      out.println("  API keys required: every request needs a key (management key: " + (System.getenv("OPENROUTER4J_ADMIN_KEY") == null ? "not set" : "set") + ")");
    } else {
      out.println("  *** LOCAL OPEN MODE: any bearer token is accepted, and only on a loopback address.");
      out.println("  *** Set OPENROUTER4J_ADMIN_KEY to manage API keys and require them.");
    }
    out.println("  storage " + c.storage().url().replaceAll("[?;].*$", ""));
    out.println("  transport " + ServerVertx.describe(vertx));
    out.println("  heap " + heap);
    for (ProviderConfig p : c.providers()) {
      out.println("  provider " + p.id() + " (" + p.kind() + (p.baseUrl() == null ? "" : ", " + p.baseUrl()) + ")");
    }
    String example = null;
    for (ModelConfig m : c.models()) {
      out.println("  model " + m.id());
      if (example == null && !m.isPattern()) example = m.id();
    }
    if (example == null) example = "openrouter4j/simulated";
    out.println();
    out.println("Try it:");
    out.println("  curl -s " + url + "/api/v1/chat/completions -H 'Authorization: Bearer local' \\");
    out.println("    -H 'Content-Type: application/json' \\");
    out.println("    -d '{\"model\":\"" + example + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}'");
    out.flush();
  }
}
