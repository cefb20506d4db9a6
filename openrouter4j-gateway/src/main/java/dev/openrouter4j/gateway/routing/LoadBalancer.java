package dev.openrouter4j.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Default load balancing (ROUTING.md a3), used when the request sets neither {@code order} nor
 * {@code sort}: endpoints without an outage in the last 30 seconds first, each group in a random
 * order where an endpoint's chance to come first is proportional to 1/price². With A=$1 and C=$3,
 * A leads 9 times as often as C; the endpoints after the first are the fallbacks, drawn the same way.
 */
final class LoadBalancer {
  /**
   * The price (USD per million tokens, prompt plus completion) a free endpoint is weighted at, since
   * 1/0² has no value. Any price under it counts as it, so free endpoints share traffic evenly and
   * each is a million times likelier to lead than a $1 endpoint: free is the cheapest, as it should
   * be, without starving priced fallbacks of their ordering among themselves.
   */
  static final double FREE_PRICE = 0.001;

  private LoadBalancer() {}

  static List<Candidate> rank(List<Candidate> candidates, EndpointStats stats, long now, RandomGenerator random) {
    List<Candidate> stable = new ArrayList<>();
    List<Candidate> failing = new ArrayList<>();
    for (Candidate c : candidates) {
      (stats.hadRecentOutage(c.endpointKey(), now) ? failing : stable).add(c);
    }
    List<Candidate> ranked = new ArrayList<>(weightedShuffle(stable, random));
    ranked.addAll(weightedShuffle(failing, random));
    return ranked;
  }

  static double weight(Candidate c) {
    double price = Math.max(c.tokenPrice(), FREE_PRICE);
    return 1 / (price * price);
  }

  /**
   * Weighted sampling without replacement in one pass (Efraimidis and Spirakis): each endpoint draws
   * the key ln(u)/weight and the largest key goes first. That is a race of exponential clocks with
   * rates proportional to the weights, so each position is a weighted draw from what is left. Logs
   * keep tiny weights from underflowing to ties at zero.
   */
  static List<Candidate> weightedShuffle(List<Candidate> candidates, RandomGenerator random) {
    record Keyed(Candidate candidate, double key) {}
    List<Keyed> keyed = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      double u = 1 - random.nextDouble(); // in (0, 1], so the log is finite
      keyed.add(new Keyed(c, Math.log(u) / weight(c)));
    }
    keyed.sort(Comparator.comparingDouble(Keyed::key).reversed());
    return keyed.stream().map(Keyed::candidate).toList();
  }
}
