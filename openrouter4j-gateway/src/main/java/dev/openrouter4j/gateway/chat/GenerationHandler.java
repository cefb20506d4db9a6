package dev.openrouter4j.gateway.chat;

import dev.openrouter4j.api.Enums;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.sse.SseWriter;
import dev.openrouter4j.gateway.config.ModelConfig;
import dev.openrouter4j.gateway.encode.Generation;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.event.TokenUsage;
import dev.openrouter4j.gateway.http.ApiError;
import dev.openrouter4j.gateway.http.Authenticator;
import dev.openrouter4j.gateway.http.BodyReader;
import dev.openrouter4j.gateway.http.GatewayMetrics;
import dev.openrouter4j.gateway.provider.Provider;
import dev.openrouter4j.gateway.routing.Candidate;
import dev.openrouter4j.gateway.routing.EndpointStats;
import dev.openrouter4j.gateway.routing.RoutePlan;
import dev.openrouter4j.gateway.routing.RoutePlanner;
import dev.openrouter4j.gateway.routing.RouteRequest;
import dev.openrouter4j.gateway.routing.RoutingException;
import dev.openrouter4j.gateway.routing.StickyRoutes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /api/v1/chat/completions} and {@code POST /api/v1/responses}: one generation, whichever
 * {@link Dialect} it arrives in. The stages, in order: authenticate, read and validate, plan the
 * route, try endpoints with fallback, translate (stream or JSON), account. Each stage is a small
 * class; this one only orders them and turns a failure into OpenRouter's error.
 */
public final class GenerationHandler implements Handler<HttpServerRequest> {
  private static final Set<String> FORWARDED = Set.of("x-session-id", "http-referer", "x-openrouter-title", "x-title", "x-openrouter-categories");
  private static final Buffer PROCESSING = Buffer.buffer(SseWriter.comment("OPENROUTER PROCESSING"));
  private static final Buffer DONE = Buffer.buffer(SseWriter.done());

  private final Dialect dialect;
  private final Vertx vertx;
  private final Authenticator authenticator;
  private final long maxBodyBytes;
  private final RoutePlanner planner;
  private final Attempts attempts;
  private final EndpointStats stats;
  private final StickyRoutes sticky;
  private final GatewayMetrics metrics;
  private final Duration processingInterval;
  private final Accounting accounting;

  public GenerationHandler(
      Dialect dialect,
      Vertx vertx,
      Authenticator authenticator,
      long maxBodyBytes,
      RoutePlanner planner,
      Function<String, Provider> providers,
      EndpointStats stats,
      StickyRoutes sticky,
      GatewayMetrics metrics,
      Duration processingInterval,
      Accounting accounting,
      boolean chatRelay) {
    this.dialect = dialect;
    this.vertx = vertx;
    this.authenticator = authenticator;
    this.maxBodyBytes = maxBodyBytes;
    this.planner = planner;
    this.stats = stats;
    this.sticky = sticky;
    this.metrics = metrics;
    this.processingInterval = processingInterval;
    this.accounting = accounting;
    this.attempts = new Attempts(providers, stats, System::currentTimeMillis, chatRelay);
  }

  @Override
  public void handle(HttpServerRequest http) {
    Exchange x = Exchange.open(http);
    admitAndRead(x, authenticator, accounting, maxBodyBytes)
        .compose(body -> validate(x, body))
        .map(request -> plan(x, request))
        .compose(plan -> accounting.reserve(x))
        .compose(v -> queueIfBackground(x))
        .compose(v -> tryEndpoints(x))
        .compose(opened -> translate(x, opened))
        .onSuccess(v -> observe(x, x.endedByClientLeaving ? 499 : 200))
        .onFailure(t -> fail(x, t));
  }

  /** The first stages of every generation request: authenticate, admit (rate limit), read the body (413 past {@code maxBodyBytes}). */
  static Future<Buffer> admitAndRead(Exchange x, Authenticator authenticator, Accounting accounting, long maxBodyBytes) {
    return authenticator
        .authenticate(x.http)
        .compose(caller -> accounting.admit(x, caller))
        .compose(v -> BodyReader.read(x.http, maxBodyBytes));
  }

  private Future<ChatRequest> validate(Exchange x, Buffer body) {
    x.bodyBytes = body.length();
    x.api = dialect.read(body);
    return x.api.resolve(x.caller).map(v -> validated(x));
  }

  private ChatRequest validated(Exchange x) {
    x.request = x.api.canonical();
    x.stream = x.api.stream();
    long now = System.currentTimeMillis() / 1000;
    x.generation = new Generation(Generation.newId(now), now, null, null, null);
    x.forwardHeaders = forwardedHeaders(x.http);
    return x.request;
  }

  /** The client headers worth forwarding to an upstream that reads them. */
  static Map<String, String> forwardedHeaders(HttpServerRequest http) {
    Map<String, String> forward = new LinkedHashMap<>();
    for (String name : FORWARDED) {
      String value = http.getHeader(name);
      if (value != null) forward.put(name, value);
    }
    return forward;
  }

