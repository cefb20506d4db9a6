package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.http.ApiError;
import dev.openrouter4j.gateway.provider.Provider;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import dev.openrouter4j.gateway.provider.UpstreamException;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import dev.openrouter4j.gateway.routing.Candidate;
import dev.openrouter4j.gateway.routing.EndpointStats;
import dev.openrouter4j.gateway.routing.FallbackPolicy;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The "try endpoints with fallback" stage: the plan's candidates in order until one answers with
 * content. An endpoint that fails with a connection error, a timeout, 429 or 5xx before its first
 * content is recorded as an outage and the next endpoint tried; any other failure ends the
 * candidates of that model (the next model in {@code models} may still answer). With {@code
 * allow_fallbacks: false} the first failure is final.
 */
final class Attempts {
  /** The committed attempt: its call, and the sink that holds its first events. */
  record Opened(Candidate candidate, UpstreamCall call, RelaySink sink) {}

  private final Function<String, Provider> providers;
  private final EndpointStats stats;
  private final LongSupplier clockMillis;
  private final boolean chatRelay;

  Attempts(Function<String, Provider> providers, EndpointStats stats, LongSupplier clockMillis, boolean chatRelay) {
    this.providers = providers;
    this.stats = stats;
    this.clockMillis = clockMillis;
    this.chatRelay = chatRelay;
  }

  Future<Opened> run(Exchange x) {
    return run(x, x.request.provider(), (c, provider) -> open(x, c, provider));
  }

  /**
   * The plan's candidates in order through {@code attempt} (one upstream call each to the
   * candidate's running provider, however it is made), with the fallback rules above; {@code
   * preferences} may forbid falling back.
   */
  <T> Future<T> run(Exchange x, dev.openrouter4j.api.ProviderPreferences preferences, BiFunction<Candidate, Provider, Future<T>> attempt) {
    boolean allowFallbacks = preferences == null || !Boolean.FALSE.equals(preferences.allowFallbacks());
    return next(x, x.plan.attempts(), 0, allowFallbacks, new ArrayList<>(), attempt);
  }

  private <T> Future<T> next(
      Exchange x, List<Candidate> candidates, int i, boolean allowFallbacks, List<UpstreamException> failures, BiFunction<Candidate, Provider, Future<T>> attempt) {
    if (x.isAbandoned()) return Future.failedFuture(new ApiError(499, "client closed the request"));
    if (i >= candidates.size()) return Future.failedFuture(exhausted(x, failures));
    Candidate c = candidates.get(i);
    long started = clockMillis.getAsLong();
    Provider provider = providers.apply(c.providerId());
    Future<T> attempted =
        provider == null ? Future.failedFuture(UpstreamException.unreachable("provider " + c.providerId() + " is not running")) : attempt.apply(c, provider);
    return attempted
        .recover(
            t -> {
              // stopped by the client (or a cancelled background run): not the endpoint's failure
              if (x.isAbandoned()) return Future.failedFuture(new ApiError(499, "client closed the request"));
              UpstreamException u = asUpstream(t);
              long now = clockMillis.getAsLong();
              x.attempts.add(new Exchange.Attempt(c.providerId(), c.model(), u.status(), now - started));
              failures.add(u);
              if (FallbackPolicy.shouldFallBack(u.status())) stats.recordFailure(c.endpointKey(), now);
              if (!allowFallbacks) return Future.failedFuture(exhausted(x, failures));
              int skipTo = u.retryable() ? i + 1 : firstOfNextModel(candidates, i);
              return next(x, candidates, skipTo, true, failures, attempt);
            });
  }

  private Future<Opened> open(Exchange x, Candidate c, Provider provider) {
    // the relay fast path: the chat format in and out (the generation as this attempt would answer it)
    Generation relay = chatRelay && x.api.readsChatFormat() ? x.generation.withRoute(c.model(), c.providerId(), c.endpoint().pricing()) : null;
    UpstreamRequest request =
        new UpstreamRequest(x.request, c.upstreamModel(), c.endpoint(), x.stream, x.forwardHeaders, x.abandonedFuture(), relay, x.api.responses());
    return provider
        .open(request)
        .compose(
            call -> {
              if (x.isAbandoned()) {
                call.cancel();
                return Future.failedFuture(new ApiError(499, "client closed the request"));
              }
              x.call = call;
              RelaySink sink = new RelaySink();
              call.start(sink);
              // a cancelled call tells its sink nothing: the attempt still waiting for content ends here
              x.abandonedFuture().onComplete(v -> {
                if (!sink.firstContent().isComplete()) sink.fail(new java.util.concurrent.CancellationException("client closed the request"));
              });
              return sink.firstContent()
                  .map(v -> new Opened(c, call, sink))
                  .recover(t -> {
                    call.cancel();
                    return Future.failedFuture(t);
                  });
            });
  }

