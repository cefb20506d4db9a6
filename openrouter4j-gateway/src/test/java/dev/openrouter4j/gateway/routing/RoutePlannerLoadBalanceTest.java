package dev.openrouter4j.gateway.routing;

import static dev.openrouter4j.gateway.routing.PlannerFixtures.config;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.ep;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.key;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.gateway.config.GatewayConfig;
import dev.openrouter4j.gateway.routing.PlannerFixtures.Rig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Default load balancing, ROUTING.md a3, measured over many seeded plans. */
class RoutePlannerLoadBalanceTest {
  static final String M = "acme/model";
  static final int PLANS = 20_000;

  /** A, B and C at $1, $2 and $3 per million tokens, the documentation's worked example. */
  final Rig rig = new Rig(config(model(M, ep("A", 1), ep("B", 2), ep("C", 3))));

  Map<String, Integer> firstCounts(Rig r) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < PLANS; i++) counts.merge(r.providers(RouteRequest.of(M)).get(0), 1, Integer::sum);
    return counts;
  }

  @Test
  void theChanceToGoFirstIsProportionalToTheInverseSquareOfThePrice() {
    Map<String, Integer> first = firstCounts(rig);
    // Weights 1, 1/4, 1/9: A leads 73.5% of the time, B 18.4%, C 8.2%.
    assertEquals(0.735, first.get("A") / (double) PLANS, 0.015);
    assertEquals(0.184, first.get("B") / (double) PLANS, 0.015);
    assertEquals(9.0, first.get("A") / (double) first.get("C"), 0.8);
    assertEquals(4.0, first.get("A") / (double) first.get("B"), 0.4);
  }

  @Test
  void withBInAnOutageAIsNineTimesLikelierThanCToLeadAndBIsAlwaysLast() {
    rig.stats.recordFailure(key("B", M), rig.clock.now - 5_000);
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < PLANS; i++) {
      List<String> plan = rig.providers(RouteRequest.of(M));
      assertEquals("B", plan.get(2));
      first.merge(plan.get(0), 1, Integer::sum);
    }
    assertEquals(0.9, first.get("A") / (double) PLANS, 0.01);
    assertEquals(9.0, first.get("A") / (double) first.get("C"), 0.8);
  }

  @Test
  void anOutageOlderThanThirtySecondsNoLongerDemotes() {
    rig.stats.recordFailure(key("A", M), rig.clock.now);
    assertEquals("A", rig.providers(RouteRequest.of(M)).get(2));
    rig.clock.advance(31_000);
    assertTrue(firstCounts(rig).get("A") > PLANS / 2);
  }

  @Test
  void endpointsInAnOutageAreOrderedAmongThemselvesByTheSameWeighting() {
    rig.stats.recordFailure(key("A", M), rig.clock.now);
    rig.stats.recordFailure(key("C", M), rig.clock.now);
    int aBeforeC = 0;
    for (int i = 0; i < PLANS; i++) {
      List<String> plan = rig.providers(RouteRequest.of(M));
      assertEquals("B", plan.get(0));
      if (plan.get(1).equals("A")) aBeforeC++;
    }
    assertEquals(0.9, aBeforeC / (double) PLANS, 0.01);
  }

  @Test
  void freeEndpointsCountAsTheCheapestAndShareTheLeadEvenly() {
    Rig r = new Rig(config(model(M, ep("free1", 0), ep("free2", 0), ep("paid", 0.5))));
    Map<String, Integer> first = firstCounts(r);
    assertEquals(null, first.get("paid"), "a $0.5 endpoint weighs 1/250000 of a free one");
    assertEquals(0.5, first.get("free1") / (double) PLANS, 0.015);
  }

  @Test
  void theSameSeedGivesTheSamePlans() {
    GatewayConfig config = config(model(M, ep("A", 1), ep("B", 2), ep("C", 3)));
    Rig one = new Rig(config, new SplittableRandom(7));
    Rig two = new Rig(config, new SplittableRandom(7));
    for (int i = 0; i < 100; i++) {
      assertEquals(one.providers(RouteRequest.of(M)), two.providers(RouteRequest.of(M)));
    }
  }
}
