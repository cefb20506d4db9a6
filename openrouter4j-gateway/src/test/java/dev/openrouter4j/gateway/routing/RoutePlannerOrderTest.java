package dev.openrouter4j.gateway.routing;

import static dev.openrouter4j.gateway.routing.PlannerFixtures.attemptsOf;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.config;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.ep;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.key;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.model;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openrouter4j.api.Enums.Partition;
import dev.openrouter4j.api.Enums.SortBy;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.ProviderPreferences.Sort;
import dev.openrouter4j.api.ProviderPreferences.Threshold;
import dev.openrouter4j.gateway.routing.PlannerFixtures.Rig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code order}, {@code allow_fallbacks}, {@code sort}, {@code partition}, the preferred thresholds and suffixes. */
class RoutePlannerOrderTest {
  static final String M = "acme/model";
  static final String F = "acme/fallback";

  /** alpha $1, beta $2, gamma $3; beta is the fastest and quickest, gamma unmeasured. */
  final Rig rig = new Rig(config(model(M, ep("alpha", 1), ep("beta", 2), ep("gamma", 3))));

  void measure(Rig r, String provider, String model, double latencyMs, double tokensPerSecond) {
    for (int i = 0; i < 10; i++) r.stats.recordSuccess(key(provider, model), latencyMs, tokensPerSecond, r.clock.now);
  }

  {
    measure(rig, "alpha", M, 800, 40);
    measure(rig, "beta", M, 200, 120);
  }

  List<String> providers(ProviderPreferences prefs) {
    return rig.providers(request(M, prefs));
  }

  @Test
  void orderTriesTheListedProvidersFirstThenTheRest() {
    assertEquals(List.of("gamma", "beta", "alpha"), providers(ProviderPreferences.builder().order("gamma", "beta").build()));
  }

  @Test
  void orderSkipsListedProvidersThatDoNotServeTheModel() {
    assertEquals("gamma", providers(ProviderPreferences.builder().order("delta", "gamma").build()).get(0));
  }

  @Test
  void orderWithFallbacksDisabledTriesOnlyTheListedProviders() {
    var prefs = ProviderPreferences.builder().order("gamma", "alpha").allowFallbacks(false).build();
    assertEquals(List.of("gamma", "alpha"), providers(prefs));
  }

  @Test
  void orderWithFallbacksDisabledAndNoListedProviderFailsWith404() {
    var prefs = ProviderPreferences.builder().order("delta").allowFallbacks(false).build();
    RoutingException e = assertThrows(RoutingException.class, () -> rig.plan(request(M, prefs)));
    assertEquals(404, e.status());
    assertEquals(List.of("allowed_providers"), e.metadata().get("excluded_by"));
  }

  @Test
  void orderCombinedWithSortSortsTheProvidersAfterTheListedOnes() {
    var prefs = ProviderPreferences.builder().order("gamma").sort(SortBy.PRICE).build();
    assertEquals(List.of("gamma", "alpha", "beta"), providers(prefs));
  }

  @Test
  void fallbacksDisabledWithoutOrderKeepOnlyTheBestEndpointOfEachModel() {
    Rig r = new Rig(config(model(M, ep("alpha", 1), ep("beta", 2)), model(F, ep("gamma", 3), ep("delta", 1))));
    var prefs = ProviderPreferences.builder().sort(SortBy.PRICE).allowFallbacks(false).build();
    RouteRequest req = new RouteRequest(M, List.of(F), prefs, null, null, null);
    assertEquals(List.of(M + "@alpha", F + "@delta"), attemptsOf(r.plan(req)));
  }

  @Test
  void sortByPriceTriesTheCheapestFirstCountingPromptAndCompletion() {
    Rig r =
        new Rig(
            config(
                model(
                    M,
                    PlannerFixtures.endpoint("a").price(1, 10).build(),
                    PlannerFixtures.endpoint("b").price(3, 3).build(),
                    PlannerFixtures.endpoint("c").price(2, 5).build())));
    assertEquals(List.of("b", "c", "a"), r.providers(request(M, ProviderPreferences.builder().sort(SortBy.PRICE).build())));
  }

  @Test
  void sortByThroughputTriesTheFastestFirstAndUnmeasuredLast() {
    assertEquals(List.of("beta", "alpha", "gamma"), providers(ProviderPreferences.builder().sort(SortBy.THROUGHPUT).build()));
  }

  @Test
  void sortByLatencyTriesTheQuickestFirstAndUnmeasuredLast() {
    measure(rig, "alpha", M, 100, 40); // alpha's median is now 450 ms, still slower than beta's 200 ms
    measure(rig, "alpha", M, 100, 40);
    assertEquals(List.of("alpha", "beta", "gamma"), providers(ProviderPreferences.builder().sort(SortBy.LATENCY).build()));
  }

