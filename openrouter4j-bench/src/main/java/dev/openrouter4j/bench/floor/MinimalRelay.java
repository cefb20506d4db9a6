package dev.openrouter4j.bench.floor;

import dev.openrouter4j.gateway.ServerVertx;
import dev.openrouter4j.gateway.provider.EventLoopClients;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * The least an HTTP hop on the gateway's stack can do: the same Vert.x server setup ({@link
 * ServerVertx}, one server per event loop) and upstream connection pool ({@link EventLoopClients})
 * as the gateway, but each request goes to the upstream as it came (method, path, content type,
 * body) and the answer is piped back, a stream as it arrives. No parsing, no routing, no accounting.
 * Measured beside the gateway by {@code bench/hop-floor.sh}, it separates what a JVM hop costs on
 * this machine from what the gateway's own work adds.
 */
public final class MinimalRelay {
  private final Vertx vertx;

  private MinimalRelay(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Listens on 127.0.0.1:{@code port}, one server per event loop, relaying to 127.0.0.1:{@code upstreamPort}. */
  public static Future<MinimalRelay> start(int port, int upstreamPort) {
    Vertx vertx = ServerVertx.create();
    MinimalRelay relay = new MinimalRelay(vertx);
    int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
    // the gateway's upstream options (OpenAiProvider): keep-alive, no Nagle, no cap on open streams
    EventLoopClients clients = new EventLoopClients(vertx, new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setIdleTimeout(0));
    return vertx
        .deployVerticle(() -> new Loop(vertx, clients, port, upstreamPort), new DeploymentOptions().setInstances(loops))
        .map(id -> relay);
  }

  public Future<Void> close() {
    return vertx.close();
  }

  private static final class Loop extends VerticleBase {
    private final Vertx vertx;
    private final EventLoopClients client;
    private final int port;
    private final int upstreamPort;

    Loop(Vertx vertx, EventLoopClients client, int port, int upstreamPort) {
      this.vertx = vertx;
      this.client = client;
      this.port = port;
      this.upstreamPort = upstreamPort;
    }

    @Override
    public Future<?> start() {
      return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true))
          .requestHandler(this::relay)
          .listen();
    }

    private void relay(HttpServerRequest in) {
      RequestOptions out = new RequestOptions().setMethod(in.method() == null ? HttpMethod.POST : in.method())
          .setHost("127.0.0.1").setPort(upstreamPort).setURI(in.uri());
      String type = in.getHeader("content-type");
      if (type != null) out.putHeader("content-type", type);
      in.body()
          .compose(body -> client.request(out).compose(request -> request.send(body)))
          .onSuccess(answer -> {
            var response = in.response().setStatusCode(answer.statusCode());
            String answerType = answer.getHeader("content-type");
            if (answerType != null) response.putHeader("content-type", answerType);
            answer.pipeTo(response);
          })
          .onFailure(t -> {
            if (!in.response().headWritten()) in.response().setStatusCode(502).end(String.valueOf(t.getMessage()));
            else in.response().reset();
          });
    }
  }
}
