package dev.openrouter4j.cli;

import dev.openrouter4j.gateway.provider.simulated.SimulationProfile;
import dev.openrouter4j.gateway.provider.simulated.SimulatorServer;
import dev.openrouter4j.gateway.ServerVertx;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code openrouter4j simulate}: the simulated model as an OpenAI-compatible server, for benchmarks
 * and fault tests. Runs until killed. Each request may override the profile with {@code
 * x-simulate-*} headers (see {@code SimulatedProvider}).
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Serve a deterministic simulated model on /v1/chat/completions until killed.")
final class SimulateCommand implements Callable<Integer> {
  static final int EXIT_USAGE = 2;

  @Option(names = "--port", defaultValue = "8089", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--ttft-ms", description = "Milliseconds before the answer starts (default: 0).")
  Long ttftMs;

  @Option(names = "--tokens", description = "Words per answer (default: 16).")
  Integer tokens;

  @Option(names = "--tps", description = "Tokens per second; 0 sends as fast as the client reads (default: 0).")
  Double tps;

  @Option(names = "--fault", description = "none, status:NNN, timeout, cut_after:N or error_after:N (default: none).")
  String fault;

  @Option(names = "--fault-rate", description = "Share of requests the fault strikes, 0 to 1 (default: 1).")
  Double faultRate;

  @Option(names = "--seed", description = "Seed for which requests the fault strikes (default: 42).")
  Long seed;

  PrintStream out = System.out;
  PrintStream err = System.err;

  @Override
  public Integer call() throws Exception {
    SimulationProfile profile;
    try {
      profile = SimulationProfile.fromOptions(options());
    } catch (IllegalArgumentException e) {
      err.println("openrouter4j simulate: " + e.getMessage());
      return EXIT_USAGE;
    }
    Vertx vertx = ServerVertx.create();
    HttpServer server;
    try {
      server = SimulatorServer.start(vertx, host, port, profile).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      err.println("openrouter4j simulate: could not listen on " + host + ":" + port + ": " + e.getMessage());
      vertx.close();
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().toCompletionStage().toCompletableFuture().join()));
    out.println("simulator listening on http://" + host + ":" + server.actualPort() + "/v1  " + profile.toOptions());
    out.flush();
    new CountDownLatch(1).await(); // until the process is killed
    return 0;
  }

  private Map<String, Object> options() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (ttftMs != null) m.put("ttft_ms", ttftMs);
    if (tokens != null) m.put("output_tokens", tokens);
    if (tps != null) m.put("tokens_per_second", tps);
    if (fault != null) m.put("fault", fault);
    if (faultRate != null) m.put("fault_rate", faultRate);
    if (seed != null) m.put("seed", seed);
    return m;
  }
}
