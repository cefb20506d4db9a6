package dev.openrouter4j.gateway.routing;

import static dev.openrouter4j.gateway.routing.PlannerFixtures.config;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.endpoint;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.ep;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.model;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.privateProvider;
import static dev.openrouter4j.gateway.routing.PlannerFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openrouter4j.api.Enums.DataCollection;
import dev.openrouter4j.api.Enums.Quantization;
import dev.openrouter4j.api.Enums.SortBy;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.ProviderPreferences.MaxPrice;
import dev.openrouter4j.gateway.routing.PlannerFixtures.Rig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hard filters of ROUTING.md a1 and the soft feature preference. */
class RoutePlannerFilterTest {
  static final String M = "acme/model";

  /** Three endpoints, priced 1, 2, 3 so that {@code sort: price} makes plans deterministic. */
  final Rig rig = new Rig(config(model(M, ep("alpha", 1), ep("beta", 2), ep("gamma", 3))));

  static ProviderPreferences.Builder byPrice() {
    return ProviderPreferences.builder().sort(SortBy.PRICE);
  }

  List<String> providers(ProviderPreferences prefs) {
    return rig.providers(request(M, prefs));
  }

  RoutingException failure(Rig r, RouteRequest req) {
    return assertThrows(RoutingException.class, () -> r.plan(req));
  }

  @Test
  void onlyKeepsTheListedProvidersAndMatchesSlugsIgnoringCase() {
    assertEquals(List.of("alpha", "gamma"), providers(byPrice().only("Gamma", "ALPHA").build()));
  }

  @Test
  void aBaseSlugMatchesTheProvidersVariantsButNotOthersSharingAPrefix() {
    Rig r = new Rig(config(model(M, ep("deepinfra/turbo", 1), ep("deepinfra", 2), ep("deepinfrax", 3))));
    assertEquals(
        List.of("deepinfra/turbo", "deepinfra"),
        r.providers(request(M, byPrice().only("deepinfra").build())));
    assertEquals(List.of("deepinfra/turbo"), r.providers(request(M, byPrice().only("deepinfra/turbo").build())));
  }

  @Test
  void ignoreSkipsTheListedProviders() {
    assertEquals(List.of("beta"), providers(byPrice().ignore("alpha", "GAMMA").build()));
  }

  @Test
  void anEmptyOnlyListRestrictsNothing() {
    assertEquals(List.of("alpha", "beta", "gamma"), providers(byPrice().only(List.of()).build()));
  }

  @Test
  void onlyDisjointFromTheModelsProvidersFailsWith404AndAllowedProviders() {
    RoutingException e = failure(rig, request(M, ProviderPreferences.builder().only("delta").build()));
    assertEquals(404, e.status());
    assertEquals("No endpoints found matching your data policy / provider preferences", e.getMessage());
    assertEquals(List.of("allowed_providers"), e.metadata().get("excluded_by"));
    assertEquals(List.of(M), e.metadata().get("requested_models"));
  }

  @Test
  void onlyAndIgnoreThatCancelOutFailWith404() {
    var prefs = ProviderPreferences.builder().only("alpha").ignore("alpha").build();
    assertEquals(List.of("allowed_providers"), failure(rig, request(M, prefs)).metadata().get("excluded_by"));
  }

  Rig privacyRig() {
    return new Rig(
        config(
            List.of(
                privateProvider("trains", false, false),
                privateProvider("private", true, false),
                privateProvider("zdr", true, true)),
            model(M, ep("trains", 1), ep("private", 2), ep("zdr", 3))));
  }

  @Test
  void dataCollectionDenyKeepsOnlyProvidersThatDoNotStorePrompts() {
    var prefs = byPrice().dataCollection(DataCollection.DENY).build();
    assertEquals(List.of("private", "zdr"), privacyRig().providers(request(M, prefs)));
  }

  @Test
  void dataCollectionDenyWithNoQualifyingProviderFailsWithTrainingPolicy() {
    var prefs = ProviderPreferences.builder().dataCollection(DataCollection.DENY).build();
    RoutingException e = failure(rig, request(M, prefs));
    assertEquals(404, e.status());
    assertEquals(List.of("data_policy:training"), e.metadata().get("excluded_by"));
  }

  @Test
  void zdrKeepsOnlyZeroDataRetentionProviders() {
    assertEquals(List.of("zdr"), privacyRig().providers(request(M, byPrice().zdr(true).build())));
    assertEquals(
        List.of("data_policy:zdr"),
        failure(rig, request(M, ProviderPreferences.builder().zdr(true).build())).metadata().get("excluded_by"));
  }

  @Test
  void zdrFalseDoesNotFilter() {
    assertEquals(List.of("alpha", "beta", "gamma"), providers(byPrice().zdr(false).build()));
  }

  @Test
  void quantizationsFilterEndpointsAndAnUnsetQuantizationCountsAsUnknown() {
    Rig r =
        new Rig(
            config(
                model(
                    M,
                    endpoint("fp8").quantization("FP8").price(1, 0).build(),
                    endpoint("bf16").quantization("bf16").price(2, 0).build(),
                    endpoint("unset").price(3, 0).build())));
    assertEquals(
        List.of("fp8", "unset"),
        r.providers(request(M, byPrice().quantizations(Quantization.FP8, Quantization.UNKNOWN).build())));
    assertEquals(List.of("bf16"), r.providers(request(M, byPrice().quantizations(Quantization.BF16).build())));
    RoutingException e =
        failure(r, request(M, ProviderPreferences.builder().quantizations(Quantization.INT4).build()));
    assertEquals(List.of("quantization"), e.metadata().get("excluded_by"));
  }

