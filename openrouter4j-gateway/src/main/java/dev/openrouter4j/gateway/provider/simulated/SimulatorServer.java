package dev.openrouter4j.gateway.provider.simulated;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.provider.EmbeddingsUpstreamRequest;
import dev.openrouter4j.gateway.provider.UpstreamException;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulated model as an OpenAI-compatible HTTP server, for benchmarks and fault tests across a
 * real socket ({@code openrouter4j simulate}). Serves {@code POST /v1/chat/completions} (JSON or
 * SSE), {@code POST /v1/embeddings} ({@link SimulatedEmbeddings}) and {@code GET /v1/models}, also without the {@code /v1} prefix. Answers come from a {@link
 * SimulatedProvider}, so the profile, the {@code x-simulate-*} headers and body keys, and the
 * answers themselves are the provider's; this class only speaks HTTP. Faults map to the wire: a
 * status fault is that status with OpenAI's error body, {@code timeout} never answers, {@code
 * cut_after} closes the connection mid-answer, {@code error_after} sends an error chunk (or a 502
 * when not streaming).
 *
 * <p>A stream always ends with a usage chunk ({@code choices: []}) before {@code data: [DONE]},
 * whatever {@code stream_options.include_usage} says, as OpenRouter does: clients that did not ask
 * for it skip it, and a gateway in front always gets its token counts.
 */
public final class SimulatorServer {
  /** The id {@code /v1/models} lists; any model name is accepted and echoed back. */
  public static final String MODEL_ID = "simulated";

  private static final Map<String, Object> MODELS = models();

  private final SimulatedProvider provider;

  private SimulatorServer(SimulatedProvider provider) {
    this.provider = provider;
  }

  /** Starts listening; port 0 picks a free port (see {@link HttpServer#actualPort()}). */
  public static Future<HttpServer> start(Vertx vertx, String host, int port, SimulationProfile profile) {
    dev.openrouter4j.gateway.http.OpenFilesPreload.run();
    // timeout_ms 0: a timeout fault never answers, leaving the timeout to the client under test
    ProviderConfig config = new ProviderConfig(MODEL_ID, "simulated", null, null, 0, null, false, profile.toOptions());
    SimulatorServer server = new SimulatorServer(new SimulatedProvider(vertx, config, profile));
    return vertx
        .createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(server::handle)
        .listen();
  }

  private void handle(HttpServerRequest request) {
    String path = request.path();
    if (path.startsWith("/v1/")) path = path.substring(3);
    switch (path) {
      case "/chat/completions" -> {
        if (request.method() != HttpMethod.POST) {
          error(request.response(), 405, "use POST for " + request.path(), "invalid_request");
        } else {
          request.body().onSuccess(body -> chat(request, body));
        }
      }
      case "/embeddings" -> {
        if (request.method() != HttpMethod.POST) {
          error(request.response(), 405, "use POST for " + request.path(), "invalid_request");
        } else {
          request.body().onSuccess(body -> embeddings(request, body));
        }
      }
      case "/models" -> {
        if (request.method() != HttpMethod.GET) {
          error(request.response(), 405, "use GET for " + request.path(), "invalid_request");
        } else {
          json(request.response(), 200, MODELS);
        }
      }
      default -> error(request.response(), 404, "no route for " + request.method() + " " + request.path(), "not_found");
    }
  }

  private void chat(HttpServerRequest request, Buffer body) {
    ChatRequest chat;
    try {
      chat = Json.mapper().readValue(body.getBytes(), ChatRequest.class);
    } catch (Exception e) {
      error(request.response(), 400, "invalid request body: " + e.getMessage(), "invalid_request");
      return;
    }
    if (chat == null || chat.messages() == null || chat.messages().isEmpty()) {
      error(request.response(), 400, "messages is required and must not be empty", "invalid_request");
      return;
    }
    boolean stream = Boolean.TRUE.equals(chat.stream());
    String model = chat.model() == null ? MODEL_ID : chat.model();
    provider
        .open(new UpstreamRequest(chat, model, null, stream, simulateHeaders(request)))
        .onSuccess(call -> new SimulatorExchange(request, call, stream, model).start())
        .onFailure(t -> {
          UpstreamException u =
              t instanceof UpstreamException e ? e : UpstreamException.unreachable(String.valueOf(t.getMessage()));
          if (!request.response().closed()) error(request.response(), u.status(), u.getMessage(), u.errorType());
        });
  }

  private void embeddings(HttpServerRequest request, Buffer body) {
    JsonNode tree = readTree(body);
    var problem = dev.openrouter4j.api.RequestLimits.check(tree, dev.openrouter4j.api.RequestLimits.Api.EMBEDDINGS);
    if (problem.isPresent()) {
      error(request.response(), 400, problem.get().toString(), "invalid_request");
      return;
    }
    String model = tree.path("model").asText();
    provider
        .embed(new EmbeddingsUpstreamRequest(body.getBytes(), model, null, Map.of(), null))
        .onSuccess(answer -> request.response().putHeader("content-type", "application/json").end(answer))
        .onFailure(t -> {
          UpstreamException u = t instanceof UpstreamException e ? e : UpstreamException.unreachable(String.valueOf(t.getMessage()));
          if (!request.response().closed()) error(request.response(), u.status(), u.getMessage(), u.errorType());
        });
  }

  private static JsonNode readTree(Buffer body) {
    try {
      return Json.mapper().readTree(body.getBytes());
    } catch (java.io.IOException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  private static Map<String, Object> models() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("id", MODEL_ID);
    model.put("object", "model");
    model.put("created", 0);
    model.put("owned_by", "openrouter4j");
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("object", "list");
    list.put("data", List.of(model));
    return list;
  }

  private static Map<String, String> simulateHeaders(HttpServerRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    request.headers().forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith(RequestOverrides.PREFIX)) out.put(lower, value);
    });
    return out;
  }

  /** OpenAI's error body, {@code {"error":{"message","type","param","code"}}}, with the status as code. */
  static void error(HttpServerResponse response, int status, String message, String type) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("type", type);
    error.put("param", null);
    error.put("code", status);
    json(response, status, Map.of("error", error));
  }

  private static void json(HttpServerResponse response, int status, Object body) {
    try {
      response.setStatusCode(status).putHeader("content-type", "application/json").end(Json.mapper().writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps must serialise", e);
    }
  }
}
