package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import dev.openrouter4j.api.account.Credits;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code credits}: {@code GET /credits} (a management key is required). */
public final class CreditsService {
  private static final JavaType CREDITS = Calls.data(Credits.class);

  private final Calls calls;

  CreditsService(Calls calls) {
    this.calls = calls;
  }

  /** Credits bought and used, in USD. */
  public Credits get() {
    return get(RequestOptions.none());
  }

  public Credits get(RequestOptions options) {
    return calls.data("GET", "credits", Map.of(), null, CREDITS, options);
  }

  public CompletableFuture<Credits> getAsync() {
    return getAsync(RequestOptions.none());
  }

  public CompletableFuture<Credits> getAsync(RequestOptions options) {
    return calls.async(() -> get(options));
  }
}
