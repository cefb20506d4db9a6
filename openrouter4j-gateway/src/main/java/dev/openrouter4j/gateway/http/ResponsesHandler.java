package dev.openrouter4j.gateway.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.gateway.responses.ResponseState;
import dev.openrouter4j.gateway.responses.StoredItems;
import dev.openrouter4j.gateway.store.ResponseStore;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * The stored responses, by id, for the key that made them (the Open Responses specification defines
 * only their creation; these follow OpenAI's Responses API): {@code GET /responses/{id}}, {@code
 * DELETE /responses/{id}}, {@code GET /responses/{id}/input_items} ({@code limit} 1–100, default 20;
 * {@code order} asc or desc, default desc; {@code after} an item id) and {@code POST
 * /responses/{id}/cancel} (background runs). Another key's response is answered 404, as an unknown
 * one is; in local open mode every caller is the one owner {@link Authenticator#LOCAL}. The
 * management key makes no responses and reads none (403). Every store call runs on a worker.
 */
public final class ResponsesHandler {
  private final Authenticator auth;
  private final ResponseState state;

  public ResponsesHandler(Authenticator auth, ResponseState state) {
    this.auth = auth;
    this.state = state;
  }

  public void get(HttpServerRequest req) {
    owner(req, (id, key) -> {
      if ("true".equalsIgnoreCase(req.getParam("stream"))) {
        throw ApiError.invalidField("stream", "streaming a stored response again is not supported: GET it without stream");
      }
      return state.blocking(() -> store().find(id, key)).map(row -> row.orElseThrow(() -> notFound(id)).response());
    });
  }

  public void delete(HttpServerRequest req) {
    owner(req, (id, key) -> state.blocking(() -> store().delete(id, key)).map(deleted -> {
      if (!deleted) throw notFound(id);
      state.cancelLocally(id); // a run still going here stops; elsewhere its heartbeat finds the row gone
      ObjectNode body = Json.mapper().createObjectNode();
      body.put("id", id).put("object", "response.deleted").put("deleted", true);
      return body.toString();
    }));
  }

  public void inputItems(HttpServerRequest req) {
    owner(req, (id, key) -> {
      int limit = limit(req.getParam("limit"));
      String order = req.getParam("order");
      if (order != null && !order.equals("asc") && !order.equals("desc")) throw ApiError.invalidField("order", "must be asc or desc");
      String after = req.getParam("after");
      return state.blocking(() -> store().find(id, key)).map(row -> {
        ObjectNode page = StoredItems.page(row.orElseThrow(() -> notFound(id)).inputItems(), limit, "asc".equals(order), after);
        if (page == null) throw ApiError.invalidField("after", "names no input item of response " + id);
        return page.toString();
      });
    });
  }

  public void cancel(HttpServerRequest req) {
    owner(req, (id, key) -> state.blocking(() -> store().cancel(id, key)).map(outcome -> switch (outcome) {
      case ResponseStore.CancelOutcome.Cancelled c -> {
        state.cancelLocally(id);
        yield c.response();
      }
      case ResponseStore.CancelOutcome.NotCancellable n -> throw ApiError.badRequest(
          n.background()
              ? "Cannot cancel a response that is already " + n.status() + "."
              : "Only background responses can be cancelled; response " + id + " was not created with background: true.");
      case ResponseStore.CancelOutcome.Missing m -> throw notFound(id);
    }));
  }

  private ResponseStore store() {
    return state.store();
  }

  /** Authenticates, finds the id in the path ({@code /responses/{id}[/...]}) and answers what {@code work} gives (JSON text). */
  private void owner(HttpServerRequest req, java.util.function.BiFunction<String, String, Future<String>> work) {
    String id = idOf(GatewayServer.normalise(req.path()));
    auth.authenticate(req)
        .compose(caller -> {
          if (caller.isManagement()) {
            throw new ApiError(403, "A management key has no responses: use the API key that made it", Map.of("error_type", "forbidden"), -1);
          }
          if (id.isEmpty()) throw ApiError.invalidField("id", "is required");
          return work.apply(id, caller.keyHash());
        })
        .onComplete(ar -> {
          if (ar.failed()) {
            ApiError error = ar.cause() instanceof ApiError a ? a : new ApiError(500, "internal error: " + ar.cause().getMessage());
            error.send(req.response());
            return;
          }
          req.response().setStatusCode(200).putHeader("content-type", "application/json").end(ar.result());
        });
  }

  /** {@code /responses/{id}} or {@code /responses/{id}/input_items}: the id. */
  static String idOf(String path) {
    String rest = path.substring("/responses/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static int limit(String value) {
    if (value == null) return 20;
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= 100) return n;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiError.invalidField("limit", "must be a whole number from 1 to 100");
  }

  static ApiError notFound(String id) {
    return new ApiError(404, "Response with id '" + id + "' not found.", Map.of("error_type", "not_found"), -1);
  }
}
