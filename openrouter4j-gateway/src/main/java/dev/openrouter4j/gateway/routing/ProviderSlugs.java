package dev.openrouter4j.gateway.routing;

import java.util.List;

/**
 * How the slugs in {@code order}, {@code only} and {@code ignore} name providers. A slug names the
 * provider whose id it equals, ignoring case, since clients copy OpenRouter's display names
 * ({@code "DeepInfra"}) as often as its slugs. A base slug also names that provider's variants
 * ({@code deepinfra} matches {@code deepinfra/turbo}), as on OpenRouter.
 */
final class ProviderSlugs {
  private ProviderSlugs() {}

  static boolean matches(String slug, String providerId) {
    if (slug == null) return false; // a null in a list decoded from JSON names nothing
    if (providerId.equalsIgnoreCase(slug)) return true;
    return providerId.length() > slug.length()
        && providerId.charAt(slug.length()) == '/'
        && providerId.regionMatches(true, 0, slug, 0, slug.length());
  }

  static boolean anyMatches(List<String> slugs, String providerId) {
    for (String slug : slugs) {
      if (matches(slug, providerId)) return true;
    }
    return false;
  }
}