  private Object plan(Exchange x, ChatRequest r) {
    x.sessionId = r.sessionId() != null ? r.sessionId() : x.http.getHeader("x-session-id");
    String conversation = x.sessionId != null ? x.sessionId : r.promptCacheKey();
    // scoped to the calling key: two keys that send the same session id share no stickiness
    x.stickyKey = conversation == null ? null : (x.caller == null ? "" : x.caller.keyHash()) + '\n' + conversation;
    Integer maxTokens = r.maxCompletionTokens() != null ? r.maxCompletionTokens() : r.maxTokens();
    RoutePlan plan;
    try {
      plan = planner.plan(new RouteRequest(r.model(), r.models(), preferences(r), features(r), maxTokens, x.stickyKey));
    } catch (RoutingException e) {
      throw new ApiError(e.status(), e.getMessage(), e.metadata(), -1);
    }
    x.plan = writingText(plan);
    return x.plan;
  }

  /**
   * The plan without the models configured as writing no text ({@code output_modalities:
   * [embeddings]}): asked for a chat answer, their upstream would only refuse. None left is the
   * client's 400, which says where such a model is served.
   */
  static RoutePlan writingText(RoutePlan plan) {
    if (plan.attempts().stream().allMatch(c -> c.modelConfig().outputs("text"))) return plan;
    List<Candidate> text = plan.attempts().stream().filter(c -> c.modelConfig().outputs("text")).toList();
    if (text.isEmpty()) {
      Candidate first = plan.attempts().get(0);
      String also = first.modelConfig().outputs(ModelConfig.EMBEDDINGS) ? ": embeddings are served at POST /api/v1/embeddings" : "";
      throw new ApiError(400, first.model() + " writes no text (its outputs: " + String.join(", ", first.modelConfig().outputModalities()) + ")" + also,
          Map.of("error_type", "invalid_request", "param", "model"), -1);
    }
    return new RoutePlan(text, plan.models(), plan.excluded());
  }

  /**
   * The provider preferences, with the deprecated top-level {@code route} mapped as OpenRouter maps
   * it: {@code fallback} is {@code sort.partition: model}, {@code sort} is {@code partition: none}.
   */
  @SuppressWarnings("deprecation")
  static ProviderPreferences preferences(ChatRequest r) {
    ProviderPreferences p = r.provider();
    if (r.route() == null || (p != null && p.sort() != null && p.sort().partition() != null)) return p;
    Enums.Partition partition = "sort".equals(r.route()) ? Enums.Partition.NONE : Enums.Partition.MODEL;
    ProviderPreferences.Builder b = p == null ? ProviderPreferences.builder() : p.toBuilder();
    return b.sort(new ProviderPreferences.Sort(p == null || p.sort() == null ? null : p.sort().by(), partition)).build();
  }

  /** Request features that endpoints must support under {@code require_parameters}. */
  static Set<String> features(ChatRequest r) {
    Set<String> f = new LinkedHashSet<>();
    if (r.tools() != null && !r.tools().isEmpty()) f.add("tools");
    if (r.toolChoice() != null) f.add("tool_choice");
    if (r.responseFormat() != null) f.add("response_format");
    if (r.reasoning() != null || r.reasoningEffort() != null) f.add("reasoning");
    if (r.logprobs() != null || r.topLogprobs() != null) f.add("logprobs");
    if (r.seed() != null) f.add("seed");
    if (r.stop() != null) f.add("stop");
    return f;
  }

