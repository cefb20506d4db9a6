package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import dev.openrouter4j.api.rerank.RerankRequest;
import dev.openrouter4j.api.rerank.RerankResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code rerank}: {@code POST /rerank}, documents ordered by relevance to a query. */
public final class RerankService {
  private static final JavaType RESPONSE = Calls.type(RerankResponse.class);

  private final Calls calls;

  RerankService(Calls calls) {
    this.calls = calls;
  }

  public RerankResponse rerank(RerankRequest request) {
    return rerank(request, RequestOptions.none());
  }

  public RerankResponse rerank(RerankRequest request, RequestOptions options) {
    calls.require("model", request.model());
    calls.require("query", request.query());
    calls.require("documents", request.documents());
    calls.atLeast("top_n", request.topN(), 1);
    return calls.call("POST", "rerank", Map.of(), request, RESPONSE, options);
  }

  public CompletableFuture<RerankResponse> rerankAsync(RerankRequest request) {
    return rerankAsync(request, RequestOptions.none());
  }

  public CompletableFuture<RerankResponse> rerankAsync(RerankRequest request, RequestOptions options) {
    return calls.async(() -> rerank(request, options));
  }
}
