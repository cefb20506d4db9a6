package dev.openrouter4j.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * Routes a request to its handler by method and path. The API is small and fixed, so a switch is
 * clearer (and cheaper) than a router library. {@code /v1/...} is accepted as well as {@code
 * /api/v1/...}, for OpenAI clients pointed at the bare host, and {@code /api/alpha/responses[/...]} as
 * well as {@code /api/v1/responses[/...]}.
 */
public final class GatewayServer implements Handler<HttpServerRequest> {
  /** OpenRouter's older path of the Responses API, still served there. */
  static final String ALPHA_RESPONSES = "/api/alpha/responses";

  /** The handlers, by route name: chat, responses, embeddings, models, embeddings_models, models_count, model, endpoints, providers, metrics, …. */
  private final Map<String, Handler<HttpServerRequest>> handlers;

  public GatewayServer(Map<String, Handler<HttpServerRequest>> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  @Override
  public void handle(HttpServerRequest request) {
    String path = request.path();
    if (path.equals("/health")) {
      request.response().putHeader("content-type", "application/json").end("{\"status\":\"ok\"}");
      return;
    }
    String route = route(request.method(), normalise(path));
    Handler<HttpServerRequest> handler = route == null ? null : handlers.get(route);
    if (handler == null) {
      boolean known = route != null || knownPath(normalise(path));
      new ApiError(known ? 405 : 404, known ? "method not allowed" : "no such route: " + path).send(request.response());
      return;
    }
    try {
      handler.handle(request);
    } catch (ApiError e) {
      e.send(request.response());
    } catch (RuntimeException e) {
      new ApiError(500, "internal error").send(request.response());
    }
  }

  static String normalise(String path) {
    if (path.equals(ALPHA_RESPONSES) || path.startsWith(ALPHA_RESPONSES + "/")) return path.substring("/api/alpha".length());
    if (path.startsWith("/api/v1/")) return path.substring(7);
    if (path.startsWith("/v1/")) return path.substring(3);
    return path;
  }

  static String route(HttpMethod method, String path) {
    if (method == HttpMethod.POST) {
      return switch (path) {
        case "/chat/completions" -> "chat";
        case "/responses" -> "responses";
        case "/embeddings" -> "embeddings";
        case "/keys" -> "keys_create";
        default -> path.startsWith("/responses/") && path.endsWith("/cancel") && segments(path) == 3 ? "response_cancel" : null;
      };
    }
    boolean keyByHash = path.startsWith("/keys/") && segments(path) == 2;
    boolean responseById = path.startsWith("/responses/") && segments(path) == 2;
    if (method == HttpMethod.PATCH) return keyByHash ? "key_update" : null;
    if (method == HttpMethod.DELETE) return keyByHash ? "key_delete" : responseById ? "response_delete" : null;
    if (method != HttpMethod.GET) return null;
    if (keyByHash) return "key_get";
    if (responseById) return "response_get";
    if (path.startsWith("/responses/") && path.endsWith("/input_items") && segments(path) == 3) return "response_input_items";
    switch (path) {
      case "/keys": return "keys_list";
      case "/key": return "key";
      case "/credits": return "credits";
      case "/generation": return "generation";
      case "/activity": return "activity";
      default: break;
    }
    if (path.equals("/metrics")) return "metrics";
    if (path.equals("/models")) return "models";
    if (path.equals("/embeddings/models")) return "embeddings_models";
    if (path.equals("/models/count")) return "models_count";
    if (path.equals("/providers")) return "providers";
    if (path.startsWith("/model/") && segments(path) == 3) return "model";
    if (path.startsWith("/models/") && path.endsWith("/endpoints") && segments(path) == 4) return "endpoints";
    return null;
  }

  private static boolean knownPath(String path) {
    return path.equals("/chat/completions") || path.equals("/responses") || path.startsWith("/responses/") || path.startsWith("/models") || path.equals("/providers")
        || path.equals("/keys") || path.startsWith("/keys/") || path.equals("/key") || path.equals("/credits") || path.equals("/generation")
        || path.equals("/activity") || path.equals("/embeddings") || path.equals("/embeddings/models");
  }

  private static int segments(String path) {
    return path.substring(1).split("/").length;
  }
}
