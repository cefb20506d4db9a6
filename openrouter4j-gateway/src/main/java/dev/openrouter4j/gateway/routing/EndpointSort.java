package dev.openrouter4j.gateway.routing;

import dev.openrouter4j.api.Enums.SortBy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * {@code provider.sort} (ROUTING.md a1): a deterministic order instead of load balancing. Price is
 * prompt plus completion per million tokens, cheapest first; throughput is the p50 over the last 5
 * minutes, fastest first; latency the p50 time to first token, lowest first. Endpoints without
 * measurements go after measured ones, since nothing vouches for them. Ties keep the config order.
 */
final class EndpointSort {
  private EndpointSort() {}

  static List<Candidate> sort(List<Candidate> candidates, SortBy by, EndpointStats stats, long now) {
    return switch (by) {
      case PRICE -> sorted(candidates, c -> OptionalDouble.of(c.tokenPrice()), false);
      case THROUGHPUT -> sorted(candidates, c -> stats.throughputPercentile(c.endpointKey(), 50, now), true);
      case LATENCY -> sorted(candidates, c -> stats.latencyPercentile(c.endpointKey(), 50, now), false);
      case EXACTO -> throw new IllegalArgumentException("exacto is not a sort this gateway implements");
    };
  }

  private static List<Candidate> sorted(
      List<Candidate> candidates, Function<Candidate, OptionalDouble> measure, boolean highestFirst) {
    // Measure once per endpoint: percentiles sort the sample window each time they are asked.
    record Measured(Candidate candidate, OptionalDouble value) {}
    List<Measured> measured = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) measured.add(new Measured(c, measure.apply(c)));

    Comparator<Double> byValue = highestFirst ? Comparator.reverseOrder() : Comparator.naturalOrder();
    measured.sort(
        Comparator.comparing(
            (Measured m) -> m.value().isPresent() ? m.value().getAsDouble() : null,
            Comparator.nullsLast(byValue)));
    return measured.stream().map(Measured::candidate).toList();
  }
}
