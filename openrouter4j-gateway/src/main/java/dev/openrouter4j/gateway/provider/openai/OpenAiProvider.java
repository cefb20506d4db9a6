package dev.openrouter4j.gateway.provider.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.event.LlmEvent;
import dev.openrouter4j.gateway.provider.BufferedUpstreamCall;
import dev.openrouter4j.gateway.provider.EmbeddingsUpstreamRequest;
import dev.openrouter4j.gateway.provider.EventLoopClients;
import dev.openrouter4j.gateway.provider.Provider;
import dev.openrouter4j.gateway.provider.SseUpstreamCall;
import dev.openrouter4j.gateway.provider.UpstreamCall;
import dev.openrouter4j.gateway.provider.UpstreamException;
import dev.openrouter4j.gateway.provider.UpstreamHttp;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Any OpenAI-compatible chat completions server (OpenAI, Groq, Together, vLLM, llama.cpp, Ollama's
 * /v1), and, with {@code forwardRouting}, OpenRouter itself. Fields only OpenRouter understands are
 * removed for a plain OpenAI-compatible server, which would refuse them; for OpenRouter the
 * provider preferences and plugins are passed through.
 *
 * <p>When the upstream also serves the Responses API ({@link ProviderConfig#responses()}) and the
 * client speaks it ({@link UpstreamRequest#responses()}), the client's Responses request goes to
 * {@code {base_url}/responses} as it is, under the same field rules, instead of the canonical chat
 * request to {@code /chat/completions}; {@link ResponsesEventDecoder} reads the answer.
 *
 * <p>Embeddings go to {@code {base_url}/embeddings}, the client's request with the endpoint's model.
 */
public final class OpenAiProvider implements Provider {
  /** OpenRouter-only request fields that a plain OpenAI-compatible server rejects. */
  static final Set<String> OPENROUTER_ONLY =
      Set.of("models", "provider", "plugins", "route", "session_id", "trace", "debug", "stop_server_tools_when",
          "cache_control", "prompt_cache_options", "image_config", "transforms", "usage", "reasoning");
  /** Routing is the gateway's; OpenRouter gets the client's provider preferences and plugins only. */
  static final Set<String> NOT_FORWARDED_TO_OPENROUTER = Set.of("models", "route");
  /**
   * Top-level keys of a Responses request that no upstream gets as the client sent them: the
   * gateway's own state ({@code store}, {@code previous_response_id}, {@code background}; the
   * conversation is already in {@code input}), and what is written anew.
   */
  static final Set<String> RESPONSES_REPLACED = Set.of("model", "stream", "store", "previous_response_id", "background");

  private final ProviderConfig config;
  private final boolean forwardRouting;
  private final EventLoopClients clients;
  private final URI base;
  /** Where requests go, parsed once (RequestOptions.setAbsoluteURI parses its argument on every call). */
  private final RequestOptions target;
  /** {@code {base_url}/responses}, when the upstream serves the Responses API; else null. */
  private final RequestOptions responsesTarget;
  private final String authorization;
  /** Top-level keys of the canonical request that this upstream does not get as they are. */
  private final Set<String> removed;
  /** Top-level keys of the client's Responses request that this upstream does not get as they are. */
  private final Set<String> responsesRemoved;
  /** {@code {base_url}/embeddings}. */
  private final RequestOptions embeddingsTarget;
  /** Top-level keys of the client's embeddings request that this upstream does not get as they are. */
  private final Set<String> embeddingsRemoved;

  public OpenAiProvider(Vertx vertx, ProviderConfig config, boolean forwardRouting) {
    this.config = config;
    this.forwardRouting = forwardRouting;
    String baseUrl = config.baseUrl() != null ? config.baseUrl() : forwardRouting ? "https://openrouter.ai/api/v1" : "https://api.openai.com/v1";
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    boolean tls = "https".equalsIgnoreCase(base.getScheme());
    this.target = new RequestOptions().setAbsoluteURI(base.resolve("chat/completions").toString());
    this.authorization = config.apiKey() != null && !config.apiKey().isBlank() ? "Bearer " + config.apiKey() : null;
    Set<String> removed = new java.util.HashSet<>(Set.of("model", "stream", "stream_options"));
    removed.addAll(forwardRouting ? NOT_FORWARDED_TO_OPENROUTER : OPENROUTER_ONLY);
    this.removed = Set.copyOf(removed);
    this.embeddingsTarget = new RequestOptions().setAbsoluteURI(base.resolve("embeddings").toString());
    // input_type (query or document) is OpenRouter's, for the providers that tell the two apart; OpenAI refuses unknown keys
    this.embeddingsRemoved = forwardRouting ? Set.of("model") : Set.of("model", "provider", "input_type");
    this.responsesTarget = config.responses() ? new RequestOptions().setAbsoluteURI(base.resolve("responses").toString()) : null;
    // the chat rules, except that reasoning is a field of the Responses API itself
    Set<String> responsesRemoved = new java.util.HashSet<>(RESPONSES_REPLACED);
    responsesRemoved.addAll(forwardRouting ? NOT_FORWARDED_TO_OPENROUTER : OPENROUTER_ONLY);
    responsesRemoved.remove("reasoning");
    this.responsesRemoved = Set.copyOf(responsesRemoved);
    this.clients =
        new EventLoopClients(vertx,
            new HttpClientOptions()
                .setSsl(tls)
                .setTrustAll(false)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout(10_000)
                .setIdleTimeout(0));
  }

  @Override
  public ProviderConfig config() {
    return config;
  }

  /** Whether this attempt goes to {@code /responses}: the client speaks the Responses API and this upstream serves it. */
  boolean passesResponsesThrough(UpstreamRequest request) {
    return responsesTarget != null && request.responses() != null;
  }

  @Override
  public Future<UpstreamCall> open(UpstreamRequest request) {
    if (passesResponsesThrough(request)) return openResponses(request);
    Buffer body = Buffer.buffer(body(request));
    return UpstreamHttp.send(clients, options(target, request), body, request.abandoned())
        .compose(
            response -> {
              if (request.stream() && response.getHeader("content-type") != null && response.getHeader("content-type").contains("event-stream")) {
                if (request.chatRelay() != null) return Future.succeededFuture(new ChatRelayCall(response, new ChatRelay(request.chatRelay())));
                return Future.succeededFuture(new SseUpstreamCall(response, new ChatChunkDecoder()));
              }
              // a non-streaming answer (or an upstream that ignored stream:true): read it whole
              response.resume();
              return response
                  .body()
                  .recover(t -> Future.failedFuture(UpstreamHttp.classify(t)))
                  .compose(
                      bytes -> {
                        if (request.chatRelay() != null && !request.stream()) {
                          ChatCompletionRelay.Relayed relayed = ChatCompletionRelay.relay(bytes.getBytes(), request.chatRelay());
                          if (relayed != null) return Future.succeededFuture(new RelayedCompletionCall(relayed));
                        }
                        return decodeWhole(bytes, ChatChunkDecoder::decodeResult);
                      });
            });
  }

  private RequestOptions options(RequestOptions target, UpstreamRequest request) {
    return options(target, request.stream(), request.headers());
  }

  private RequestOptions options(RequestOptions target, boolean stream, Map<String, String> headers) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setSsl(target.isSsl())
            .setHost(target.getHost())
            .setPort(target.getPort())
            .setURI(target.getURI())
            .setIdleTimeout(config.timeoutMs())
            .putHeader("content-type", "application/json")
            .putHeader("accept", stream ? "text/event-stream" : "application/json");
    if (authorization != null) options.putHeader("authorization", authorization);
    if (forwardRouting) {
      for (Map.Entry<String, String> h : headers.entrySet()) options.putHeader(h.getKey(), h.getValue());
    }
    return options;
  }

  /**
   * The pass-through: the client's Responses request to {@code /responses}, streamed when the client
   * streams (the stream, or a whole response, decoded into canonical events either way).
   */
  private Future<UpstreamCall> openResponses(UpstreamRequest request) {
    Buffer body = Buffer.buffer(responsesBody(request));
    return UpstreamHttp.send(clients, options(responsesTarget, request), body, request.abandoned())
        .compose(
            response -> {
              String type = response.getHeader("content-type");
              if (type != null && type.contains("event-stream")) return Future.succeededFuture(new SseUpstreamCall(response, new ResponsesEventDecoder()));
              response.resume();
              return response
                  .body()
                  .recover(t -> Future.failedFuture(UpstreamHttp.classify(t)))
                  .compose(bytes -> decodeWhole(bytes, ResponsesEventDecoder::decodeResponse));
            });
  }

  @Override
  public boolean servesEmbeddings() {
    return true;
  }

  /** {@code {base_url}/embeddings}: the client's request with this endpoint's model; the answer whole. */
  @Override
  public Future<Buffer> embed(EmbeddingsUpstreamRequest request) {
    Buffer body = Buffer.buffer(embeddingsBody(request));
    return UpstreamHttp.send(clients, options(embeddingsTarget, false, request.headers()), body, request.abandoned())
        .compose(response -> {
          response.resume();
          return response.body().recover(t -> Future.failedFuture(UpstreamHttp.classify(t)));
        });
  }

  /**
   * The client's embeddings request as this upstream gets it: the endpoint's model first, then every
   * other key as the client sent it, except OpenRouter's own ({@code provider}, {@code input_type})
   * for a plain OpenAI-compatible server (OpenRouter gets them).
   */
  byte[] embeddingsBody(EmbeddingsUpstreamRequest request) {
    return withModel(request.body(), request.upstreamModel(), embeddingsRemoved, g -> {});
  }

  /** A whole answer decoded by {@code decoder}; a body it cannot read is the upstream's fault (502, retryable). */
  private static Future<UpstreamCall> decodeWhole(Buffer bytes, BiConsumer<byte[], Consumer<LlmEvent>> decoder) {
    List<LlmEvent> events = new ArrayList<>();
    try {
      decoder.accept(bytes.getBytes(), events::add);
    } catch (RuntimeException e) {
      return Future.failedFuture(
          new UpstreamException(502, "upstream answered with an invalid body: " + e.getMessage(), "provider_unavailable", true, -1, null));
    }
    return Future.succeededFuture(new BufferedUpstreamCall(events));
  }

  /**
   * The client's Responses request as this upstream gets it: the endpoint's model, {@code stream} as
   * the client asked, {@code store: false} (the gateway keeps the responses; the upstream holds none
   * of ours, so {@code previous_response_id}'s conversation is already in {@code input}), and the
   * keys this kind must not get left out, as for chat. Every other key, known to the wire model or
   * not, goes as the client sent it.
   */
  byte[] responsesBody(UpstreamRequest request) {
    try {
      return withModel(Json.mapper().writeValueAsBytes(request.responses()), request.upstreamModel(), responsesRemoved, g -> {
        g.writeBooleanField("stream", request.stream());
        g.writeBooleanField("store", false);
      });
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the keys a rewritten request ends with. */
  private interface Tail {
    void write(JsonGenerator g) throws java.io.IOException;
  }

  /**
   * The client's request object {@code json} as this upstream gets it: {@code model} first, then
   * every key but {@code removed} as the client sent it, token by token, then what {@code tail} writes.
   */
  private static byte[] withModel(byte[] json, String model, Set<String> removed, Tail tail) {
    try {
      ByteArrayBuilder out = new ByteArrayBuilder(json.length + 64);
      JsonFactory factory = Json.mapper().getFactory();
      try (JsonParser p = factory.createParser(json); JsonGenerator g = factory.createGenerator(out)) {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalStateException("a request is an object");
        g.writeStartObject();
        g.writeStringField("model", model);
        copyFieldsExcept(p, g, removed);
        tail.write(g);
        g.writeEndObject();
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The request as this upstream wants it: its model name, streaming with usage, unknown fields
   * removed. The canonical request is written once, then its top-level keys are copied token by
   * token, leaving out those this upstream must not get and adding the replacements at the end
   * (cheaper than building and editing a JSON tree).
   */
  byte[] body(UpstreamRequest request) {
    ChatRequest r = request.request();
    try {
      byte[] canonical = Json.mapper().writeValueAsBytes(r);
      ByteArrayBuilder out = new ByteArrayBuilder(canonical.length + 64);
      JsonFactory factory = Json.mapper().getFactory();
      try (JsonParser p = factory.createParser(canonical); JsonGenerator g = factory.createGenerator(out)) {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalStateException("a request is an object");
        g.writeStartObject();
        copyFieldsExcept(p, g, removed);
        g.writeStringField("model", request.upstreamModel());
        g.writeBooleanField("stream", request.stream());
        if (request.stream()) {
          g.writeObjectFieldStart("stream_options");
          g.writeBooleanField("include_usage", true);
          g.writeEndObject();
        }
        if (!forwardRouting && r.reasoning() != null && r.reasoning().effort() != null && r.reasoningEffort() == null) {
          g.writeFieldName("reasoning_effort");
          Json.mapper().writeValue(g, r.reasoning().effort());
        }
        g.writeEndObject();
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies the rest of the object {@code p} is in to {@code g}, token by token, leaving out the {@code removed} keys. */
  private static void copyFieldsExcept(JsonParser p, JsonGenerator g, Set<String> removed) throws java.io.IOException {
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      if (removed.contains(name)) {
        p.skipChildren();
      } else {
        g.writeFieldName(name);
        g.copyCurrentStructure(p);
      }
    }
  }

  @Override
  public Future<Void> close() {
    return clients.close();
  }
}