  Rig twoModels() {
    Rig r = new Rig(config(model(M, ep("alpha", 2), ep("beta", 4)), model(F, ep("gamma", 1), ep("delta", 3))));
    return r;
  }

  @Test
  void partitionByModelKeepsThePrimaryModelsEndpointsFirst() {
    var prefs = ProviderPreferences.builder().sort(new Sort(SortBy.PRICE, Partition.MODEL)).build();
    RoutePlan plan = twoModels().plan(new RouteRequest(M, List.of(F), prefs, null, null, null));
    assertEquals(List.of(M + "@alpha", M + "@beta", F + "@gamma", F + "@delta"), attemptsOf(plan));
  }

  @Test
  void partitionNoneSortsEveryModelsEndpointsTogether() {
    var prefs = ProviderPreferences.builder().sort(new Sort(SortBy.PRICE, Partition.NONE)).build();
    RoutePlan plan = twoModels().plan(new RouteRequest(M, List.of(F), prefs, null, null, null));
    assertEquals(List.of(F + "@gamma", M + "@alpha", F + "@delta", M + "@beta"), attemptsOf(plan));
  }

  @Test
  void preferredMinThroughputMovesSlowEndpointsToTheEndWithoutDroppingThem() {
    var prefs = ProviderPreferences.builder().sort(SortBy.PRICE).preferredMinThroughput(Threshold.of(100)).build();
    assertEquals(List.of("beta", "gamma", "alpha"), providers(prefs));
  }

  @Test
  void preferredMaxLatencyIsInSecondsAndEveryGivenPercentileMustBeMet() {
    // beta: p50 200 ms but a slow tail; alpha: a steady 800 ms.
    for (int i = 0; i < 10; i++) rig.stats.recordSuccess(key("beta", M), 5000, 120, rig.clock.now);
    var p50Only = ProviderPreferences.builder().sort(SortBy.PRICE).preferredMaxLatency(Threshold.percentiles(1.0, null, null, null));
    assertEquals(List.of("alpha", "beta", "gamma"), providers(p50Only.build()));
    var withTail =
        ProviderPreferences.builder().sort(SortBy.PRICE).preferredMaxLatency(Threshold.percentiles(1.0, null, 1.0, null));
    assertEquals(List.of("alpha", "gamma", "beta"), providers(withTail.build()));
    var halfSecond = ProviderPreferences.builder().sort(SortBy.PRICE).preferredMaxLatency(Threshold.of(0.5));
    assertEquals(List.of("beta", "gamma", "alpha"), providers(halfSecond.build()), "a plain number is the p50");
  }

  @Test
  void thresholdsApplyAcrossModelsSoAFastFallbackModelCanLead() {
    Rig r = new Rig(config(model(M, ep("slow", 1)), model(F, ep("fast", 1))));
    measure(r, "slow", M, 100, 10);
    measure(r, "fast", F, 100, 200);
    var prefs = ProviderPreferences.builder().preferredMinThroughput(Threshold.of(50)).build();
    assertEquals(List.of(F + "@fast", M + "@slow"), attemptsOf(r.plan(new RouteRequest(M, List.of(F), prefs, null, null, null))));
  }

  @Test
  void nitroSortsByThroughputAndIsStrippedBeforeMatching() {
    RoutePlan plan = rig.plan(RouteRequest.of(M + ":nitro"));
    assertEquals(List.of("beta", "alpha", "gamma"), PlannerFixtures.providersOf(plan));
    assertEquals(M, plan.attempts().get(0).model());
    assertEquals(M, plan.attempts().get(0).upstreamModel());
    assertEquals(List.of(M), plan.models());
  }

  @Test
  void floorSortsByPrice() {
    measure(rig, "gamma", M, 10, 999);
    assertEquals(List.of("alpha", "beta", "gamma"), rig.providers(RouteRequest.of(M + ":floor")));
  }

  @Test
  void anExplicitSortWinsOverTheSuffix() {
    var prefs = ProviderPreferences.builder().sort(SortBy.PRICE).build();
    assertEquals(List.of("alpha", "beta", "gamma"), rig.providers(request(M + ":nitro", prefs)));
  }

  @Test
  void aSuffixAppliesToItsOwnModelOnly() {
    Rig r = new Rig(config(model(M, ep("alpha", 1), ep("beta", 2)), model(F, ep("gamma", 3), ep("delta", 1))));
    measure(r, "beta", M, 100, 500);
    measure(r, "gamma", F, 100, 500);
    RoutePlan plan = r.plan(new RouteRequest(M + ":nitro", List.of(F + ":floor"), null, null, null, null));
    assertEquals(List.of(M + "@beta", M + "@alpha", F + "@delta", F + "@gamma"), attemptsOf(plan));
  }
}
