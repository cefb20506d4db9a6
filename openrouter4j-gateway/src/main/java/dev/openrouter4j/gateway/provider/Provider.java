package dev.openrouter4j.gateway.provider;

import dev.openrouter4j.gateway.config.ProviderConfig;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * One upstream account, behind which a kind-specific adapter speaks the upstream's wire format.
 * Adding a provider kind means one package with one implementation of this, registered in {@link
 * Providers}.
 */
public interface Provider {
  ProviderConfig config();

  /**
   * Sends one attempt. The future succeeds once the upstream has accepted the request (a 2xx status);
   * events then flow through the returned call. It fails with an {@link UpstreamException} when the
   * upstream refused, timed out or could not be reached, which is when routing may fall back.
   */
  Future<UpstreamCall> open(UpstreamRequest request);

  /** Whether this kind serves embeddings ({@link #embed}); routing skips the endpoints of one that does not. */
  default boolean servesEmbeddings() {
    return false;
  }

  /**
   * Sends one embeddings attempt. The future succeeds with the upstream's whole answer in the
   * OpenAI embeddings format ({@code {"object":"list","data":[…],"usage":{…}}}), and fails as
   * {@link #open} does.
   */
  default Future<Buffer> embed(EmbeddingsUpstreamRequest request) {
    return Future.failedFuture(UpstreamException.fromStatus(400, "provider " + config().id() + " (kind " + config().kind() + ") does not serve embeddings", -1));
  }

  /** Releases connections and timers. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
