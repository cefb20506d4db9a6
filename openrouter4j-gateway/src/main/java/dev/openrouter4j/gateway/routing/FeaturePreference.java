package dev.openrouter4j.gateway.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The soft side of {@code require_parameters} (ROUTING.md a1): even when it is false, {@code tools},
 * {@code response_format} and {@code verbosity} steer the request to the endpoints that honour
 * them, if any of the model's endpoints do. If none do, every endpoint stays and the parameter is
 * ignored upstream, so this never removes a model from the plan.
 */
final class FeaturePreference {
  static final Set<String> SOFT_FEATURES = Set.of("tools", "response_format", "verbosity");

  private FeaturePreference() {}

  static List<Candidate> prefer(List<Candidate> candidates, Set<String> requiredFeatures) {
    Set<String> wanted = new HashSet<>(requiredFeatures);
    wanted.retainAll(SOFT_FEATURES);
    if (wanted.isEmpty()) return candidates;
    List<Candidate> supporting =
        candidates.stream().filter(c -> c.endpoint().supports().containsAll(wanted)).toList();
    return supporting.isEmpty() ? candidates : supporting;
  }
}