  @Test
  void maxPriceIsAHardCeilingOnPromptCompletionAndRequestPrices() {
    Rig r =
        new Rig(
            config(
                model(
                    M,
                    endpoint("cheap").price(1, 2).build(),
                    endpoint("wordy").price(1, 10).build(),
                    endpoint("perCall").pricing(new dev.openrouter4j.gateway.config.Pricing(1, 2, 0.05, null, null)).build(),
                    endpoint("dear").price(5, 2).build())));
    assertEquals(
        List.of("cheap", "perCall"), r.providers(request(M, byPrice().maxPrice(MaxPrice.tokens(1, 2)).build())));
    var withRequestCap =
        byPrice().maxPrice(new MaxPrice(null, new BigDecimal("2"), null, null, new BigDecimal("0.01"))).build();
    assertEquals(List.of("cheap", "dear"), r.providers(request(M, withRequestCap)));
  }

  @Test
  void maxPriceBelowEveryEndpointFailsWithMaxPrice() {
    var prefs = ProviderPreferences.builder().maxPrice(MaxPrice.tokens(0.5, 100)).build();
    assertEquals(List.of("max_price"), failure(rig, request(M, prefs)).metadata().get("excluded_by"));
  }

  @Test
  void maxPriceOnImagesAndAudioDoesNotFilterSinceTheConfigPricesNeither() {
    var prefs = byPrice().maxPrice(new MaxPrice(null, null, BigDecimal.ZERO, BigDecimal.ZERO, null)).build();
    assertEquals(List.of("alpha", "beta", "gamma"), providers(prefs));
  }

  Rig featureRig() {
    return new Rig(
        config(
            model(
                M,
                endpoint("plain").price(1, 0).build(),
                endpoint("tooled").supports("tools").price(2, 0).build(),
                endpoint("full").supports("tools", "response_format", "reasoning").price(3, 0).build())));
  }

  static RouteRequest using(ProviderPreferences prefs, String... features) {
    return new RouteRequest(M, null, prefs, Set.of(features), null, null);
  }

  @Test
  void requireParametersKeepsOnlyEndpointsSupportingEveryFeature() {
    var prefs = byPrice().requireParameters(true).build();
    assertEquals(List.of("full"), featureRig().providers(using(prefs, "tools", "reasoning")));
    assertEquals(List.of("tooled", "full"), featureRig().providers(using(prefs, "tools")));
  }

  @Test
  void requireParametersWithAFeatureNoEndpointSupportsFailsWithRequireParameters() {
    var prefs = ProviderPreferences.builder().requireParameters(true).build();
    RoutingException e = failure(featureRig(), using(prefs, "web_search"));
    assertEquals(List.of("require_parameters"), e.metadata().get("excluded_by"));
  }

  @Test
  void withoutRequireParametersToolsAndResponseFormatStillSteerToSupportingEndpoints() {
    var prefs = byPrice().build();
    assertEquals(List.of("tooled", "full"), featureRig().providers(using(prefs, "tools")));
    assertEquals(List.of("full"), featureRig().providers(using(prefs, "tools", "response_format")));
  }

  @Test
  void theSoftPreferenceRoutesAnywayWhenNoEndpointSupportsTheFeature() {
    assertEquals(List.of("plain", "tooled", "full"), featureRig().providers(using(byPrice().build(), "verbosity")));
  }

  @Test
  void featuresOutsideTheSoftSetDoNotSteerWithoutRequireParameters() {
    assertEquals(List.of("plain", "tooled", "full"), featureRig().providers(using(byPrice().build(), "reasoning")));
  }

  @Test
  void maxTokensExcludesEndpointsWithASmallerCompletionLimit() {
    Rig r =
        new Rig(
            config(
                model(
                    M,
                    endpoint("short").maxCompletionTokens(1000).price(1, 0).build(),
                    endpoint("long").maxCompletionTokens(8000).price(2, 0).build(),
                    endpoint("unlimited").price(3, 0).build())));
    RouteRequest req = new RouteRequest(M, null, byPrice().build(), null, 4000, null);
    assertEquals(List.of("long", "unlimited"), r.providers(req));
    assertEquals(
        List.of("context_length"),
        failure(new Rig(config(model(M, endpoint("short").maxCompletionTokens(1000).build()))), req)
            .metadata()
            .get("excluded_by"));
  }

  @Test
  void excludedByNamesEveryFilterThatRemovedSomethingInFilterOrder() {
    var prefs =
        ProviderPreferences.builder().ignore("alpha").zdr(true).maxPrice(MaxPrice.tokens(2.5, 0)).build();
    RoutingException e = failure(rig, request(M, prefs));
    assertEquals(List.of("allowed_providers", "data_policy:zdr", "max_price"), e.metadata().get("excluded_by"));
  }

  @Test
  void aSuccessfulPlanStillReportsWhatWasExcluded() {
    RoutePlan plan = rig.plan(request(M, byPrice().ignore("beta").build()));
    assertEquals(List.of("alpha", "gamma"), PlannerFixtures.providersOf(plan));
    assertEquals(List.of("allowed_providers"), plan.excludedBy());
    assertEquals("beta", plan.excluded().get(0).candidate().providerId());
  }
}
