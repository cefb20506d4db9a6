package dev.openrouter4j.gateway.provider.simulated;

import static java.util.concurrent.TimeUnit.SECONDS;

import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Shorthands for the simulated provider tests. */
final class Sim {
  private Sim() {}

  static SimulatedProvider provider(Vertx vertx, Map<String, Object> options) {
    return provider(vertx, options, ProviderConfig.DEFAULT_TIMEOUT_MS);
  }

  static SimulatedProvider provider(Vertx vertx, Map<String, Object> options, long timeoutMs) {
    return new SimulatedProvider(vertx, new ProviderConfig("sim", "simulated", null, null, timeoutMs, null, false, options));
  }

  static ChatRequest.Builder ask(String prompt) {
    return ChatRequest.builder().model("sim/model").addMessage(ChatMessage.user(prompt));
  }

  static UpstreamRequest upstream(ChatRequest request) {
    return upstream(request, Map.of());
  }

  static UpstreamRequest upstream(ChatRequest request, Map<String, String> headers) {
    return new UpstreamRequest(request, request.model(), null, true, headers);
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, SECONDS);
  }

  /** The failure of a future expected to fail. */
  static Throwable failure(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the future to fail");
  }

  /** Opens and starts a call, returning the sink once the call has ended. */
  static RecordingSink run(SimulatedProvider provider, UpstreamRequest request) throws Exception {
    RecordingSink sink = new RecordingSink();
    UpstreamCall call = await(provider.open(request));
    call.start(sink);
    sink.await();
    return sink;
  }
}