  /**
   * A background run is answered now (queued), after the checks that may refuse it (validation,
   * rate limit, credit); the rest runs detached from the client, and the result is kept by the
   * dialect for the client to poll.
   */
  private Future<Void> queueIfBackground(Exchange x) {
    Dialect.Background background = x.api.background();
    if (background == null) return Future.succeededFuture();
    io.vertx.core.Context context = vertx.getOrCreateContext();
    return background.queue(x.generation, () -> context.runOnContext(v -> x.cancel())).map(body -> {
      x.detached = true;
      var r = x.http.response();
      if (!r.closed() && !r.ended()) {
        try {
          r.setStatusCode(200).putHeader("content-type", "application/json").putHeader("x-generation-id", x.generation.id())
              .end(Buffer.buffer(dev.openrouter4j.api.Json.mapper().writeValueAsBytes(body)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
      return null;
    });
  }

  private Future<Attempts.Opened> tryEndpoints(Exchange x) {
    long timer = x.stream ? keepAlive(x) : -1;
    return attempts.run(x).andThen(ar -> {
      if (timer >= 0) vertx.cancelTimer(timer);
    });
  }

  /**
   * While a stream waits for its first upstream event, OpenRouter's keep-alive comment goes out
   * every interval. The first one commits the 200 headers; a failure before it still gets a real
   * status.
   */
  private long keepAlive(Exchange x) {
    return vertx.setPeriodic(
        processingInterval.toMillis(),
        id -> {
          var r = x.http.response();
          if (r.closed() || r.ended()) return;
          StreamHead.commit(x);
          r.write(PROCESSING);
        });
  }

  private Future<Void> translate(Exchange x, Attempts.Opened opened) {
    x.served = opened.candidate();
    x.firstContentNanos = System.nanoTime();
    x.generation = x.generation.withRoute(opened.candidate().model(), opened.candidate().providerId(), opened.candidate().endpoint().pricing());
    if (x.detached) x.api.background().started(x.generation);
    Future<StreamReply.Outcome> outcome;
    Runnable abandoned;
    if (x.stream) {
      StreamReply reply = new StreamReply(x, x.api.streamWriter(x.generation));
      reply.start(opened);
      outcome = reply.outcome();
      abandoned = reply::abandoned;
    } else {
      JsonReply reply = new JsonReply(x, x.api.bodyWriter(x.generation));
      x.reply = reply;
      reply.start(opened);
      outcome = reply.outcome();
      abandoned = reply::abandoned;
    }
    // the client left mid-answer: the cancelled call tells the reply nothing, so the reply is told
    // here, and the answer is accounted as cancelled (a background run's cancel ends it through Exchange.cancel)
    x.abandonedFuture().onComplete(v -> {
      if (!x.detached) abandoned.run();
    });
    return outcome.map(o -> {
      TokenUsage charged = accounting.complete(x, o.usage(), o.failed(), o.cancelled(), System.nanoTime());
      x.endedByClientLeaving = o.cancelled() && !x.detached;
      account(x, charged, o.failed(), o.cancelled());
      if (x.detached) x.api.background().end(x.generation, null);
      return null;
    });
  }

  /** The account stage's in-memory part: endpoint statistics, stickiness, token metrics ({@link Accounting} does credits and records). */
  private void account(Exchange x, TokenUsage usage, boolean failed, boolean cancelled) {
    long now = System.currentTimeMillis();
    var c = x.served;
    long ttftMs = (x.firstContentNanos - x.startNanos) / 1_000_000;
    double seconds = (System.nanoTime() - x.firstContentNanos) / 1e9;
    double throughput = usage != null && seconds > 0 ? usage.completionTokens() / seconds : 0;
    if (failed) {
      stats.recordFailure(c.endpointKey(), now);
    } else if (cancelled) {
      // cut short by the client: says nothing about the endpoint
    } else {
      stats.recordSuccess(c.endpointKey(), ttftMs, throughput, now);
      boolean cacheHit = usage != null && usage.cachedTokens() > 0;
      if (x.stickyKey != null && StickyRoutes.worthRemembering(c, x.sessionId != null, cacheHit)) {
        sticky.remember(x.stickyKey, c.model(), c.endpointKey(), now);
      }
    }
    if (usage != null) metrics.tokens(c.model(), c.providerId(), usage.promptTokens(), usage.completionTokens());
  }

  /**
   * The request's metrics, once it is over: every failed upstream attempt (also those a fallback
   * recovered from), and the request itself unless the client left.
   */
  private void observe(Exchange x, int status) {
    observe(metrics, dialect.name(), x, status);
  }

  /** {@link #observe(Exchange, int)} for the handler of {@code route}. */
  static void observe(GatewayMetrics metrics, String route, Exchange x, int status) {
    for (Exchange.Attempt a : x.attempts) metrics.upstreamError(a.provider(), a.status());
    if (status != 499) metrics.request(route, status, x.stream, Duration.ofNanos(System.nanoTime() - x.startNanos));
  }

  private void fail(Exchange x, Throwable t) {
    accounting.release(x);
    ApiError error = t instanceof ApiError a ? a : new ApiError(500, "internal error: " + t.getMessage());
    observe(x, error.status());
    if (x.detached) {
      // a background run: the client was answered long ago; the failure is its result
      x.api.background().end(x.generation, error);
      return;
    }
    if (error.status() == 499) return; // the client left; nobody to answer
    var r = x.http.response();
    if (r.headWritten()) {
      // the stream had started (keep-alive comments): the error goes in-band
      if (!r.ended() && !r.closed() && x.api != null) {
        Dialect.StreamWriter writer = x.api.streamWriter(x.generation);
        Object errorType = error.metadata() == null ? null : error.metadata().get("error_type");
        Buffer start = writer.start();
        Buffer failure = writer.failure(new LlmEvent.Failure(error.status(), error.getMessage(), errorType == null ? null : errorType.toString(), null));
        writer.persist().onComplete(ar -> {
          if (r.ended() || r.closed()) return;
          r.write(start);
          r.write(failure);
          r.end(DONE);
        });
      }
      return;
    }
    send(x.http, error);
  }

  /** Answers with {@code error}; a refused body still arriving (413) is stopped (HTTP/2: the stream is reset; HTTP/1: the connection closed). */
  static void send(HttpServerRequest http, ApiError error) {
    var r = http.response();
    error.send(r).onComplete(v -> {
      if (error.status() == 413 && !http.isEnded()) {
        if (http.version() == io.vertx.core.http.HttpVersion.HTTP_2) r.reset(0);
        else http.connection().close();
      }
    });
  }
}
