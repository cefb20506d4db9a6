package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import dev.openrouter4j.api.models.ProviderInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code providers}: {@code GET /providers}, the providers OpenRouter routes to. */
public final class ProvidersService {
  private static final JavaType PROVIDERS = Calls.dataList(ProviderInfo.class);

  private final Calls calls;

  ProvidersService(Calls calls) {
    this.calls = calls;
  }

  public List<ProviderInfo> list() {
    return list(RequestOptions.none());
  }

  public List<ProviderInfo> list(RequestOptions options) {
    return calls.data("GET", "providers", Map.of(), null, PROVIDERS, options);
  }

  public CompletableFuture<List<ProviderInfo>> listAsync() {
    return listAsync(RequestOptions.none());
  }

  public CompletableFuture<List<ProviderInfo>> listAsync(RequestOptions options) {
    return calls.async(() -> list(options));
  }
}
