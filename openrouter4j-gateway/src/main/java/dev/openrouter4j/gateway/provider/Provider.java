package dev.openrouter4j.gateway.provider;

import dev.openrouter4j.gateway.config.ProviderConfig;
import io.vertx.core.Future;

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

  /** Releases connections and timers. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
