package dev.openrouter4j.gateway.routing;

import dev.openrouter4j.api.ProviderPreferences;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the router needs from a request.
 *
 * @param model the {@code model} field; may be null when {@code models} is given
 * @param models the {@code models} fallback list; null means none
 * @param preferences the {@code provider} object; null means all defaults
 * @param requiredFeatures the request features an endpoint must honour for {@code
 *     require_parameters} ({@code tools}, {@code response_format}, {@code reasoning}, …), spelled as
 *     in {@code EndpointConfig.supports}; null means none
 * @param maxTokens the requested completion budget, or null
 * @param stickyKey the conversation key for sticky routing ({@code session_id}, else {@code
 *     prompt_cache_key}), already scoped to the account by the caller; null disables stickiness
 */
public record RouteRequest(
    String model,
    List<String> models,
    ProviderPreferences preferences,
    Set<String> requiredFeatures,
    Integer maxTokens,
    String stickyKey) {

  private static final ProviderPreferences DEFAULTS = ProviderPreferences.builder().build();

  public RouteRequest {
    // Lists decoded from JSON may hold nulls ([null]); they name nothing.
    models = models == null ? List.of() : models.stream().filter(Objects::nonNull).toList();
    preferences = preferences == null ? DEFAULTS : preferences;
    requiredFeatures =
        requiredFeatures == null
            ? Set.of()
            : Set.copyOf(requiredFeatures.stream().filter(Objects::nonNull).toList());
  }

  /** A request for one model with default preferences. */
  public static RouteRequest of(String model) {
    return new RouteRequest(model, null, null, null, null, null);
  }
}
