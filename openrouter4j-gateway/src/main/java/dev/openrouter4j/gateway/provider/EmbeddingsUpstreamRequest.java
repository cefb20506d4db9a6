package dev.openrouter4j.gateway.provider;

import dev.openrouter4j.gateway.config.EndpointConfig;
import io.vertx.core.Future;
import java.util.Map;

/**
 * One embeddings attempt at one endpoint. {@code body} is the client's request JSON as it came
 * (validated): an adapter sends it on with {@code upstreamModel} as its model and the fields its
 * upstream must not get left out. {@code headers} and {@code abandoned} are as in {@link
 * UpstreamRequest}.
 */
public record EmbeddingsUpstreamRequest(byte[] body, String upstreamModel, EndpointConfig endpoint, Map<String, String> headers, Future<Void> abandoned) {
  public EmbeddingsUpstreamRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    abandoned = abandoned == null ? Future.future(p -> {}) : abandoned;
  }
}
