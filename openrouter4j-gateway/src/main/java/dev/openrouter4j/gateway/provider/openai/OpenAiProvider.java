package dev.openrouter4j.gateway.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.event.LlmEvent;
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
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any OpenAI-compatible chat completions server (OpenAI, Groq, Together, vLLM, llama.cpp, Ollama's
 * /v1), and, with {@code forwardRouting}, OpenRouter itself. Fields only OpenRouter understands are
 * removed for a plain OpenAI-compatible server, which would refuse them; for OpenRouter the
 * provider preferences and plugins are passed through.
 */
public final class OpenAiProvider implements Provider {
  /** OpenRouter-only request fields that a plain OpenAI-compatible server rejects. */
  static final Set<String> OPENROUTER_ONLY =
      Set.of("models", "provider", "plugins", "route", "session_id", "trace", "debug", "stop_server_tools_when",
          "cache_control", "prompt_cache_options", "image_config", "transforms", "usage", "reasoning");
  /** Routing is the gateway's; OpenRouter gets the client's provider preferences and plugins only. */
  static final Set<String> NOT_FORWARDED_TO_OPENROUTER = Set.of("models", "route");

  private final ProviderConfig config;
  private final boolean forwardRouting;
  private final HttpClient client;
  private final URI base;

  public OpenAiProvider(Vertx vertx, ProviderConfig config, boolean forwardRouting) {
    this.config = config;
    this.forwardRouting = forwardRouting;
    String baseUrl = config.baseUrl() != null ? config.baseUrl() : forwardRouting ? "https://openrouter.ai/api/v1" : "https://api.openai.com/v1";
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    boolean tls = "https".equalsIgnoreCase(base.getScheme());
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setSsl(tls)
                .setTrustAll(false)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout(10_000)
                .setIdleTimeout(0),
            // one connection per open stream: the pool must not cap how many streams run at once
            new PoolOptions().setHttp1MaxSize(16_384));
  }

  @Override
  public ProviderConfig config() {
    return config;
  }

  @Override
  public Future<UpstreamCall> open(UpstreamRequest request) {
    Buffer body = Buffer.buffer(body(request));
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(base.resolve("chat/completions").toString())
            .setIdleTimeout(config.timeoutMs())
            .putHeader("content-type", "application/json")
            .putHeader("accept", request.stream() ? "text/event-stream" : "application/json");
    if (config.apiKey() != null && !config.apiKey().isBlank()) {
      options.putHeader("authorization", "Bearer " + config.apiKey());
    }
    if (forwardRouting) {
      for (Map.Entry<String, String> h : request.headers().entrySet()) options.putHeader(h.getKey(), h.getValue());
    }
    return UpstreamHttp.send(client, options, body, request.abandoned())
        .compose(
            response -> {
              if (request.stream() && response.getHeader("content-type") != null && response.getHeader("content-type").contains("event-stream")) {
                return Future.succeededFuture(new SseUpstreamCall(response, new ChatChunkDecoder()));
              }
              // a non-streaming answer (or an upstream that ignored stream:true): read it whole
              response.resume();
              return response
                  .body()
                  .recover(t -> Future.failedFuture(UpstreamHttp.classify(t)))
                  .compose(
                      bytes -> {
                        List<LlmEvent> events = new ArrayList<>();
                        try {
                          ChatChunkDecoder.decodeResult(bytes.getBytes(), events::add);
                        } catch (RuntimeException e) {
                          return Future.failedFuture(
                              new UpstreamException(502, "upstream answered with an invalid body: " + e.getMessage(), "provider_unavailable", true, -1, null));
                        }
                        return Future.succeededFuture(new BufferedUpstreamCall(events));
                      });
            });
  }

  /** The request as this upstream wants it: its model name, streaming with usage, unknown fields removed. */
  byte[] body(UpstreamRequest request) {
    ChatRequest r = request.request();
    ObjectNode json = Json.mapper().valueToTree(r);
    json.put("model", request.upstreamModel());
    json.put("stream", request.stream());
    if (request.stream()) {
      json.putObject("stream_options").put("include_usage", true);
    } else {
      json.remove("stream_options");
    }
    if (forwardRouting) {
      NOT_FORWARDED_TO_OPENROUTER.forEach(json::remove);
    } else {
      if (r.reasoning() != null && r.reasoning().effort() != null && r.reasoningEffort() == null) {
        json.set("reasoning_effort", Json.mapper().valueToTree(r.reasoning().effort()));
      }
      OPENROUTER_ONLY.forEach(json::remove);
    }
    try {
      return Json.mapper().writeValueAsBytes(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
