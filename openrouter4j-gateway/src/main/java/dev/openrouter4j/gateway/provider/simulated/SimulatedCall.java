package dev.openrouter4j.gateway.provider.simulated;

import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.EventSink;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import dev.openrouter4j.gateway.provider.simulated.Script.Step;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.IOException;

/**
 * Plays a {@link Script} into a sink on one Vert.x context. Tokens are due on a fixed schedule
 * ({@code 1000 / tokens_per_second} ms apart, measured from the first token, so timer lateness does
 * not accumulate); a Vert.x timer waits for the next due token, the event loop is never blocked. The
 * first token goes out at once: the time to first token was spent before {@code open()} succeeded.
 *
 * <p>{@link #pause()} takes effect before the next event, even when the sink calls it from inside
 * {@link EventSink#event}; after {@link #resume()} the schedule restarts from then rather than
 * bursting the tokens that would have been sent meanwhile.
 */
final class SimulatedCall implements UpstreamCall {
  /** Unpaced events sent in one go before yielding the event loop to other work. */
  static final int MAX_BURST = 256;

  private final Vertx vertx;
  private final Context context;
  private final Script script;
  private final long intervalNanos;
  private final SimulatedFault fault;
  private final int faultIndex;
  private EventSink sink;
  private int next;
  private boolean tokenSent;
  private long nextDueNanos;
  private boolean paused;
  private boolean finished;
  private boolean pumping;
  private long timer = -1;

  SimulatedCall(Vertx vertx, Context context, Script script, SimulationProfile profile, SimulatedFault fault) {
    this.vertx = vertx;
    this.context = context;
    this.script = script;
    this.intervalNanos = (long) (profile.tokenIntervalMs() * 1_000_000);
    this.fault = fault;
    this.faultIndex =
        switch (fault) {
          case SimulatedFault.CutAfter c -> script.indexAfterTokens(c.tokens());
          case SimulatedFault.ErrorAfter e -> script.indexAfterTokens(e.tokens());
          default -> -1;
        };
  }

  @Override
  public void start(EventSink sink) {
    onContext(() -> {
      this.sink = sink;
      pump();
    });
  }

  @Override
  public void pause() {
    onContext(() -> {
      paused = true;
      cancelTimer();
    });
  }

  @Override
  public void resume() {
    onContext(() -> {
      if (!paused) return;
      paused = false;
      nextDueNanos = Math.max(nextDueNanos, System.nanoTime());
      pump();
    });
  }

  @Override
  public void cancel() {
    onContext(() -> {
      finished = true;
      cancelTimer();
    });
  }

  private void pump() {
    // re-entry (a sink resuming from inside event()) leaves the work to the loop already running
    if (pumping || sink == null) return;
    pumping = true;
    try {
      int burst = 0;
      while (!paused && !finished && timer < 0) {
        if (next == faultIndex) {
          // when the next token would have been due, so the tokens before it arrive on their own
          // first, as they would from a real upstream that broke while generating
          if (tokenSent && !due()) return;
          strike();
          return;
        }
        if (next == script.steps().size()) {
          finished = true;
          sink.end();
          return;
        }
        if (++burst > MAX_BURST) {
          context.runOnContext(v -> pump());
          return;
        }
        Step step = script.steps().get(next);
        if (step.token() && !due()) return;
        next++;
        sink.event(step.event());
      }
    } finally {
      pumping = false;
    }
  }

  /** True when the next token may go now; otherwise a timer is set for when it may. */
  private boolean due() {
    long now = System.nanoTime();
    if (!tokenSent || intervalNanos == 0) {
      tokenSent = true;
      nextDueNanos = now + intervalNanos;
      return true;
    }
    long wait = nextDueNanos - now;
    if (wait <= 0) {
      nextDueNanos += intervalNanos;
      return true;
    }
    long ms = Math.max(1, (wait + 999_999) / 1_000_000);
    timer = vertx.setTimer(ms, id -> {
      timer = -1;
      pump();
    });
    return false;
  }

  private void strike() {
    finished = true;
    switch (fault) {
      case SimulatedFault.CutAfter c -> sink.fail(new IOException("simulated cut"));
      default -> {
        sink.event(new LlmEvent.Failure(502, "simulated provider error", "provider_unavailable", null));
        sink.end();
      }
    }
  }

  private void cancelTimer() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** Runs now when already on the call's context (so a pause is synchronous), otherwise hops there. */
  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }
}
