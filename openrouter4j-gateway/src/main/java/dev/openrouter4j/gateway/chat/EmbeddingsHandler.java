package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.api.RequestLimits;
import dev.openrouter4j.api.embeddings.EmbeddingsInput;
import dev.openrouter4j.api.embeddings.EmbeddingsRequest;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.http.ApiError;
import dev.openrouter4j.gateway.http.Authenticator;
import dev.openrouter4j.gateway.http.GatewayMetrics;
import dev.openrouter4j.gateway.provider.EmbeddingsUpstreamRequest;
import dev.openrouter4j.gateway.provider.Provider;
import dev.openrouter4j.gateway.provider.UpstreamException;
import dev.openrouter4j.gateway.routing.Candidate;
import dev.openrouter4j.gateway.routing.EndpointStats;
import dev.openrouter4j.gateway.routing.RoutePlan;
import dev.openrouter4j.gateway.routing.RoutePlanner;
import dev.openrouter4j.gateway.routing.RouteRequest;
import dev.openrouter4j.gateway.routing.RoutingException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * {@code POST /api/v1/embeddings}: the generation pipeline's stages for an embeddings request.
 * Authenticate and admit (rate limit) as for chat; read and validate ({@link RequestLimits.Api#EMBEDDINGS});
 * plan the route with the same rules, keeping the endpoints whose provider kind serves embeddings;
 * reserve the worst case of the input tokens; try endpoints with the same fallback rules; answer
 * ({@link EmbeddingsAnswer}); account (a generation record with input tokens only). The wire is
 * OpenAI's embeddings format on both sides, so there is nothing to translate.
 */
public final class EmbeddingsHandler implements Handler<HttpServerRequest> {
  private final RequestReader<EmbeddingsRequest> reader = new RequestReader<>(EmbeddingsRequest.class, RequestLimits.Api.EMBEDDINGS);
  private final Authenticator authenticator;
  private final long maxBodyBytes;
  private final RoutePlanner planner;
  private final Function<String, Provider> providers;
  private final Attempts attempts;
  private final EndpointStats stats;
  private final GatewayMetrics metrics;
  private final Accounting accounting;

  /**
   * The validated request: its body as it came (sent on), its input tokens as estimated (what is
   * charged when the upstream reports none), the most tokens it can be (what is reserved), and how
   * many vectors it asks for.
   */
  private record Call(EmbeddingsRequest request, byte[] body, long estimatedTokens, long mostTokens, int inputs) {}

  public EmbeddingsHandler(
      Authenticator authenticator, long maxBodyBytes, RoutePlanner planner, Function<String, Provider> providers,
      EndpointStats stats, GatewayMetrics metrics, Accounting accounting) {
    this.authenticator = authenticator;
    this.maxBodyBytes = maxBodyBytes;
    this.planner = planner;
    this.providers = providers;
    this.stats = stats;
    this.metrics = metrics;
    this.accounting = accounting;
    this.attempts = new Attempts(providers, stats, System::currentTimeMillis, false);
  }

  @Override
  public void handle(HttpServerRequest http) {
    Exchange x = Exchange.open(http);
    GenerationHandler.admitAndRead(x, authenticator, accounting, maxBodyBytes)
        .map(body -> validate(x, body))
        .compose(call -> accounting.reserve(x, () -> Accounting.embeddingsEstimate(x, call.mostTokens())).map(call))
        .compose(call -> attempts.run(x, call.request().provider(), (c, provider) -> embed(x, call, c, provider)))
        .onSuccess(answer -> answer(x, answer))
        .onFailure(t -> fail(x, t));
  }

  private Call validate(Exchange x, Buffer body) {
    x.bodyBytes = body.length();
    EmbeddingsRequest request = reader.read(body);
    long now = System.currentTimeMillis() / 1000;
    x.generation = new Generation(Generation.newId(now), now, null, null, null);
    x.forwardHeaders = GenerationHandler.forwardedHeaders(x.http);
    x.plan = plan(request);
    EmbeddingsInput input = request.input();
    return new Call(request, body.getBytes(), estimatedTokens(input, body.length()), mostTokens(input, body.length()), inputs(input));
  }

  /** The route as for chat, without the endpoints whose provider cannot embed; 404 when none is left. */
  private RoutePlan plan(EmbeddingsRequest r) {
    RoutePlan plan;
    try {
      plan = planner.plan(new RouteRequest(r.model(), null, r.provider(), null, null, null));
    } catch (RoutingException e) {
      throw new ApiError(e.status(), e.getMessage(), e.metadata(), -1);
    }
    List<Candidate> embedding = plan.attempts().stream().filter(c -> {
      Provider p = providers.apply(c.providerId());
      return p != null && p.servesEmbeddings();
    }).toList();
    if (embedding.isEmpty()) {
      throw new ApiError(404, "No endpoints found for " + r.model() + " that serve embeddings",
          Map.of("error_type", "not_found", "requested_models", List.of(r.model())), -1);
    }
    return new RoutePlan(embedding, plan.models(), plan.excluded());
  }

  /**
   * The most tokens the input can be, for the credit reservation: a text's UTF-8 bytes (a token
   * covers at least one byte: a CJK character can be a token of its own, so characters / 4 is no
   * bound), token ids as given, other content the body's bytes.
   */
  static long mostTokens(EmbeddingsInput input, long bodyBytes) {
    return tokens(input, EmbeddingsHandler::utf8Bytes, bodyBytes);
  }

  private static long utf8Bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** How many vectors the input asks for: one per text, token list or item. */
  static int inputs(EmbeddingsInput input) {
    if (input.texts() != null) return input.texts().size();
    if (input.tokenBatches() != null) return input.tokenBatches().size();
    if (input.items() != null) return input.items().size();
    return 1;
  }

  /**
   * The input's tokens as estimated before an upstream counts them: token ids as given, text at 4
   * characters a token (rounded up, at least 1 per input); for other content, the body's bytes / 4.
   */
  static long estimatedTokens(EmbeddingsInput input, long bodyBytes) {
    return tokens(input, t -> (t.length() + 3) / 4, bodyBytes / 4 + 1);
  }

  /** The input's tokens: {@code perText} of each text (at least 1), token ids as given, {@code otherContent} (at least 1) for the rest. */
  private static long tokens(EmbeddingsInput input, ToLongFunction<String> perText, long otherContent) {
    if (input.text() != null) return Math.max(1, perText.applyAsLong(input.text()));
    if (input.texts() != null) return input.texts().stream().mapToLong(t -> Math.max(1, perText.applyAsLong(t))).sum();
    if (input.tokens() != null) return input.tokens().size();
    if (input.tokenBatches() != null) return input.tokenBatches().stream().mapToLong(List::size).sum();
    return Math.max(1, otherContent);
  }

  private Future<Served> embed(Exchange x, Call call, Candidate c, Provider provider) {
    EmbeddingsUpstreamRequest request = new EmbeddingsUpstreamRequest(call.body(), c.upstreamModel(), c.endpoint(), x.forwardHeaders, x.abandonedFuture());
    return provider.embed(request).compose(bytes -> {
      try {
        // the model the client asked for, as chat answers name it
        return Future.succeededFuture(
            new Served(c, EmbeddingsAnswer.of(bytes.getBytes(), call.inputs(), x.generation.id(), c.model(), c.endpoint().pricing(), call.estimatedTokens())));
      } catch (UpstreamException e) {
        return Future.failedFuture(e);
      }
    });
  }

  private record Served(Candidate candidate, EmbeddingsAnswer answer) {}

  /** Answers the client (when it is still there) and accounts the answer either way: the upstream did the work. */
  private void answer(Exchange x, Served served) {
    long end = System.nanoTime();
    x.served = served.candidate();
    EmbeddingsAnswer a = served.answer();
    accounting.completeEmbeddings(x, a.promptTokens(), a.cost().total(), end);
    Candidate c = served.candidate();
    stats.recordSuccess(c.endpointKey(), (end - x.startNanos) / 1e6, Double.NaN, System.currentTimeMillis());
    metrics.tokens(c.model(), c.providerId(), a.promptTokens(), 0);
    var r = x.http.response();
    boolean gone = r.closed() || x.isAbandoned();
    if (!gone) {
      r.setStatusCode(200).putHeader("content-type", "application/json").putHeader("x-generation-id", x.generation.id()).end(Buffer.buffer(a.body()));
    }
    GenerationHandler.observe(metrics, "embeddings", x, gone ? 499 : 200);
  }

  private void fail(Exchange x, Throwable t) {
    accounting.release(x);
    ApiError error = t instanceof ApiError a ? a : new ApiError(500, "internal error: " + t.getMessage());
    GenerationHandler.observe(metrics, "embeddings", x, error.status());
    if (error.status() != 499) GenerationHandler.send(x.http, error);
  }
}
