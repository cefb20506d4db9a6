package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import dev.openrouter4j.api.models.ModelEndpoints;
import dev.openrouter4j.api.models.PublicEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code endpoints}: the providers serving a model ({@code GET /models/{author}/{slug}/endpoints})
 * and the zero-data-retention endpoints ({@code GET /endpoints/zdr}).
 */
public final class EndpointsService {
  private static final JavaType MODEL_ENDPOINTS = Calls.data(ModelEndpoints.class);
  private static final JavaType ENDPOINTS = Calls.dataList(PublicEndpoint.class);

  private final Calls calls;

  EndpointsService(Calls calls) {
    this.calls = calls;
  }

  /** A model and its endpoints, e.g. {@code list("openai", "gpt-4")}. */
  public ModelEndpoints list(String author, String slug) {
    return list(author, slug, RequestOptions.none());
  }

  public ModelEndpoints list(String author, String slug, RequestOptions options) {
    String path = "models/" + Calls.segment("author", author) + "/" + Calls.segment("slug", slug) + "/endpoints";
    return calls.data("GET", path, Map.of(), null, MODEL_ENDPOINTS, options);
  }

  public CompletableFuture<ModelEndpoints> listAsync(String author, String slug) {
    return listAsync(author, slug, RequestOptions.none());
  }

  public CompletableFuture<ModelEndpoints> listAsync(String author, String slug, RequestOptions options) {
    return calls.async(() -> list(author, slug, options));
  }

  /** The endpoints with zero data retention. */
  public List<PublicEndpoint> listZdr() {
    return listZdr(RequestOptions.none());
  }

  public List<PublicEndpoint> listZdr(RequestOptions options) {
    return calls.data("GET", "endpoints/zdr", Map.of(), null, ENDPOINTS, options);
  }

  public CompletableFuture<List<PublicEndpoint>> listZdrAsync() {
    return listZdrAsync(RequestOptions.none());
  }

  public CompletableFuture<List<PublicEndpoint>> listZdrAsync(RequestOptions options) {
    return calls.async(() -> listZdr(options));
  }
}
