package dev.openrouter4j.gateway.routing;

import static dev.openrouter4j.gateway.routing.PlannerFixtures.config;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.ep;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.api.Enums.Partition;
import dev.openrouter4j.api.Enums.SortBy;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.ProviderPreferences.Sort;
import dev.openrouter4j.gateway.routing.PlannerFixtures.Rig;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FallbackPolicy}: which failures move on to the next provider, and which to the next model. */
class RoutingFallbackPolicyTest {
  static final String M = "acme/model";
  static final String F = "acme/fallback";

  /** Global price order interleaves the models: M@a, F@c, M@b, F@d. */
  final List<Candidate> attempts =
      new Rig(config(model(M, ep("a", 1), ep("b", 3)), model(F, ep("c", 2), ep("d", 4))))
          .plan(
              new RouteRequest(
                  M,
                  List.of(F),
                  ProviderPreferences.builder().sort(new Sort(SortBy.PRICE, Partition.NONE)).build(),
                  null,
                  null,
                  null))
          .attempts();

  static List<String> names(List<Candidate> cs) {
    return cs.stream().map(c -> c.model() + "@" + c.providerId()).toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504, 524, 529, FallbackPolicy.CONNECTION_FAILURE})
  void timeoutsRateLimitsAndServerErrorsFallBackToTheNextProvider(int status) {
    assertTrue(FallbackPolicy.shouldFallBack(status));
    assertEquals(List.of(F + "@c", M + "@b", F + "@d"), names(FallbackPolicy.afterFailure(attempts, status)));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 402, 403, 404, 413, 422})
  void otherErrorsSkipTheFailedModelsRemainingEndpoints(int status) {
    assertFalse(FallbackPolicy.shouldFallBack(status));
    assertEquals(List.of(F + "@c", F + "@d"), names(FallbackPolicy.afterFailure(attempts, status)));
    assertEquals(List.of(), FallbackPolicy.afterFailure(List.of(attempts.get(1), attempts.get(3)), status));
  }
}
