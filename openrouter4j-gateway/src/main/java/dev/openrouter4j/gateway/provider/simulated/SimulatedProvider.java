package dev.openrouter4j.gateway.provider.simulated;

import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.provider.EmbeddingsUpstreamRequest;
import dev.openrouter4j.gateway.provider.Provider;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import dev.openrouter4j.gateway.provider.UpstreamException;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The {@code simulated} provider kind: an in-process model with deterministic output, timings and
 * faults, for demos, tests and benchmarks. What it says is described in {@link AnswerPlanner}; how
 * it behaves comes from a {@link SimulationProfile} read from {@code options} ({@code ttft_ms},
 * {@code tokens_per_second}, {@code output_tokens}, {@code fault}, {@code fault_rate}, {@code seed}).
 *
 * <p>One request can override the profile, so one simulator serves many scenarios: with request
 * headers, or with top-level keys of the request body (which reach the provider through any
 * gateway, as {@code extraBody}); headers win. Values are the same as the options':
 *
 * <ul>
 *   <li>{@code x-simulate-ttft-ms}: {@code ttft_ms}
 *   <li>{@code x-simulate-tokens}: {@code output_tokens}
 *   <li>{@code x-simulate-tps}: {@code tokens_per_second}
 *   <li>{@code x-simulate-fault}: {@code fault}; certain unless {@code x-simulate-fault-rate} is given
 *   <li>{@code x-simulate-fault-rate}: {@code fault_rate}
 * </ul>
 *
 * An unknown {@code x-simulate-*} name or a bad value fails the attempt with status 400.
 *
 * <p>Timing: {@code open()} succeeds after {@code ttft_ms}, and the first token follows at once.
 * Faults: {@code status:NNN} fails {@code open()} after {@code ttft_ms} with that status; {@code
 * timeout} fails it only after the provider's {@code timeout_ms} (with 408), so the gateway's own
 * timeout fires first, and never when {@code timeout_ms} is 0; {@code cut_after:N} breaks the call
 * after N tokens ({@code fail(IOException)}); {@code error_after:N} sends a 502 {@code Failure}
 * event after N tokens, then ends. Both strike when token N+1 would have been due. Whether a fault
 * strikes is drawn per request from a generator seeded with {@code seed}.
 */
public final class SimulatedProvider implements Provider {
  private final Vertx vertx;
  private final ProviderConfig config;
  private final SimulationProfile profile;
  private final RandomGenerator faultDraws;
  private final AtomicLong requests = new AtomicLong();
  private final Set<Promise<Void>> delays = ConcurrentHashMap.newKeySet();

  /** Throws {@link IllegalArgumentException} naming the option when {@code options} are invalid. */
  public SimulatedProvider(Vertx vertx, ProviderConfig config) {
    this(vertx, config, SimulationProfile.fromOptions(config.options()));
  }

  SimulatedProvider(Vertx vertx, ProviderConfig config, SimulationProfile profile) {
    this.vertx = vertx;
    this.config = config;
    this.profile = profile;
    // java.util.Random: thread-safe, and its sequence for a seed is specified, so runs repeat
    this.faultDraws = new Random(profile.seed());
  }

  @Override
  public ProviderConfig config() {
    return config;
  }

  public SimulationProfile profile() {
    return profile;
  }

  @Override
  public Future<UpstreamCall> open(UpstreamRequest request) {
    SimulationProfile p;
    try {
      p = profile.with(RequestOverrides.of(request));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(UpstreamException.fromStatus(400, "simulated: " + e.getMessage(), -1));
    }
    Context context = vertx.getOrCreateContext();
    SimulatedFault fault = strikes(p) ? p.fault() : SimulatedFault.NONE;
    return switch (fault) {
      case SimulatedFault.Status s ->
          delay(context, p.ttftMs())
              .compose(v -> failed(UpstreamException.fromStatus(s.status(), "simulated status " + s.status(), -1)));
      case SimulatedFault.Timeout t ->
          config.timeoutMs() > 0
              ? delay(context, config.timeoutMs())
                  .compose(v -> failed(UpstreamException.timeout("simulated timeout after " + config.timeoutMs() + " ms")))
              : Promise.<UpstreamCall>promise().future();
      default -> {
        Script script = AnswerPlanner.plan(request.request(), "sim-" + requests.incrementAndGet(), model(request), p);
        yield delay(context, p.ttftMs()).map(v -> new SimulatedCall(vertx, context, script, p, fault));
      }
    };
  }

  @Override
  public boolean servesEmbeddings() {
    return true;
  }

  /**
   * {@link SimulatedEmbeddings}, after the profile's time to first token; a {@code status:NNN} fault
   * strikes as it does for chat. The other faults are about streams and leave embeddings alone.
   */
  @Override
  public Future<Buffer> embed(EmbeddingsUpstreamRequest request) {
    Context context = vertx.getOrCreateContext();
    String model = request.upstreamModel() != null ? request.upstreamModel() : "simulated";
    if (strikes(profile) && profile.fault() instanceof SimulatedFault.Status s) {
      return delay(context, profile.ttftMs()).compose(v -> Future.failedFuture(UpstreamException.fromStatus(s.status(), "simulated status " + s.status(), -1)));
    }
    byte[] answer;
    try {
      answer = SimulatedEmbeddings.answer(request.body(), model);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(UpstreamException.fromStatus(400, "simulated: " + e.getMessage(), -1));
    }
    return delay(context, profile.ttftMs()).map(v -> Buffer.buffer(answer));
  }

  /** Fails attempts still waiting for their time to first token (or timeout), and stops their timers. */
  @Override
  public Future<Void> close() {
    for (Promise<Void> delay : delays) {
      if (delays.remove(delay)) delay.tryFail(UpstreamException.unreachable("simulated provider closed"));
    }
    return Future.succeededFuture();
  }

  private boolean strikes(SimulationProfile p) {
    if (p.fault() instanceof SimulatedFault.None || p.faultRate() <= 0) return false;
    return p.faultRate() >= 1 || faultDraws.nextDouble() < p.faultRate();
  }

  private static Future<UpstreamCall> failed(UpstreamException e) {
    return Future.failedFuture(e);
  }

  private static String model(UpstreamRequest request) {
    if (request.upstreamModel() != null) return request.upstreamModel();
    return request.request().model() != null ? request.request().model() : "simulated";
  }

  private Future<Void> delay(Context context, long ms) {
    if (ms <= 0) return Future.succeededFuture();
    Promise<Void> promise = Promise.promise();
    delays.add(promise);
    // set on the call's context, so what follows the delay runs there too
    context.runOnContext(
        x -> {
          long timer = vertx.setTimer(ms, id -> {
            if (delays.remove(promise)) promise.tryComplete();
          });
          promise.future().onFailure(t -> vertx.cancelTimer(timer));
        });
    return promise.future();
  }
}
