package dev.openrouter4j.gateway.routing;

import static dev.openrouter4j.gateway.routing.PlannerFixtures.attemptsOf;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.config;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.endpoint;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.ep;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openrouter4j.api.Enums.Quantization;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.gateway.config.ModelConfig;
import dev.openrouter4j.gateway.routing.PlannerFixtures.Rig;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Model resolution (exact ids and patterns) and the {@code models} fallback list, ROUTING.md a4. */
class RoutePlannerModelsTest {
  static final ModelConfig GPT = model("openai/gpt-x", ep("openai", 1));
  static final ModelConfig CLAUDE = model("anthropic/claude-x", ep("anthropic", 1));
  static final ModelConfig LLAMA = model("meta/llama-x", ep("together", 1));
  static final ModelConfig OPENAI_ANY = model("openai/*", ep("openai", 1), endpoint("azure").upstream("gpt-deploy").build());
  static final ModelConfig ANYTHING = model("*", ep("openrouter", 1));

  final Rig rig = new Rig(config(GPT, CLAUDE, LLAMA, OPENAI_ANY, ANYTHING));

  RouteRequest models(String model, String... models) {
    return new RouteRequest(model, Arrays.asList(models), null, null, null, null);
  }

  RoutingException failure(RouteRequest req) {
    return assertThrows(RoutingException.class, () -> rig.plan(req));
  }

  @Test
  void theModelComesFirstThenTheModelsListInItsOrder() {
    RoutePlan plan = rig.plan(models("meta/llama-x", "anthropic/claude-x", "openai/gpt-x"));
    assertEquals(List.of("meta/llama-x", "anthropic/claude-x", "openai/gpt-x"), plan.models());
    assertEquals(
        List.of("meta/llama-x@together", "anthropic/claude-x@anthropic", "openai/gpt-x@openai"), attemptsOf(plan));
  }

  @Test
  void withoutAModelTheModelsListAloneIsUsed() {
    assertEquals(List.of("anthropic/claude-x", "meta/llama-x"), rig.plan(models(null, "anthropic/claude-x", "meta/llama-x")).models());
  }

  @Test
  void aModelNamedTwiceIsTriedOnceAtItsFirstPlace() {
    RoutePlan plan = rig.plan(models("openai/gpt-x", "meta/llama-x", "openai/gpt-x", "meta/llama-x:nitro"));
    assertEquals(List.of("openai/gpt-x", "meta/llama-x"), plan.models());
    assertEquals(2, plan.attempts().size());
  }

  @Test
  void noModelAtAllIsA400() {
    RoutingException e = failure(models(null));
    assertEquals(400, e.status());
    assertEquals(400, failure(new RouteRequest(null, null, null, null, null, null)).status());
    assertEquals(400, failure(models(" ", "")).status());
  }

  @Test
  void anIdNoConfigEntryMatchesIsA400NamingIt() {
    Rig strict = new Rig(config(GPT, OPENAI_ANY));
    RoutingException e = assertThrows(RoutingException.class, () -> strict.plan(RouteRequest.of("mistral/large:nitro")));
    assertEquals(400, e.status());
    assertEquals("mistral/large:nitro is not a valid model ID", e.getMessage());
    assertEquals(List.of("mistral/large:nitro"), e.metadata().get("requested_models"));
  }

  @Test
  void anUnknownFallbackModelIsA400Too() {
    Rig strict = new Rig(config(GPT));
    RoutingException e = assertThrows(RoutingException.class, () -> strict.plan(models("openai/gpt-x", "nope/nope")));
    assertEquals("nope/nope is not a valid model ID", e.getMessage());
  }

  @Test
  void anExactEntryWinsOverAPatternListedBeforeIt() {
    Rig r = new Rig(config(OPENAI_ANY, GPT));
    Candidate c = r.plan(RouteRequest.of("openai/gpt-x")).attempts().get(0);
    assertSame(GPT, c.modelConfig());
  }

  @Test
  void aPatternServesTheIdAndSendsTheMatchedPartUpstream() {
    RoutePlan plan = rig.plan(new RouteRequest("openai/o9-mini", null, ProviderPreferences.builder().order("openai").build(), null, null, null));
    Candidate openai = plan.attempts().get(0);
    assertEquals("openai/o9-mini", openai.model());
    assertSame(OPENAI_ANY, openai.modelConfig());
    assertEquals("o9-mini", openai.upstreamModel());
    assertEquals("openai|openai/*|o9-mini", openai.endpointKey());
    Candidate azure = plan.attempts().get(1);
    assertEquals("gpt-deploy", azure.upstreamModel(), "upstream_model overrides the match");
  }

  @Test
  void theCatchAllPatternSendsTheWholeIdUpstreamAndTheFirstMatchingPatternWins() {
    Candidate c = rig.plan(RouteRequest.of("mistral/large")).attempts().get(0);
    assertSame(ANYTHING, c.modelConfig());
    assertEquals("mistral/large", c.upstreamModel());
    assertSame(OPENAI_ANY, rig.plan(RouteRequest.of("openai/other")).attempts().get(0).modelConfig());
  }

  @Test
  void anExactModelSendsItsIdUpstreamUnlessTheEndpointRenamesIt() {
    Candidate c = rig.plan(RouteRequest.of("openai/gpt-x")).attempts().get(0);
    assertEquals("openai/gpt-x", c.upstreamModel());
    assertEquals("openai|openai/gpt-x|openai/gpt-x", c.endpointKey());
  }

  @Test
  void aModelWithNoEndpointsIsA404NamingIt() {
    Rig r = new Rig(config(model("acme/empty")));
    RoutingException e = assertThrows(RoutingException.class, () -> r.plan(RouteRequest.of("acme/empty")));
    assertEquals(404, e.status());
    assertEquals("No endpoints found for acme/empty", e.getMessage());
  }

  @Test
  void aFallbackModelServesWhenThePrimarysEndpointsAreAllFilteredOut() {
    var prefs = ProviderPreferences.builder().ignore("openai").build();
    RoutePlan plan = rig.plan(new RouteRequest("openai/gpt-x", List.of("anthropic/claude-x"), prefs, null, null, null));
    assertEquals(List.of("anthropic/claude-x@anthropic"), attemptsOf(plan));
    assertEquals(List.of("allowed_providers"), plan.excludedBy());
  }

  @Test
  void theSoftFeaturePreferenceNeverDropsAModel() {
    Rig r = new Rig(config(model("a/tools", endpoint("p").supports("tools").build()), model("b/plain", ep("q", 1))));
    RoutePlan plan = r.plan(new RouteRequest("a/tools", List.of("b/plain"), null, Set.of("tools"), null, null));
    assertEquals(List.of("a/tools@p", "b/plain@q"), attemptsOf(plan));
  }

  @Test
  void nullsInListsDecodedFromJsonNameNothing() {
    List<String> slugs = Arrays.asList(null, "openai");
    List<String> ignore = Arrays.asList((String) null);
    List<Quantization> quantizations = Arrays.asList(null, Quantization.UNKNOWN);
    var prefs =
        new ProviderPreferences(
            slugs, slugs, ignore, null, null, null, null, null, quantizations, null, null, null, null);
    Set<String> features = new HashSet<>(Arrays.asList("tools", null));
    RouteRequest req = new RouteRequest(null, Arrays.asList(null, "openai/gpt-x"), prefs, features, null, null);
    assertEquals(List.of("openai/gpt-x@openai"), attemptsOf(rig.plan(req)));
  }
}
