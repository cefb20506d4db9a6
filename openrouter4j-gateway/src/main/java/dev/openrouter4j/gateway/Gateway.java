package dev.openrouter4j.gateway;

import dev.openrouter4j.gateway.chat.Accounting;
import dev.openrouter4j.gateway.chat.Dialect;
import dev.openrouter4j.gateway.chat.EmbeddingsHandler;
import dev.openrouter4j.gateway.chat.GenerationHandler;
import dev.openrouter4j.gateway.config.GatewayConfig;
import dev.openrouter4j.gateway.account.AccountServices;
import dev.openrouter4j.gateway.account.CreditLedger;
import dev.openrouter4j.gateway.account.ManagementKey;
import dev.openrouter4j.gateway.http.AccountsHandler;
import dev.openrouter4j.gateway.http.KeyAuthenticator;
import dev.openrouter4j.gateway.http.GatewayMetrics;
import dev.openrouter4j.gateway.http.GatewayServer;
import dev.openrouter4j.gateway.http.InFlight;
import dev.openrouter4j.gateway.http.ModelsHandler;
import dev.openrouter4j.gateway.http.ResponsesHandler;
import dev.openrouter4j.gateway.responses.ResponseState;
import dev.openrouter4j.gateway.store.ResponseStore;
import dev.openrouter4j.gateway.provider.Providers;
import dev.openrouter4j.gateway.routing.EndpointStats;
import dev.openrouter4j.gateway.routing.RoutePlanner;
import dev.openrouter4j.gateway.routing.StickyRoutes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The gateway, assembled from its configuration: providers, routing, the handlers, and one HTTP
 * server per event loop sharing the port, and the accounts database. {@link #start} is the only way
 * in; {@link #close} drains in-flight requests, then flushes every generation record and releases
 * every resource.
 */
public final class Gateway {
  /**
   * Settings that are not part of the configuration file. {@code adminKey} is the management key
   * ({@code OPENROUTER4J_ADMIN_KEY}), or null. {@code clock} decides usage periods ({@code
   * limit_reset}), record dates and activity days (tests move it). {@code keyCacheTtl} is how long an
   * authenticated key is remembered without asking the database. {@code chatRelay} turns the relay
   * fast path on (the default; off only to compare it with the canonical path).
   */
  public record Options(Duration processingInterval, int eventLoops, String adminKey, Clock clock, Duration keyCacheTtl, boolean chatRelay) {
    public Options {
      java.util.Objects.requireNonNull(clock, "clock == null");
      java.util.Objects.requireNonNull(keyCacheTtl, "keyCacheTtl == null");
    }

    public Options(Duration processingInterval, int eventLoops) {
      this(processingInterval, eventLoops, null);
    }

    public Options(Duration processingInterval, int eventLoops, String adminKey) {
      this(processingInterval, eventLoops, adminKey, Clock.systemUTC(), KeyAuthenticator.DEFAULT_TTL, true);
    }

    public static Options defaults() {
      return new Options(Duration.ofSeconds(1), Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** The defaults, with the management key from the environment ({@code OPENROUTER4J_ADMIN_KEY}). */
    public static Options fromEnvironment(Map<String, String> env) {
      String key = env.get(ManagementKey.ENV);
      return defaults().withAdminKey(key == null || key.isBlank() ? null : key);
    }

    public Options withAdminKey(String adminKey) {
      return new Options(processingInterval, eventLoops, adminKey, clock, keyCacheTtl, chatRelay);
    }

    public Options withClock(Clock clock) {
      return new Options(processingInterval, eventLoops, adminKey, clock, keyCacheTtl, chatRelay);
    }

    public Options withKeyCacheTtl(Duration keyCacheTtl) {
      return new Options(processingInterval, eventLoops, adminKey, clock, keyCacheTtl, chatRelay);
    }

    public Options withChatRelay(boolean chatRelay) {
      return new Options(processingInterval, eventLoops, adminKey, clock, keyCacheTtl, chatRelay);
    }

    @Override
    public String toString() {
      return "Options[processingInterval=" + processingInterval + ", eventLoops=" + eventLoops + ", adminKey=" + (adminKey == null ? "none" : "set")
          + ", clock=" + clock + ", keyCacheTtl=" + keyCacheTtl + ", chatRelay=" + chatRelay + "]";
    }
  }

  private final Vertx vertx;
  private final GatewayConfig config;
  private final Providers providers;
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<String> deployments = new ArrayList<>();
  private final InFlight inFlight = new InFlight();
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final EndpointStats stats = new EndpointStats();
  private final AccountServices accounts;
  private final KeyAuthenticator auth;
  private final Accounting accounting;
  private final ResponseState responses;
  private final long maintenance;

  private Gateway(Vertx vertx, GatewayConfig config, AccountServices accounts, KeyAuthenticator auth) {
    this.vertx = vertx;
    this.config = config;
    this.accounts = accounts;
    this.auth = auth;
    this.accounting = new Accounting(vertx, accounts);
    this.responses = new ResponseState(vertx, new ResponseStore(accounts.db(), Clock.systemUTC()), ResponseState.Options.defaults());
    // now and then: give back the credit of reservations an instance died holding, forget full buckets
    this.maintenance =
        vertx.setPeriodic(
            60_000,
            id -> vertx.executeBlocking(() -> {
              accounts.ledger().releaseExpired(CreditLedger.DEFAULT_RESERVATION_TTL);
              accounts.rates().removeExpired();
              return null;
            }, false).onFailure(t -> System.getLogger(Gateway.class.getName()).log(System.Logger.Level.WARNING, "accounts maintenance failed", t)));
    this.providers = new Providers(vertx, config.providers());
    auth.watchChanges(KeyAuthenticator.CHANGE_POLL);
  }

  /**
   * Opens the accounts database ({@code storage.url}), decides between keys and local open mode,
   * and starts listening. Without a management key and without any key the gateway is in local open
   * mode and refuses a non-loopback address.
   */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, Options options) {
    dev.openrouter4j.gateway.http.OpenFilesPreload.run();
    String host = config.server().host();
    ManagementKey management;
    try {
      management = options.adminKey() == null ? null : ManagementKey.of(options.adminKey());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return vertx
        .executeBlocking(() -> {
          AccountServices accounts = AccountServices.open(config.storage().url(), options.clock());
          try {
            return new Object[] {accounts, accounts.anyKey()};
          } catch (RuntimeException e) {
            accounts.close();
            throw e;
          }
        })
        .compose(opened -> {
          AccountServices accounts = (AccountServices) opened[0];
          KeyAuthenticator auth = new KeyAuthenticator(vertx, accounts.keys(), management, (Boolean) opened[1], options.keyCacheTtl());
          Gateway gateway;
          try {
            if (!auth.keysRequired() && !isLoopback(host)) {
              throw new IllegalStateException(
                  "refusing to listen on " + host + ": without API keys (set " + ManagementKey.ENV
                      + ") the gateway accepts any bearer token, so it only binds to a loopback address");
            }
            gateway = new Gateway(vertx, config, accounts, auth);
          } catch (RuntimeException e) {
            return vertx.executeBlocking(() -> {
              accounts.close();
              return null;
            }).transform(v -> Future.failedFuture(e));
          }
          Handler<HttpServerRequest> handler = gateway.inFlight.track(gateway.handler(options));
          // background runs a dead instance left unfinished are failed before anyone can ask for them
          return gateway.responses
              .sweep()
              .transform(ar -> gateway.listen(handler, config.server().port(), options.eventLoops()))
              .map(v -> gateway)
              .recover(t -> gateway.close().transform(v -> Future.failedFuture(t)));
        });
  }

  /** False in local open mode (any bearer accepted, loopback only). */
  public boolean keysRequired() {
    return auth.keysRequired();
  }

  /** The accounts components (keys, credit, generation records) on the configured database. */
  public AccountServices accounts() {
    return accounts;
  }

  private Handler<HttpServerRequest> handler(Options options) {
    StickyRoutes sticky = new StickyRoutes();
    RoutePlanner planner = new RoutePlanner(config, stats, sticky, ThreadLocalRandom.current(), System::currentTimeMillis);
    Map<String, Handler<HttpServerRequest>> routes = new HashMap<>();
    for (Dialect dialect : List.of(Dialect.chat(), Dialect.responses(responses))) {
      routes.put(
          dialect.name(),
          new GenerationHandler(
              dialect, vertx, auth, config.server().maxBodyBytes(), planner, providers::get, stats, sticky, metrics,
              options.processingInterval(), accounting, options.chatRelay()));
    }
    routes.put("embeddings", new EmbeddingsHandler(auth, config.server().maxBodyBytes(), planner, providers::get, stats, metrics, accounting));
    ModelsHandler models = new ModelsHandler(config, stats);
    routes.put("models", models::list);
    routes.put("embeddings_models", models::embeddingsModels);
    routes.put("models_count", models::count);
    routes.put("model", models::model);
    routes.put("endpoints", models::endpoints);
    routes.put("providers", models::providers);
    AccountsHandler account = new AccountsHandler(vertx, accounts, auth, config.server().maxBodyBytes());
    routes.put("keys_create", account::createKey);
    routes.put("keys_list", account::listKeys);
    routes.put("key_get", account::getKey);
    routes.put("key_update", account::updateKey);
    routes.put("key_delete", account::deleteKey);
    routes.put("key", account::currentKey);
    routes.put("credits", account::credits);
    routes.put("generation", account::generation);
    routes.put("activity", account::activity);
    ResponsesHandler stored = new ResponsesHandler(auth, responses);
    routes.put("response_get", stored::get);
    routes.put("response_delete", stored::delete);
    routes.put("response_input_items", stored::inputItems);
    routes.put("response_cancel", stored::cancel);
    routes.put("metrics", req -> req.response().putHeader("content-type", "text/plain; version=0.0.4").end(metrics.scrape()));
    return new GatewayServer(routes);
  }

  /**
   * One server per event loop (a verticle instance each, so each has its own loop), all sharing
   * the port. For port 0 a free port is found first: Vert.x shares servers by host and port, so its
   * own "random port" would be shared with any other gateway in the same Vert.x instance.
   */
  private Future<Void> listen(Handler<HttpServerRequest> handler, int port, int count) {
    int actual;
    try {
      actual = port != 0 ? port : freePort(config.server().host());
    } catch (java.io.IOException e) {
      return Future.failedFuture(e);
    }
    HttpServerOptions opts =
        new HttpServerOptions().setHost(config.server().host()).setPort(actual).setTcpNoDelay(true).setIdleTimeout(0)
            .setMaxInitialLineLength(16 * 1024).setMaxHeaderSize(64 * 1024);
    return deploy(opts, handler, count);
  }

  private static int freePort(String host) throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName(host))) {
      return s.getLocalPort();
    }
  }

  private Future<Void> deploy(HttpServerOptions opts, Handler<HttpServerRequest> handler, int instances) {
    return vertx
        .deployVerticle(
            () -> new VerticleBase() {
              @Override
              public Future<?> start() {
                return vertx.createHttpServer(opts).requestHandler(handler).listen().onSuccess(s -> {
                  synchronized (servers) {
                    servers.add(s);
                  }
                });
              }
            },
            new DeploymentOptions().setInstances(instances))
        .onSuccess(deployments::add)
        .mapEmpty();
  }

  /** Requests whose response has not ended. */
  public int inFlight() {
    return inFlight.count();
  }

  public int port() {
    return servers.get(0).actualPort();
  }

  public GatewayConfig config() {
    return config;
  }

  /** Closes at once: in-flight requests are cut. */
  public Future<Void> close() {
    return close(Duration.ZERO);
  }

  /**
   * Graceful shutdown: stop accepting connections, let in-flight requests (streams included) finish
   * for up to {@code grace}, then close what is left and release the providers.
   */
  public Future<Void> close(Duration grace) {
    vertx.cancelTimer(maintenance);
    auth.close();
    long deadline = System.nanoTime() + grace.toNanos();
    List<Future<Void>> draining = new ArrayList<>();
    synchronized (servers) {
      for (HttpServer s : servers) draining.add(s.shutdown(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
    }
    return Future.join(draining)
        .transform(v -> inFlight.drained(vertx, grace))
        // background runs finish within what is left of the grace; the rest are marked failed and cancelled
        .transform(v -> vertx.executeBlocking(() -> {
          responses.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
          return null;
        }, false))
        .transform(v -> {
          List<Future<Void>> undeploying = new ArrayList<>();
          for (String id : deployments) undeploying.add(vertx.undeploy(id));
          return Future.join(undeploying);
        })
        .transform(v -> providers.close())
        .transform(v -> vertx.executeBlocking(() -> {
          // the settling and record writes of answered requests finish, then every record accepted is
          // committed before the pool goes
          responses.awaitIdle(Duration.ofSeconds(30));
          accounting.awaitIdle(Duration.ofSeconds(30));
          accounts.close();
          return null;
        }))
        .mapEmpty();
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
