package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import dev.openrouter4j.api.QueryParams;
import dev.openrouter4j.api.embeddings.EmbeddingsRequest;
import dev.openrouter4j.api.embeddings.EmbeddingsResponse;
import dev.openrouter4j.api.models.ModelsList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code embeddings}: {@code POST /embeddings} and the embedding models ({@code GET /embeddings/models}). */
public final class EmbeddingsService {
  private static final JavaType RESPONSE = Calls.type(EmbeddingsResponse.class);
  private static final JavaType MODELS = Calls.type(ModelsList.class);

  private final Calls calls;

  EmbeddingsService(Calls calls) {
    this.calls = calls;
  }

  /** Embeds the request's input: one vector per input, in order. */
  public EmbeddingsResponse create(EmbeddingsRequest request) {
    return create(request, RequestOptions.none());
  }

  public EmbeddingsResponse create(EmbeddingsRequest request, RequestOptions options) {
    calls.require("model", request.model());
    calls.require("input", request.input());
    calls.atLeast("dimensions", request.dimensions(), 1);
    return calls.call("POST", "embeddings", Map.of(), request, RESPONSE, options);
  }

  public CompletableFuture<EmbeddingsResponse> createAsync(EmbeddingsRequest request) {
    return createAsync(request, RequestOptions.none());
  }

  public CompletableFuture<EmbeddingsResponse> createAsync(EmbeddingsRequest request, RequestOptions options) {
    return calls.async(() -> create(request, options));
  }

  /** All embedding models. */
  public ModelsList listModels() {
    return listModels(null, null, RequestOptions.none());
  }

  /** One page of them; both null for all. */
  public ModelsList listModels(Integer offset, Integer limit) {
    return listModels(offset, limit, RequestOptions.none());
  }

  public ModelsList listModels(Integer offset, Integer limit, RequestOptions options) {
    Map<String, String> query = new QueryParams().set("offset", offset).set("limit", limit).toMap();
    return calls.call("GET", "embeddings/models", query, null, MODELS, options);
  }

  public CompletableFuture<ModelsList> listModelsAsync() {
    return listModelsAsync(null, null, RequestOptions.none());
  }

  public CompletableFuture<ModelsList> listModelsAsync(Integer offset, Integer limit) {
    return listModelsAsync(offset, limit, RequestOptions.none());
  }

  public CompletableFuture<ModelsList> listModelsAsync(Integer offset, Integer limit, RequestOptions options) {
    return calls.async(() -> listModels(offset, limit, options));
  }
}
