package dev.openrouter4j.internal;

import dev.openrouter4j.RetryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Sends the call again after a retryable status or a connection failure, waiting as the call's
 * {@link RetryConfig} says or as the server's {@code retry-after-ms} / {@code Retry-After} asks
 * (capped at the max interval). It only ever sees the response headers: a stream's body is read
 * after this stage returns, so a stream is never re-sent once the caller has an event.
 */
public final class RetryInterceptor implements Interceptor {
  private final Sleeper sleeper;
  private final LongSupplier nanoClock;
  private final Supplier<Instant> wallClock;
  private final DoubleSupplier jitter;
  private final RetryListener listener;

  public RetryInterceptor(
      Sleeper sleeper, LongSupplier nanoClock, Supplier<Instant> wallClock, DoubleSupplier jitter, RetryListener listener) {
    this.sleeper = sleeper;
    this.nanoClock = nanoClock;
    this.wallClock = wallClock;
    this.jitter = jitter;
    this.listener = listener;
  }

  /** Told of each decision to retry; the SDK's tests and debug logging use it. */
  @FunctionalInterface
  public interface RetryListener {
    RetryListener NONE = (attempt, status, failure, delay) -> {};

    /** {@code status} is -1 when {@code failure} (a connection error) caused the retry. */
    void retrying(int attempt, int status, IOException failure, Duration delay);
  }

  @Override
  public RawResponse intercept(Chain chain) throws IOException {
    HttpCall call = chain.call();
    RetryConfig config = call.retry();
    long start = nanoClock.getAsLong();
    List<IOException> earlier = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      RawResponse response = null;
      IOException failure = null;
      try {
        response = chain.proceed(call);
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        failure = e;
      }

      Duration delay = retryDelay(config, attempt, response, failure);
      Duration elapsed = Duration.ofNanos(nanoClock.getAsLong() - start);
      if (delay == null || elapsed.plus(delay).compareTo(config.maxElapsedTime()) > 0) {
        if (failure != null) {
          earlier.forEach(failure::addSuppressed);
          throw failure;
        }
        return response;
      }
      if (failure != null) {
        earlier.add(failure);
      } else {
        response.close();
      }
      listener.retrying(attempt, response == null ? -1 : response.status(), failure, delay);
      sleeper.sleep(delay);
    }
  }

  /** Null when the outcome is final; otherwise how long to wait before the next attempt. */
  private Duration retryDelay(RetryConfig config, int attempt, RawResponse response, IOException failure) {
    if (attempt >= config.maxAttempts()) return null;
    if (failure != null && !config.retryConnectionErrors()) return null;
    if (response != null && !config.retriesStatus(response.status())) return null;
    Duration backoff = config.backoff(attempt - 1, jitter.getAsDouble());
    if (response == null) return backoff;
    return serverRequestedDelay(response.headers())
        .map(d -> d.compareTo(config.maxInterval()) > 0 ? config.maxInterval() : d)
        .orElse(backoff);
  }

  Optional<Duration> serverRequestedDelay(HttpHeaders headers) {
    Optional<String> ms = headers.firstValue("retry-after-ms");
    if (ms.isPresent()) {
      try {
        double v = Double.parseDouble(ms.get().trim());
        if (v >= 0) return Optional.of(Duration.ofMillis((long) v));
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    Optional<String> after = headers.firstValue("retry-after");
    if (after.isEmpty()) return Optional.empty();
    String value = after.get().trim();
    try {
      double seconds = Double.parseDouble(value);
      return seconds >= 0 ? Optional.of(Duration.ofMillis((long) (seconds * 1000))) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(wallClock.get(), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
