package dev.openrouter4j.gateway.config;

import java.util.List;

/**
 * {@code models[].endpoints[]}: one provider serving one model. {@code upstreamModel} null means
 * "the model id" (or the wildcard's match). {@code supports} lists the request features this endpoint
 * honours ({@code tools}, {@code response_format}, {@code reasoning}, …), for {@code
 * require_parameters}.
 */
public record EndpointConfig(
    String provider,
    String upstreamModel,
    String quantization,
    Pricing pricing,
    List<String> supports,
    Integer maxCompletionTokens) {
  public EndpointConfig {
    supports = supports == null ? List.of() : List.copyOf(supports);
    pricing = pricing == null ? Pricing.FREE : pricing;
  }
}