  private static int firstOfNextModel(List<Candidate> candidates, int i) {
    String model = candidates.get(i).model();
    int j = i + 1;
    while (j < candidates.size() && candidates.get(j).model().equals(model)) j++;
    return j;
  }

  static UpstreamException asUpstream(Throwable t) {
    if (t instanceof UpstreamException u) return u;
    if (t instanceof RelaySink.EarlyFailure early) {
      var f = early.end.failure();
      if (f != null) {
        return new UpstreamException(f.status(), f.message(), f.errorType(), UpstreamException.isRetryable(f.status()), -1, f.providerCode());
      }
      return UpstreamException.unreachable("upstream failed before answering: " + early.end.cause().getMessage());
    }
    if (t instanceof ApiError a) {
      return new UpstreamException(a.status(), a.getMessage(), null, false, -1, null);
    }
    return UpstreamException.unreachable(String.valueOf(t.getMessage()));
  }

  /**
   * Every attempt failed. One attempt: its status and message. Several: the last 4xx when every
   * endpoint refused the request itself, 429 when all were rate limited, else 503 ("no provider
   * available"), with the attempt history in {@code
   * metadata.previous_errors}; the upstreams' raw bodies are never included.
   */
  private static Throwable exhausted(Exchange x, List<UpstreamException> failures) {
    if (x.isAbandoned()) return new ApiError(499, "client closed the request");
    UpstreamException last = failures.get(failures.size() - 1);
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (last.errorType() != null) metadata.put("error_type", last.errorType());
    Exchange.Attempt lastAttempt = x.attempts.get(x.attempts.size() - 1);
    metadata.put("provider_name", lastAttempt.provider());
    if (failures.size() == 1) {
      if (last.providerCode() != null && last.status() < 500) metadata.put("provider_code", last.providerCode());
      return new ApiError(last.status(), last.getMessage(), metadata, last.retryAfterSeconds());
    }
    List<Map<String, Object>> previous = new ArrayList<>();
    for (int i = 0; i < x.attempts.size(); i++) {
      Exchange.Attempt a = x.attempts.get(i);
      previous.add(Map.of("provider", a.provider(), "model", a.model(), "code", a.status()));
    }
    metadata.put("previous_errors", previous);
    boolean allRateLimited = failures.stream().allMatch(f -> f.status() == 429);
    // every endpoint refused the request itself (e.g. content one provider kind cannot express, tried
    // on the next kind and refused there too): that is the client's 4xx, not a passing outage
    if (failures.stream().allMatch(Attempts::refusedTheRequest)) {
      return new ApiError(last.status(), last.getMessage(), metadata, -1);
    }
    boolean allTransient = failures.stream().allMatch(UpstreamException::retryable);
    if (allRateLimited) {
      long retryAfter = failures.stream().mapToLong(UpstreamException::retryAfterSeconds).filter(s -> s >= 0).min().orElse(-1);
      metadata.put("error_type", "rate_limit_exceeded");
      return new ApiError(429, "every provider for this request is rate limited: " + last.getMessage(), metadata, retryAfter);
    }
    if (allTransient) {
      metadata.put("error_type", "provider_unavailable");
      return new ApiError(503, "no provider could serve the request: " + last.getMessage(), metadata, -1);
    }
    return new ApiError(last.status(), last.getMessage(), metadata, last.retryAfterSeconds());
  }

  /** A 4xx about the request, not about the upstream's state (a timeout or a rate limit is the latter). */
  private static boolean refusedTheRequest(UpstreamException f) {
    return f.status() >= 400 && f.status() < 500 && f.status() != 408 && f.status() != 429;
  }
}
