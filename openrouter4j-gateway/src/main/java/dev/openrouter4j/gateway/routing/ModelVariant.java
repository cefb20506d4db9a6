package dev.openrouter4j.gateway.routing;

import dev.openrouter4j.api.Enums.SortBy;

/**
 * A requested model id split into the id to look up and the sort its routing suffix implies (ROUTING.md
 * a2): {@code :nitro} sorts by throughput, {@code :floor} by price. Other suffixes ({@code :free},
 * {@code :online}, …) are part of the id, so a config entry can serve them as models of their own.
 *
 * @param requested the id as sent
 * @param id {@code requested} without a routing suffix
 * @param impliedSort the suffix's sort, or null
 */
record ModelVariant(String requested, String id, SortBy impliedSort) {
  private static final String NITRO = ":nitro";
  private static final String FLOOR = ":floor";

  static ModelVariant parse(String requested) {
    if (requested.endsWith(NITRO)) return strip(requested, NITRO, SortBy.THROUGHPUT);
    if (requested.endsWith(FLOOR)) return strip(requested, FLOOR, SortBy.PRICE);
    return new ModelVariant(requested, requested, null);
  }

  private static ModelVariant strip(String requested, String suffix, SortBy sort) {
    return new ModelVariant(requested, requested.substring(0, requested.length() - suffix.length()), sort);
  }
}
