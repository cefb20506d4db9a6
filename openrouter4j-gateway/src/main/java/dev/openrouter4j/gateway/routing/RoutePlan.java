package dev.openrouter4j.gateway.routing;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The endpoints to try, in order, and what the request's filters removed on the way.
 *
 * @param attempts never empty; the caller tries them in order, consulting {@link FallbackPolicy}
 *     after each failure
 * @param models the requested model ids (suffixes stripped), in priority order
 * @param excluded endpoints a hard filter removed, with the reason; for error messages and router
 *     metadata
 */
public record RoutePlan(List<Candidate> attempts, List<String> models, List<Exclusion> excluded) {
  public RoutePlan {
    attempts = List.copyOf(attempts);
    models = List.copyOf(models);
    excluded = List.copyOf(excluded);
  }

  /** An endpoint a filter removed; {@code reason} is an {@code excluded_by} value from ROUTING.md a11. */
  public record Exclusion(Candidate candidate, String reason) {}

  /** The distinct {@link Exclusion#reason()}s, in the order the filters ran. */
  public List<String> excludedBy() {
    return excludedBy(excluded);
  }

  static List<String> excludedBy(List<Exclusion> excluded) {
    LinkedHashSet<String> reasons = new LinkedHashSet<>();
    for (Exclusion e : excluded) reasons.add(e.reason());
    return List.copyOf(reasons);
  }
}
