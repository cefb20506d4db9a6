package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.gateway.account.AccountServices;
import dev.openrouter4j.gateway.account.ApiKey;
import dev.openrouter4j.gateway.account.CreditLedger;
import dev.openrouter4j.gateway.account.GenerationRecord;
import dev.openrouter4j.gateway.account.RateLimiter;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.http.ApiError;
import dev.openrouter4j.gateway.http.Authenticator;
import dev.openrouter4j.gateway.routing.Candidate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Credits, rate limits and generation records for the generation pipeline: the per-key rate limit
 * (429 with Retry-After) after authentication, a credit reservation of the request's worst-case
 * cost before the first upstream attempt (402 when the key cannot cover it), and at the end the
 * settling of the actual cost (the cost the usage object reports) and the generation record, queued
 * for the background writer. A request that fails before an answer gives its reservation back.
 *
 * <p>Blocking store calls run on worker threads; {@link #awaitIdle} lets a graceful shutdown wait
 * for the ones still running before the writer is drained.
 */
public final class Accounting {
  /** The completion tokens assumed when neither the request nor the endpoint caps them. */
  static final int DEFAULT_MAX_TOKENS = 4096;

  private final Vertx vertx;
  private final AccountServices accounts;
  private final AtomicInteger inFlight = new AtomicInteger();

  public Accounting(Vertx vertx, AccountServices accounts) {
    this.vertx = vertx;
    this.accounts = accounts;
  }

  /** The management key makes no generations; a key with a rate takes one request from its bucket. */
  Future<Void> admit(Exchange x, Authenticator.Caller caller) {
    x.caller = caller;
    return admit(caller);
  }

  private Future<Void> admit(Authenticator.Caller caller) {
    if (caller.isManagement()) {
      return Future.failedFuture(new ApiError(403, "A management key cannot make generations: use an API key", Map.of("error_type", "forbidden"), -1));
    }
    ApiKey key = caller.key();
    if (key == null || key.rateLimitRpm() == null) return Future.succeededFuture();
    RateLimiter rates = accounts.rates();
    Callable<RateLimiter.Decision> take = () -> rates.acquire(key.hash(), key.rateLimitRpm());
    Future<RateLimiter.Decision> decision;
    if (rates.isShared()) {
      decision = blocking(take);
    } else {
      try {
        decision = Future.succeededFuture(take.call());
      } catch (Exception e) {
        decision = Future.failedFuture(e);
      }
    }
    return decision.compose(d -> d.allowed()
        ? Future.succeededFuture()
        : Future.failedFuture(new ApiError(429, "Rate limit exceeded: this key may make " + key.rateLimitRpm() + " requests per minute",
            Map.of("error_type", "rate_limit"), d.retryAfterSeconds())));
  }

  /** Holds the request's worst-case cost of the key's credit, or fails with 402. */
  Future<Void> reserve(Exchange x) {
    return reserve(x, () -> estimate(x));
  }

  /** Holds the {@code estimate} of the key's credit (asked only when the caller has a key), or fails with 402. */
  Future<Void> reserve(Exchange x, Supplier<Estimate> worstCase) {
    ApiKey key = x.caller == null ? null : x.caller.key();
    if (key == null) return Future.succeededFuture();
    Estimate estimate = worstCase.get();
    x.estimate = estimate.usd();
    if (key.limit() == null) {
      x.reservation = new CreditLedger.Reservation(null, key.hash(), 0);
      return Future.succeededFuture();
    }
    return blocking(() -> accounts.ledger().reserve(key.hash(), estimate.usd())).compose(d -> {
      if (d instanceof CreditLedger.Reservation r) {
        x.reservation = r;
        return Future.succeededFuture();
      }
      CreditLedger.Insufficient no = (CreditLedger.Insufficient) d;
      return Future.failedFuture(new ApiError(402, insufficient(estimate, no.remaining()),
          Map.of("error_type", "insufficient_credits", "required", no.requested(), "available", no.remaining()), -1));
    });
  }

  /**
   * A request's worst case: {@code usd} in all, of which {@code completionTokens} at {@code
   * perTokenUsd} each are the completion cap it was priced with; the rest is the prompt and the
   * per-request price. {@code unknown}: a candidate is priced by its upstream after the answer, and
   * no priced candidate costs more than {@link #SOME_CREDIT}, so {@code usd} only asks for some
   * credit left.
   */
  record Estimate(double usd, long completionTokens, double perTokenUsd, boolean unknown) {
    /** The completion tokens that {@code availableUsd} pays for, after this request's fixed part. */
    long affordableTokens(double availableUsd) {
      if (perTokenUsd <= 0) return availableUsd >= usd ? completionTokens : 0;
      double fixed = usd - completionTokens * perTokenUsd;
      return Math.max(0, (long) Math.floor((availableUsd - fixed) / perTokenUsd));
    }
  }

  /**
   * What a request on an endpoint priced {@code upstream} reserves: the smallest amount the ledger
   * keeps, so a key with nothing left is refused, while its cost is only known from the answer.
   */
  static final double SOME_CREDIT = 1e-10;

  /** OpenRouter's 402 wording (tokens asked for and affordable), plus the dollars needed and available. */
  static String insufficient(Estimate e, double availableUsd) {
    if (e.completionTokens() == 0 && !e.unknown()) {
      return String.format(Locale.ROOT,
          "This request requires more credits: it may cost up to $%.6f and the key has $%.6f left of its limit", e.usd(), availableUsd);
    }
    if (e.unknown()) {
      return String.format(Locale.ROOT,
          "This request requires more credits: the key has $%.6f left of its limit, and the upstream prices the answer only once it is given",
          availableUsd);
    }
    return String.format(Locale.ROOT,
        "This request requires more credits, or fewer max_tokens. You requested up to %d tokens, but can only afford %d:"
            + " it may cost up to $%.6f and the key has $%.6f left of its limit",
        e.completionTokens(), Math.min(e.completionTokens(), e.affordableTokens(availableUsd)), e.usd(), availableUsd);
  }

  /**
   * The most this request can cost on any of its candidates: the prompt (the body's bytes / 4, an
   * overestimate of its tokens) at the prompt or cache-write price, whichever is higher, the
   * completion cap ({@code max_completion_tokens}, {@code max_tokens}, else the endpoint's {@code
   * max_completion_tokens}, else {@value #DEFAULT_MAX_TOKENS}) at the completion price, and the
   * per-request price. A candidate priced {@code upstream} has no price to estimate with: it asks
   * for {@link #SOME_CREDIT}, so a limit bounds its spending only up to the answers in flight when
   * the credit runs out.
   */
  static Estimate estimate(Exchange x) {
    ChatRequest r = x.request;
    Integer asked = r.maxCompletionTokens() != null ? r.maxCompletionTokens() : r.maxTokens();
    long promptTokens = Math.max(1, x.bodyBytes / 4 + 1);
    Estimate worst = new Estimate(0, asked != null ? asked : DEFAULT_MAX_TOKENS, 0, false);
    boolean upstreamPriced = false;
    for (Candidate c : x.plan.attempts()) {
      Pricing p = c.endpoint().pricing();
      if (p == null) continue;
      if (p.upstream()) {
        upstreamPriced = true;
        continue;
      }
      Integer cap = c.endpoint().maxCompletionTokens();
      long out = asked != null ? (cap != null ? Math.min(asked, cap) : asked) : (cap != null ? cap : DEFAULT_MAX_TOKENS);
      double cost = (promptTokens * Math.max(p.prompt(), p.cacheWrite()) + out * p.completion()) / 1_000_000.0 + p.request();
      if (cost > worst.usd()) worst = new Estimate(cost, out, p.completion() / 1_000_000.0, false);
    }
    return reserved(worst, upstreamPriced);
  }

  /**
   * What is reserved for the priced candidates' {@code worst} case: it rounded up to the ledger's
   * tenth of a micro-dollar, or {@link #SOME_CREDIT} when an upstream-priced candidate asks for
   * more than the priced ones.
   */
  private static Estimate reserved(Estimate worst, boolean upstreamPriced) {
    if (upstreamPriced && worst.usd() < SOME_CREDIT) return new Estimate(SOME_CREDIT, worst.completionTokens(), 0, true);
    return new Estimate(Math.ceil(worst.usd() * 1e10) / 1e10, worst.completionTokens(), worst.perTokenUsd(), false);
  }

  /**
   * An embeddings request's worst case on any of its candidates: {@code promptTokens} at the prompt
   * price plus the per-request price; nothing to complete. A candidate priced {@code upstream} asks
   * for {@link #SOME_CREDIT}, as for chat.
   */
  static Estimate embeddingsEstimate(Exchange x, long promptTokens) {
    double worst = 0;
    boolean upstreamPriced = false;
    for (Candidate c : x.plan.attempts()) {
      Pricing p = c.endpoint().pricing();
      if (p.upstream()) upstreamPriced = true;
      else worst = Math.max(worst, promptTokens * p.prompt() / 1_000_000.0 + p.request());
    }
    return reserved(new Estimate(worst, 0, 0, false), upstreamPriced);
  }

  /**
   * An embeddings answer was given: queue its record (input tokens, no completion, no finish
   * reason) and settle {@code cost}, once.
   */
  void completeEmbeddings(Exchange x, long promptTokens, double cost, long endNanos) {
    if (x.accounted) return;
    x.accounted = true;
    long latencyMs = (endNanos - x.startNanos) / 1_000_000;
    record(x, x.served.model(), x.served.providerId(), promptTokens, 0, 0, 0, cost, latencyMs, latencyMs, null, false, false,
        GenerationRecord.EMBEDDINGS);
  }

  /**
   * The answer is over: queue its record and settle its cost, once. The cost is what the usage
   * object says. A {@code cancelled} answer (its client left mid-answer, or its background run was
   * cancelled) is recorded with {@code cancelled} and no finish reason, and charged for what was
   * produced until then: {@link #cancelledUsage}. Returns the usage charged.
   */
  TokenUsage complete(Exchange x, TokenUsage reported, boolean failed, boolean cancelled, long endNanos) {
    if (x.accounted) return reported;
    x.accounted = true;
    TokenUsage usage = cancelled ? cancelledUsage(x, reported) : reported;
    String finish = cancelled ? null : failed ? "error" : x.finishReason;
    double cost = x.generation.cost(usage, finish).total();
    var c = x.served;
    long latencyMs = (x.firstContentNanos - x.startNanos) / 1_000_000;
    record(x, c.model(), c.providerId(),
        usage == null ? 0 : usage.promptTokens(), usage == null ? 0 : usage.completionTokens(),
        usage == null ? 0 : usage.cachedTokens(), usage == null ? 0 : usage.reasoningTokens(),
        cost, latencyMs, (endNanos - x.startNanos) / 1_000_000, finish, failed, cancelled, GenerationRecord.COMPLETIONS);
    return usage;
  }

  /** Queues the generation record of {@code x}'s served attempt (after its failed ones) and settles its reservation at {@code cost}. */
  private void record(
      Exchange x, String model, String provider, long promptTokens, long completionTokens, long cachedTokens, long reasoningTokens,
      double cost, long latencyMs, long generationTimeMs, String finish, boolean failed, boolean cancelled, String apiType) {
    List<GenerationRecord.Attempt> attempts = new ArrayList<>();
    for (Exchange.Attempt a : x.attempts) attempts.add(new GenerationRecord.Attempt(a.provider(), a.model(), a.status(), a.latencyMs()));
    attempts.add(new GenerationRecord.Attempt(provider, model, failed ? 502 : 200, latencyMs));
    String keyHash = x.caller == null ? Authenticator.LOCAL : x.caller.keyHash();
    GenerationRecord record =
        new GenerationRecord(
            x.generation.id(), keyHash, model, provider, promptTokens, completionTokens, cachedTokens, reasoningTokens,
            cost, latencyMs, generationTimeMs, finish, x.stream, cancelled, accounts.clock().instant(), attempts, apiType);
    CreditLedger.Reservation reservation = x.reservation;
    x.reservation = null;
    boolean queued = accounts.writer().offer(record);
    if (queued && reservation == null) return;
    track(() -> {
      if (!queued) accounts.writer().write(record); // the queue is full: wait for room here, not on the event loop
      if (reservation != null) accounts.ledger().settle(reservation, cost);
      return null;
    });
  }

  /**
   * What a cancelled answer is charged for, from what the upstream reported before it was cut (an
   * Anthropic upstream reports the prompt's tokens at the start, an OpenAI-format one only at the
   * end) and an estimate: the prompt tokens reported, else the reservation's estimate (the request
   * body's bytes / 4 + 1); the completion tokens reported or estimated from the answer text passed
   * on so far ({@link Exchange#answerChars} / 4, rounded up), whichever is more (a count reported
   * at the start, such as Anthropic's first output token, is only a floor). What an upstream
   * produced after the client's last chunk and before it saw the cut is not charged.
   */
  static TokenUsage cancelledUsage(Exchange x, TokenUsage reported) {
    TokenUsage r = reported == null ? TokenUsage.ZERO : reported;
    long prompt = r.promptTokens() > 0 ? r.promptTokens() : Math.max(1, x.bodyBytes / 4 + 1);
    long completion = Math.max(r.completionTokens(), (x.answerChars + 3) / 4);
    return new TokenUsage(prompt, completion, r.cachedTokens(), r.cacheWriteTokens(), r.reasoningTokens(), r.reportedCost());
  }

  /** The request failed before it was answered: its reservation is given back uncharged. */
  void release(Exchange x) {
    CreditLedger.Reservation reservation = x.reservation;
    x.reservation = null;
    if (reservation == null || reservation.id() == null) return;
    track(() -> {
      accounts.ledger().settle(reservation, 0);
      return null;
    });
  }

  /** Waits (blocking) until no settling or record write started by a request is still running. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() - deadline > 0) return false;
      Thread.sleep(5);
    }
    return true;
  }

  private void track(Callable<?> work) {
    inFlight.incrementAndGet();
    blocking(work).onComplete(ar -> {
      inFlight.decrementAndGet();
      if (ar.failed()) System.getLogger(Accounting.class.getName()).log(System.Logger.Level.ERROR, "accounting failed", ar.cause());
    });
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }
}
