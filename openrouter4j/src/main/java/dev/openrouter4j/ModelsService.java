package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import dev.openrouter4j.api.QueryParams;
import dev.openrouter4j.api.models.Model;
import dev.openrouter4j.api.models.ModelsCount;
import dev.openrouter4j.api.models.ModelsList;
import dev.openrouter4j.api.models.ModelsListParams;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code models}: the catalogue. {@code GET /models} (filtered), {@code GET /model/{author}/{slug}},
 * {@code GET /models/count} and {@code GET /models/user} (the models your settings allow).
 */
public final class ModelsService {
  private static final JavaType LIST = Calls.type(ModelsList.class);
  private static final JavaType MODEL = Calls.data(Model.class);
  private static final JavaType COUNT = Calls.data(ModelsCount.class);

  private final Calls calls;

  ModelsService(Calls calls) {
    this.calls = calls;
  }

  /** All models (the server's default output modality, text). */
  public ModelsList list() {
    return list(ModelsListParams.none(), RequestOptions.none());
  }

  public ModelsList list(ModelsListParams params) {
    return list(params, RequestOptions.none());
  }

  public ModelsList list(ModelsListParams params, RequestOptions options) {
    return calls.call("GET", "models", params.toQuery(), null, LIST, options);
  }

  public CompletableFuture<ModelsList> listAsync() {
    return listAsync(ModelsListParams.none(), RequestOptions.none());
  }

  public CompletableFuture<ModelsList> listAsync(ModelsListParams params) {
    return listAsync(params, RequestOptions.none());
  }

  public CompletableFuture<ModelsList> listAsync(ModelsListParams params, RequestOptions options) {
    return calls.async(() -> list(params, options));
  }

  /** One model, e.g. {@code get("openai", "gpt-4")}. */
  public Model get(String author, String slug) {
    return get(author, slug, RequestOptions.none());
  }

  public Model get(String author, String slug, RequestOptions options) {
    String path = "model/" + Calls.segment("author", author) + "/" + Calls.segment("slug", slug);
    return calls.data("GET", path, Map.of(), null, MODEL, options);
  }

  public CompletableFuture<Model> getAsync(String author, String slug) {
    return getAsync(author, slug, RequestOptions.none());
  }

  public CompletableFuture<Model> getAsync(String author, String slug, RequestOptions options) {
    return calls.async(() -> get(author, slug, options));
  }

  /** How many models there are (with the server's default output modality, text). */
  public int count() {
    return count(null, RequestOptions.none());
  }

  /**
   * How many models have these output modalities: comma-separated ({@code text,image}) or
   * {@code all}; null for the server's default.
   */
  public int count(String outputModalities) {
    return count(outputModalities, RequestOptions.none());
  }

  public int count(String outputModalities, RequestOptions options) {
    Map<String, String> query = new QueryParams().set("output_modalities", outputModalities).toMap();
    return calls.<ModelsCount, Integer>data("GET", "models/count", query, null, COUNT, options, "data.count", ModelsCount::count);
  }

  public CompletableFuture<Integer> countAsync() {
    return countAsync(null, RequestOptions.none());
  }

  public CompletableFuture<Integer> countAsync(String outputModalities) {
    return countAsync(outputModalities, RequestOptions.none());
  }

  public CompletableFuture<Integer> countAsync(String outputModalities, RequestOptions options) {
    return calls.async(() -> count(outputModalities, options));
  }

  /** The models your account's provider and privacy settings allow. */
  public ModelsList listForUser() {
    return listForUser(null, null, RequestOptions.none());
  }

  /** One page of them; both null for all. */
  public ModelsList listForUser(Integer offset, Integer limit) {
    return listForUser(offset, limit, RequestOptions.none());
  }

  public ModelsList listForUser(Integer offset, Integer limit, RequestOptions options) {
    Map<String, String> query = new QueryParams().set("offset", offset).set("limit", limit).toMap();
    return calls.call("GET", "models/user", query, null, LIST, options);
  }

  public CompletableFuture<ModelsList> listForUserAsync() {
    return listForUserAsync(null, null, RequestOptions.none());
  }

  public CompletableFuture<ModelsList> listForUserAsync(Integer offset, Integer limit) {
    return listForUserAsync(offset, limit, RequestOptions.none());
  }

  public CompletableFuture<ModelsList> listForUserAsync(Integer offset, Integer limit, RequestOptions options) {
    return calls.async(() -> listForUser(offset, limit, options));
  }
}
