package dev.openrouter4j.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.provider.BufferedUpstreamCall;
import dev.openrouter4j.gateway.provider.Provider;
import dev.openrouter4j.gateway.provider.SseUpstreamCall;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import dev.openrouter4j.gateway.provider.UpstreamException;
import dev.openrouter4j.gateway.provider.UpstreamHttp;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import dev.openrouter4j.gateway.provider.EventLoopClients;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;

/**
 * The {@code anthropic} kind: Anthropic's Messages API ({@code POST /v1/messages}). Requests are
 * translated by {@link AnthropicRequestTranslator}; streams are decoded by {@link
 * AnthropicSseDecoder}, complete answers by {@link AnthropicMessageDecoder}. HTTP errors (including
 * Anthropic's 529 "overloaded") are classified by {@link UpstreamHttp}.
 */
public final class AnthropicProvider implements Provider {
  static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
  static final String API_VERSION = "2023-06-01";

  private final ProviderConfig config;
  private final EventLoopClients clients;
  private final String messagesUrl;

  public AnthropicProvider(Vertx vertx, ProviderConfig config) {
    this.config = config;
    this.messagesUrl = messagesUrl(config.baseUrl());
    // Idle, not total: a long answer may stream for minutes, but a silent upstream is a dead one.
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, config.timeoutMs()))
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    this.clients = new EventLoopClients(vertx, options);
  }

  /** {@code base_url} may be the host ({@code https://api.anthropic.com}) or end in {@code /v1}. */
  static String messagesUrl(String baseUrl) {
    String base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
    while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
    return base.endsWith("/v1") ? base + "/messages" : base + "/v1/messages";
  }

  @Override
  public ProviderConfig config() {
    return config;
  }

  @Override
  public Future<UpstreamCall> open(UpstreamRequest request) {
    Buffer body;
    try {
      body = Buffer.buffer(AnthropicRequestTranslator.translate(request).toString());
    } catch (UpstreamException e) {
      return Future.failedFuture(e);
    }
    Future<HttpClientResponse> sent = UpstreamHttp.send(clients, requestOptions(request.stream()), body);
    boolean structured = AnthropicRequestTranslator.structured(request.request());
    if (request.stream()) return sent.map(response -> new SseUpstreamCall(response, new AnthropicSseDecoder(structured)));
    return sent.compose(response -> {
      Future<Buffer> whole = response.body();
      response.resume(); // send() hands the response over paused
      return whole;
    }).compose(whole -> decodeMessage(whole, structured));
  }

  private RequestOptions requestOptions(boolean stream) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(messagesUrl)
            .setIdleTimeout(config.timeoutMs())
            .putHeader("content-type", "application/json")
            .putHeader("accept", stream ? "text/event-stream" : "application/json")
            .putHeader("anthropic-version", API_VERSION);
    if (config.apiKey() != null) options.putHeader("x-api-key", config.apiKey());
    return options;
  }

  private static Future<UpstreamCall> decodeMessage(Buffer body, boolean structured) {
    JsonNode message;
    try {
      message = Json.mapper().readTree(body.toString());
    } catch (Exception e) {
      return Future.failedFuture(UpstreamException.unreachable("Anthropic answered with invalid JSON: " + e.getMessage()));
    }
    if (message == null || !message.isObject()) {
      return Future.failedFuture(UpstreamException.unreachable("Anthropic answered with an empty body"));
    }
    if ("error".equals(message.path("type").asText())) return Future.failedFuture(AnthropicErrors.exception(message));
    return Future.succeededFuture(new BufferedUpstreamCall(AnthropicMessageDecoder.decode(message, structured)));
  }

  @Override
  public Future<Void> close() {
    return clients.close();
  }
}
