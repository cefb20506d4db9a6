package dev.openrouter4j.gateway.routing;

import static java.util.Objects.requireNonNull;

import dev.openrouter4j.gateway.config.EndpointConfig;
import dev.openrouter4j.gateway.config.ModelConfig;
import dev.openrouter4j.gateway.config.ProviderConfig;

/**
 * One endpoint the router may try: a requested model served by one provider.
 *
 * @param model the model id the client asked for, without a routing suffix ({@code :nitro}, {@code
 *     :floor}); stickiness is keyed by it
 * @param modelConfig the config entry that matched {@code model} (an exact id or a pattern)
 * @param upstreamModel the name sent upstream: the endpoint's {@code upstream_model}, else the part a
 *     wildcard matched, else {@code model}
 */
public record Candidate(
    String model,
    ModelConfig modelConfig,
    EndpointConfig endpoint,
    ProviderConfig provider,
    String upstreamModel) {

  public Candidate {
    requireNonNull(model, "model == null");
    requireNonNull(modelConfig, "modelConfig == null");
    requireNonNull(endpoint, "endpoint == null");
    requireNonNull(provider, "provider == null");
    requireNonNull(upstreamModel, "upstreamModel == null");
  }

  /** The candidate for {@code model} served by {@code endpoint} of {@code modelConfig}. */
  static Candidate of(String model, ModelConfig modelConfig, EndpointConfig endpoint, ProviderConfig provider) {
    String upstream = endpoint.upstreamModel() != null ? endpoint.upstreamModel() : modelConfig.match(model);
    return new Candidate(model, modelConfig, endpoint, provider, upstream);
  }

  public String providerId() {
    return provider.id();
  }

  /**
   * Identifies this endpoint in {@link EndpointStats} and {@link StickyRoutes}. It names the config
   * entry rather than the requested id so that all ids a pattern serves through one upstream model
   * share their history, and names the upstream model so that different models behind one pattern
   * do not.
   */
  public String endpointKey() {
    return provider.id() + "|" + modelConfig.id() + "|" + upstreamModel;
  }

  /** Prompt plus completion price, USD per million tokens: what {@code sort: price} and load balancing compare. */
  public double tokenPrice() {
    return endpoint.pricing().prompt() + endpoint.pricing().completion();
  }
}
