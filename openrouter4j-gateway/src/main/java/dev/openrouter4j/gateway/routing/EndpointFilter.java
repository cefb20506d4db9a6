package dev.openrouter4j.gateway.routing;

import dev.openrouter4j.api.Enums.DataCollection;
import dev.openrouter4j.api.Enums.Quantization;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.ProviderPreferences.MaxPrice;
import dev.openrouter4j.gateway.config.Pricing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One hard filter of ROUTING.md a1: endpoints it does not admit are never tried. {@code reason} is
 * the {@code excluded_by} value reported when the filters leave nothing.
 */
record EndpointFilter(String reason, Predicate<Candidate> admits) {
  static final String ALLOWED_PROVIDERS = "allowed_providers";
  static final String TRAINING = "data_policy:training";
  static final String ZDR = "data_policy:zdr";
  static final String QUANTIZATION = "quantization";
  static final String MAX_PRICE = "max_price";
  static final String REQUIRE_PARAMETERS = "require_parameters";
  static final String CONTEXT_LENGTH = "context_length";

  /** The filters {@code request} asks for, in the order their reasons are reported. */
  static List<EndpointFilter> forRequest(RouteRequest request) {
    ProviderPreferences p = request.preferences();
    List<EndpointFilter> filters = new ArrayList<>();
    // An empty list restricts nothing rather than everything: clients send [] for "unset".
    if (p.only() != null && !p.only().isEmpty()) filters.add(only(p.only()));
    if (p.ignore() != null && !p.ignore().isEmpty()) filters.add(ignore(p.ignore()));
    if (p.dataCollection() == DataCollection.DENY) filters.add(noTraining());
    if (Boolean.TRUE.equals(p.zdr())) filters.add(zeroDataRetention());
    if (p.quantizations() != null && !p.quantizations().isEmpty()) filters.add(quantizations(p.quantizations()));
    if (p.maxPrice() != null) filters.add(maxPrice(p.maxPrice()));
    if (Boolean.TRUE.equals(p.requireParameters()) && !request.requiredFeatures().isEmpty()) {
      filters.add(requireParameters(request.requiredFeatures()));
    }
    if (request.maxTokens() != null) filters.add(maxTokens(request.maxTokens()));
    return filters;
  }

  static EndpointFilter only(List<String> slugs) {
    return new EndpointFilter(ALLOWED_PROVIDERS, c -> ProviderSlugs.anyMatches(slugs, c.providerId()));
  }

  static EndpointFilter ignore(List<String> slugs) {
    return new EndpointFilter(ALLOWED_PROVIDERS, c -> !ProviderSlugs.anyMatches(slugs, c.providerId()));
  }

  static EndpointFilter noTraining() {
    return new EndpointFilter(TRAINING, c -> c.provider().deniesDataCollection());
  }

  static EndpointFilter zeroDataRetention() {
    return new EndpointFilter(ZDR, c -> c.provider().zdr());
  }

  /** An endpoint whose config names no quantization counts as {@code unknown}, as on OpenRouter. */
  static EndpointFilter quantizations(List<Quantization> allowed) {
    Set<String> names =
        Set.copyOf(allowed.stream().filter(Objects::nonNull).map(q -> q.name().toLowerCase(Locale.ROOT)).toList());
    return new EndpointFilter(QUANTIZATION, c -> {
      String q = c.endpoint().quantization();
      return names.contains(q == null ? "unknown" : q.toLowerCase(Locale.ROOT));
    });
  }

  /**
   * Prompt, completion and request ceilings. Image and audio ceilings are not checked: the config
   * prices neither, so the gateway never charges for them separately.
   */
  static EndpointFilter maxPrice(MaxPrice max) {
    return new EndpointFilter(MAX_PRICE, c -> {
      Pricing price = c.endpoint().pricing();
      return within(max.prompt(), price.prompt())
          && within(max.completion(), price.completion())
          && within(max.request(), price.request());
    });
  }

  private static boolean within(BigDecimal ceiling, double price) {
    return ceiling == null || BigDecimal.valueOf(price).compareTo(ceiling) <= 0;
  }

  static EndpointFilter requireParameters(Set<String> features) {
    return new EndpointFilter(REQUIRE_PARAMETERS, c -> c.endpoint().supports().containsAll(features));
  }

  /** ROUTING.md a1: with {@code max_tokens}, only endpoints that can answer at that length. */
  static EndpointFilter maxTokens(int maxTokens) {
    return new EndpointFilter(CONTEXT_LENGTH, c -> {
      Integer limit = c.endpoint().maxCompletionTokens();
      return limit == null || limit >= maxTokens;
    });
  }
}
