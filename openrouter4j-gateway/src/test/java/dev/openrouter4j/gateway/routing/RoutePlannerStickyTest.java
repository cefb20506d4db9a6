package dev.openrouter4j.gateway.routing;

import static dev.openrouter4j.gateway.routing.PlannerFixtures.attemptsOf;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.config;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.ep;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.key;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.openrouter4j.api.Enums.SortBy;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.gateway.routing.PlannerFixtures.Rig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sticky routing in the planner, ROUTING.md a7. */
class RoutePlannerStickyTest {
  static final String M = "acme/model";
  static final String F = "acme/fallback";
  static final long MINUTE = 60_000;

  /** Sorted by price, so without stickiness the order is always alpha, beta, gamma. */
  final Rig rig = new Rig(config(model(M, ep("alpha", 1), ep("beta", 2), ep("gamma", 3)), model(F, ep("delta", 1), ep("eps", 2))));

  static RouteRequest conversation(String stickyKey, ProviderPreferences.Builder prefs) {
    return new RouteRequest(M, List.of(F), prefs.build(), null, null, stickyKey);
  }

  static ProviderPreferences.Builder byPrice() {
    return ProviderPreferences.builder().sort(SortBy.PRICE);
  }

  List<String> plan(RouteRequest req) {
    return attemptsOf(rig.plan(req));
  }

  @Test
  void theEndpointThatServedTheConversationLeads() {
    rig.sticky.remember("conv", M, key("gamma", M), rig.clock.now);
    assertEquals(
        List.of(M + "@gamma", M + "@alpha", M + "@beta", F + "@delta", F + "@eps"), plan(conversation("conv", byPrice())));
    assertEquals(M + "@alpha", plan(conversation("other-conv", byPrice())).get(0));
    assertEquals(M + "@alpha", plan(conversation(null, byPrice())).get(0));
  }

  @Test
  void aPinForTheFallbackModelLeadsThatModelsEndpointsOnly() {
    rig.sticky.remember("conv", F, key("eps", F), rig.clock.now);
    assertEquals(
        List.of(M + "@alpha", M + "@beta", M + "@gamma", F + "@eps", F + "@delta"), plan(conversation("conv", byPrice())));
  }

  @Test
  void stickinessLapsesAfterTenMinutesWithoutASuccess() {
    rig.sticky.remember("conv", M, key("gamma", M), rig.clock.now);
    rig.clock.advance(10 * MINUTE - 1);
    assertEquals(M + "@gamma", plan(conversation("conv", byPrice())).get(0));
    rig.clock.advance(1);
    assertEquals(M + "@alpha", plan(conversation("conv", byPrice())).get(0));
  }

  @Test
  void stickinessIsNotUsedWithOrder() {
    rig.sticky.remember("conv", M, key("gamma", M), rig.clock.now);
    assertEquals(M + "@beta", plan(conversation("conv", ProviderPreferences.builder().order("beta"))).get(0));
  }

  @Test
  void aStickyEndpointInAnOutageYieldsToTheNextBest() {
    rig.sticky.remember("conv", M, key("gamma", M), rig.clock.now);
    rig.stats.recordFailure(key("gamma", M), rig.clock.now);
    assertEquals(M + "@alpha", plan(conversation("conv", byPrice())).get(0));
  }

  @Test
  void aStickyEndpointTheRequestFiltersOutIsNotBroughtBack() {
    rig.sticky.remember("conv", M, key("gamma", M), rig.clock.now);
    List<String> attempts = plan(conversation("conv", byPrice().ignore("gamma")));
    assertEquals(List.of(M + "@alpha", M + "@beta", F + "@delta", F + "@eps"), attempts);
  }

  @Test
  void withFallbacksDisabledTheStickyEndpointIsTheOneKept() {
    rig.sticky.remember("conv", M, key("beta", M), rig.clock.now);
    assertEquals(List.of(M + "@beta", F + "@delta"), plan(conversation("conv", byPrice().allowFallbacks(false))));
  }

  @Test
  void stickinessOverridesLoadBalancing() {
    Rig lb = new Rig(config(model(M, ep("alpha", 1), ep("beta", 100))));
    lb.sticky.remember("conv", M, key("beta", M), lb.clock.now);
    for (int i = 0; i < 50; i++) {
      assertEquals("beta", lb.providers(new RouteRequest(M, null, null, null, null, "conv")).get(0));
    }
    assertNotEquals("beta", lb.providers(RouteRequest.of(M)).get(0));
  }
}
