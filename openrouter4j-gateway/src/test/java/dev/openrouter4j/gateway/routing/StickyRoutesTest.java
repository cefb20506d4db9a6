package dev.openrouter4j.gateway.routing;

import static dev.openrouter4j.gateway.routing.PlannerFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.gateway.config.ModelConfig;
import dev.openrouter4j.gateway.config.Pricing;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StickyRoutesTest {
  static final long MINUTE = 60_000;

  final StickyRoutes sticky = new StickyRoutes();

  @Test
  void aRememberedEndpointIsFoundForTheSameConversationAndModel() {
    sticky.remember("conv", "m", "p|m|m", T0);
    assertEquals(Optional.of("p|m|m"), sticky.lookup("conv", "m", T0 + MINUTE));
    assertEquals(Optional.empty(), sticky.lookup("conv", "other-model", T0));
    assertEquals(Optional.empty(), sticky.lookup("other-conv", "m", T0));
  }

  @Test
  void anEntryExpiresAfterTenMinutesWithoutASuccess() {
    sticky.remember("conv", "m", "p|m|m", T0);
    assertTrue(sticky.lookup("conv", "m", T0 + 10 * MINUTE - 1).isPresent());
    assertTrue(sticky.lookup("conv", "m", T0 + 10 * MINUTE).isEmpty());
    assertEquals(0, sticky.size(), "an expired entry is dropped when found");
  }

  @Test
  void eachSuccessRestartsTheTimerButLookupsDoNot() {
    sticky.remember("conv", "m", "p|m|m", T0);
    sticky.lookup("conv", "m", T0 + 9 * MINUTE);
    sticky.remember("conv", "m", "p|m|m", T0 + 9 * MINUTE);
    assertTrue(sticky.lookup("conv", "m", T0 + 18 * MINUTE).isPresent());
    assertTrue(sticky.lookup("conv", "m", T0 + 19 * MINUTE).isEmpty());
  }

  @Test
  void aLaterSuccessElsewhereMovesThePin() {
    sticky.remember("conv", "m", "a|m|m", T0);
    sticky.remember("conv", "m", "b|m|m", T0 + 1);
    assertEquals(Optional.of("b|m|m"), sticky.lookup("conv", "m", T0 + 2));
  }

  @Test
  void theLeastRecentlyUsedEntryGivesWayAtTheBound() {
    StickyRoutes small = new StickyRoutes(2, 10 * MINUTE);
    small.remember("a", "m", "x", T0);
    small.remember("b", "m", "x", T0);
    small.lookup("a", "m", T0); // "a" is now the more recently used
    small.remember("c", "m", "x", T0);
    assertEquals(2, small.size());
    assertTrue(small.lookup("a", "m", T0).isPresent());
    assertTrue(small.lookup("b", "m", T0).isEmpty());
    assertTrue(small.lookup("c", "m", T0).isPresent());
  }

  static Candidate served(Pricing pricing) {
    var endpoint = PlannerFixtures.endpoint("p").pricing(pricing).build();
    return Candidate.of("m", new ModelConfig("m", "m", null, List.of(endpoint)), endpoint, PlannerFixtures.provider("p"));
  }

  @Test
  void onlyEndpointsWithCheaperCacheReadsAreWorthPinning() {
    Candidate discounted = served(new Pricing(3, 15, 0, 0.3, 3.75));
    Candidate noDiscount = served(new Pricing(3, 15, 0, null, null));
    assertTrue(StickyRoutes.worthRemembering(discounted, true, false));
    assertTrue(StickyRoutes.worthRemembering(discounted, false, true));
    assertFalse(StickyRoutes.worthRemembering(discounted, false, false), "without session_id it takes a cache hit");
    assertFalse(StickyRoutes.worthRemembering(noDiscount, true, true));
  }
}
