package dev.openrouter4j;

import com.fasterxml.jackson.databind.JavaType;
import dev.openrouter4j.api.account.ApiKey;
import dev.openrouter4j.api.account.CreateKeyRequest;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.account.DeleteKeyResponse;
import dev.openrouter4j.api.account.KeyInfo;
import dev.openrouter4j.api.account.KeysListParams;
import dev.openrouter4j.api.account.UpdateKeyRequest;
import dev.openrouter4j.errors.ResponseDecodeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code apiKeys}: the key in use ({@code GET /key}) and, with a management key, the account's keys:
 * {@code GET /keys}, {@code POST /keys}, {@code GET, PATCH, DELETE /keys/{hash}}.
 */
public final class ApiKeysService {
  private static final JavaType KEY_INFO = Calls.data(KeyInfo.class);
  private static final JavaType KEYS = Calls.dataList(ApiKey.class);
  private static final JavaType KEY = Calls.data(ApiKey.class);
  private static final JavaType CREATED = Calls.type(CreateKeyResponse.class);
  private static final JavaType DELETED = Calls.type(DeleteKeyResponse.class);

  private final Calls calls;

  ApiKeysService(Calls calls) {
    this.calls = calls;
  }

  /** The key this client authenticates with: its limit, usage and kind. */
  public KeyInfo current() {
    return current(RequestOptions.none());
  }

  public KeyInfo current(RequestOptions options) {
    return calls.data("GET", "key", Map.of(), null, KEY_INFO, options);
  }

  public CompletableFuture<KeyInfo> currentAsync() {
    return currentAsync(RequestOptions.none());
  }

  public CompletableFuture<KeyInfo> currentAsync(RequestOptions options) {
    return calls.async(() -> current(options));
  }

  /** The account's enabled keys, first page. */
  public List<ApiKey> list() {
    return list(KeysListParams.none(), RequestOptions.none());
  }

  public List<ApiKey> list(KeysListParams params) {
    return list(params, RequestOptions.none());
  }

  public List<ApiKey> list(KeysListParams params, RequestOptions options) {
    return calls.data("GET", "keys", params.toQuery(), null, KEYS, options);
  }

  public CompletableFuture<List<ApiKey>> listAsync() {
    return listAsync(KeysListParams.none(), RequestOptions.none());
  }

  public CompletableFuture<List<ApiKey>> listAsync(KeysListParams params) {
    return listAsync(params, RequestOptions.none());
  }

  public CompletableFuture<List<ApiKey>> listAsync(KeysListParams params, RequestOptions options) {
    return calls.async(() -> list(params, options));
  }

  /** Creates a key. The secret is in {@link CreateKeyResponse#key()}, and only there: store it. */
  public CreateKeyResponse create(CreateKeyRequest request) {
    return create(request, RequestOptions.none());
  }

  public CreateKeyResponse create(CreateKeyRequest request, RequestOptions options) {
    calls.require("name", request.name());
    ApiResponse<CreateKeyResponse> response = calls.response("POST", "keys", Map.of(), request, CREATED, options);
    if (response.body().data() == null || response.body().key() == null) {
      throw new ResponseDecodeException(
          "response body is not in the documented shape: no \"data\" or \"key\"",
          response.statusCode(),
          response.rawBody(),
          null);
    }
    return response.body();
  }

  public CompletableFuture<CreateKeyResponse> createAsync(CreateKeyRequest request) {
    return createAsync(request, RequestOptions.none());
  }

  public CompletableFuture<CreateKeyResponse> createAsync(CreateKeyRequest request, RequestOptions options) {
    return calls.async(() -> create(request, options));
  }

  /** One key by its hash; {@code NotFoundException} when there is none. */
  public ApiKey get(String hash) {
    return get(hash, RequestOptions.none());
  }

  public ApiKey get(String hash, RequestOptions options) {
    return calls.data("GET", "keys/" + Calls.segment("hash", hash), Map.of(), null, KEY, options);
  }

  public CompletableFuture<ApiKey> getAsync(String hash) {
    return getAsync(hash, RequestOptions.none());
  }

  public CompletableFuture<ApiKey> getAsync(String hash, RequestOptions options) {
    return calls.async(() -> get(hash, options));
  }

  /** Changes what the request sets (name, disabled, limit, …) and returns the key as it now is. */
  public ApiKey update(String hash, UpdateKeyRequest request) {
    return update(hash, request, RequestOptions.none());
  }

  public ApiKey update(String hash, UpdateKeyRequest request, RequestOptions options) {
    return calls.data("PATCH", "keys/" + Calls.segment("hash", hash), Map.of(), request, KEY, options);
  }

  public CompletableFuture<ApiKey> updateAsync(String hash, UpdateKeyRequest request) {
    return updateAsync(hash, request, RequestOptions.none());
  }

  public CompletableFuture<ApiKey> updateAsync(String hash, UpdateKeyRequest request, RequestOptions options) {
    return calls.async(() -> update(hash, request, options));
  }

  /** Deletes a key; true when the server confirms it. */
  public boolean delete(String hash) {
    return delete(hash, RequestOptions.none());
  }

  public boolean delete(String hash, RequestOptions options) {
    DeleteKeyResponse response = calls.call("DELETE", "keys/" + Calls.segment("hash", hash), Map.of(), null, DELETED, options);
    return Boolean.TRUE.equals(response.deleted());
  }

  public CompletableFuture<Boolean> deleteAsync(String hash) {
    return deleteAsync(hash, RequestOptions.none());
  }

  public CompletableFuture<Boolean> deleteAsync(String hash, RequestOptions options) {
    return calls.async(() -> delete(hash, options));
  }
}
