package dev.openrouter4j.gateway.provider.anthropic;

import static java.util.concurrent.TimeUnit.SECONDS;

import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * An {@link AnthropicProvider} pointed at an {@link AnthropicStandIn}, in one Vert.x instance.
 * Calls are opened on a Vert.x context, as the gateway opens them from its request handlers: opened
 * from a foreign thread, a response could complete before the listener that pauses it is attached,
 * and its body would be lost.
 */
final class AnthropicLoopback {
  static final String API_KEY = "sk-ant-test";

  final Vertx vertx = Vertx.vertx();
  final AnthropicStandIn anthropic;
  final AnthropicProvider provider;
  private final Context context = vertx.getOrCreateContext();

  AnthropicLoopback() throws Exception {
    anthropic = new AnthropicStandIn(vertx);
    provider = new AnthropicProvider(vertx, config(anthropic.baseUrl()));
  }

  static ProviderConfig config(String baseUrl) {
    return new ProviderConfig("anthropic", "anthropic", baseUrl, API_KEY, 5000, null, false, null);
  }

  Future<UpstreamCall> open(UpstreamRequest request) {
    Promise<UpstreamCall> opened = Promise.promise();
    context.runOnContext(v -> provider.open(request).onComplete(opened));
    return opened.future();
  }

  /** Opens and drains a call: its events, or its failure as an ExecutionException. */
  List<LlmEvent> drain(UpstreamRequest request) throws Exception {
    return AnthropicCollectingSink.drain(open(request));
  }

  void close() throws Exception {
    provider.close().toCompletionStage().toCompletableFuture().get(5, SECONDS);
    anthropic.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(5, SECONDS);
  }
}
