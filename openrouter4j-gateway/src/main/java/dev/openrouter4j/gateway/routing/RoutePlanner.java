package dev.openrouter4j.gateway.routing;

import static java.util.Objects.requireNonNull;

import dev.openrouter4j.api.Enums.Partition;
import dev.openrouter4j.api.Enums.SortBy;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.gateway.config.EndpointConfig;
import dev.openrouter4j.gateway.config.GatewayConfig;
import dev.openrouter4j.gateway.config.ModelConfig;
import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.routing.RoutePlan.Exclusion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Turns a request's {@code model}, {@code models} and {@code provider} preferences into the ordered
 * endpoints to try (ROUTING.md a1–a4, a7). Pure: it reads the config, the live {@link
 * EndpointStats} and {@link StickyRoutes}, and performs no I/O. Thread-safe if {@code random} is
 * (for example {@link java.util.concurrent.ThreadLocalRandom#current()}).
 */
public final class RoutePlanner {
  private final GatewayConfig config;
  private final EndpointStats stats;
  private final StickyRoutes sticky;
  private final RandomGenerator random;
  private final LongSupplier clock;

  /** {@code clock} gives the current time in epoch milliseconds, the time base of {@code stats} and {@code sticky}. */
  public RoutePlanner(
      GatewayConfig config, EndpointStats stats, StickyRoutes sticky, RandomGenerator random, LongSupplier clock) {
    this.config = requireNonNull(config, "config == null");
    this.stats = requireNonNull(stats, "stats == null");
    this.sticky = requireNonNull(sticky, "sticky == null");
    this.random = requireNonNull(random, "random == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /** @throws RoutingException when no model was given, a model is unknown, or no endpoint qualifies */
  public RoutePlan plan(RouteRequest request) {
    long now = clock.getAsLong();
    ProviderPreferences prefs = request.preferences();
    List<ModelVariant> models = requestedModels(request);
    List<EndpointFilter> filters = EndpointFilter.forRequest(request);
    List<Exclusion> excluded = new ArrayList<>();

    // 1. Each model's endpoints that pass the hard filters, narrowed by the soft feature preference.
    List<List<Candidate>> admitted = new ArrayList<>();
    for (ModelVariant model : models) {
      List<Candidate> passing = applyFilters(endpointsOf(model), filters, excluded);
      admitted.add(FeaturePreference.prefer(passing, request.requiredFeatures()));
    }
    // 2. Rank each group (one per model, or one for all with partition "none").
    List<Candidate> attempts = new ArrayList<>();
    for (Group group : groups(models, admitted, prefs)) {
      attempts.addAll(rank(group, prefs, excluded, now));
    }
    // 3. Soft preferences reorder the result; 4. without fallbacks only the best endpoint remains.
    attempts = PerformanceThresholds.demoteSlow(attempts, prefs, stats, now);
    attempts = promoteSticky(attempts, request, now);
    attempts = primaryOnlyIfNoFallbacks(attempts, prefs);

    if (attempts.isEmpty()) throw noEndpoints(models, excluded);
    return new RoutePlan(attempts, models.stream().map(ModelVariant::id).toList(), excluded);
  }

  /** {@code model} then {@code models}, each id once (by its id without suffix), order kept. */
  private static List<ModelVariant> requestedModels(RouteRequest request) {
    List<String> ids = new ArrayList<>();
    if (request.model() != null) ids.add(request.model());
    ids.addAll(request.models());
    Map<String, ModelVariant> byId = new LinkedHashMap<>();
    for (String id : ids) {
      if (id == null || id.isBlank()) continue;
      ModelVariant v = ModelVariant.parse(id.strip());
      byId.putIfAbsent(v.id(), v);
    }
    if (byId.isEmpty()) {
      throw new RoutingException(400, "No model given: set model or models", Map.of("requested_models", List.of()));
    }
    return List.copyOf(byId.values());
  }

  /** The endpoints of the first config entry with exactly this id, else of the first pattern matching it. */
  private List<Candidate> endpointsOf(ModelVariant model) {
    ModelConfig entry = resolve(model.id());
    if (entry == null) {
      throw new RoutingException(
          400, model.requested() + " is not a valid model ID", Map.of("requested_models", List.of(model.requested())));
    }
    List<Candidate> candidates = new ArrayList<>(entry.endpoints().size());
    for (EndpointConfig endpoint : entry.endpoints()) {
      ProviderConfig provider = config.provider(endpoint.provider());
      // The config loader rejects unknown providers; a hand-built config that has one loses the endpoint.
      if (provider != null) candidates.add(Candidate.of(model.id(), entry, endpoint, provider));
    }
    return candidates;
  }

  private ModelConfig resolve(String id) {
    for (ModelConfig m : config.models()) {
      if (!m.isPattern() && m.id().equals(id)) return m;
    }
    for (ModelConfig m : config.models()) {
      if (m.isPattern() && m.match(id) != null) return m;
    }
    return null;
  }

  /** Keeps what every filter admits; records one exclusion per failed filter, for {@code excluded_by}. */
  private static List<Candidate> applyFilters(
      List<Candidate> candidates, List<EndpointFilter> filters, List<Exclusion> excluded) {
    List<Candidate> kept = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      boolean admitted = true;
      for (EndpointFilter f : filters) {
        if (!f.admits().test(c)) {
          excluded.add(new Exclusion(c, f.reason()));
          admitted = false;
        }
      }
      if (admitted) kept.add(c);
    }
    return kept;
  }

  /** Candidates ranked together, and the sort that applies to them (null: load balancing). */
  private record Group(List<Candidate> candidates, SortBy sort) {}

  /**
   * Partition "model" (the default) keeps each model's endpoints together, in {@code models} order;
   * "none" sorts all of them as one list. The request's {@code sort} wins over a suffix's; {@code
   * exacto} is not implemented and falls back to load balancing.
   */
  private static List<Group> groups(List<ModelVariant> models, List<List<Candidate>> admitted, ProviderPreferences p) {
    SortBy requested = p.sort() == null || p.sort().by() == SortBy.EXACTO ? null : p.sort().by();
    if (requested != null && p.sort().partition() == Partition.NONE) {
      return List.of(new Group(admitted.stream().flatMap(List::stream).toList(), requested));
    }
    List<Group> groups = new ArrayList<>(models.size());
    for (int i = 0; i < models.size(); i++) {
      groups.add(new Group(admitted.get(i), requested != null ? requested : models.get(i).impliedSort()));
    }
    return groups;
  }

  /**
   * With {@code order}, the listed providers come first in that order (which disables load
   * balancing for them); the rest follow only if fallbacks are allowed. Otherwise the sort, or else
   * load balancing, decides.
   */
  private List<Candidate> rank(Group group, ProviderPreferences p, List<Exclusion> excluded, long now) {
    if (!hasOrder(p)) return rankUnpinned(group.candidates(), group.sort(), now);

    List<Candidate> listed = new ArrayList<>();
    List<Candidate> rest = new ArrayList<>(group.candidates());
    for (String slug : p.order()) {
      for (var it = rest.iterator(); it.hasNext(); ) {
        Candidate c = it.next();
        if (ProviderSlugs.matches(slug, c.providerId())) {
          listed.add(c);
          it.remove();
        }
      }
    }
    if (allowFallbacks(p)) {
      listed.addAll(rankUnpinned(rest, group.sort(), now));
    } else {
      // allow_fallbacks=false turns order into a closed set, so the others are excluded like by only.
      for (Candidate c : rest) excluded.add(new Exclusion(c, EndpointFilter.ALLOWED_PROVIDERS));
    }
    return listed;
  }

  private List<Candidate> rankUnpinned(List<Candidate> candidates, SortBy sort, long now) {
    return sort != null
        ? EndpointSort.sort(candidates, sort, stats, now)
        : LoadBalancer.rank(candidates, stats, now, random);
  }

  /**
   * ROUTING.md a7: the endpoint that last served this conversation's model moves to the front of
   * that model's endpoints, unless {@code order} is set or the endpoint is in an outage. It overrides
   * the soft preferences (a cache hit is worth more than them) but no hard filter: an endpoint
   * filtered out is not in the list to move.
   */
  private List<Candidate> promoteSticky(List<Candidate> attempts, RouteRequest request, long now) {
    if (request.stickyKey() == null || hasOrder(request.preferences())) return attempts;
    List<Candidate> out = new ArrayList<>(attempts);
    for (String model : modelsIn(attempts)) {
      Optional<String> pinned = sticky.lookup(request.stickyKey(), model, now);
      if (pinned.isEmpty() || stats.hadRecentOutage(pinned.get(), now)) continue;
      int first = -1;
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        Candidate c = out.get(i);
        if (!c.model().equals(model)) continue;
        if (first < 0) first = i;
        if (c.endpointKey().equals(pinned.get())) {
          at = i;
          break;
        }
      }
      if (at > first) out.add(first, out.remove(at));
    }
    return out;
  }

  /**
   * {@code allow_fallbacks: false} without {@code order} means "only the primary provider": each
   * model keeps its first-ranked endpoint. Fallback models stay, since {@code models} is a separate
   * request for fallbacks. (With {@code order}, {@link #rank} already kept only the listed ones.)
   */
  private static List<Candidate> primaryOnlyIfNoFallbacks(List<Candidate> attempts, ProviderPreferences p) {
    if (allowFallbacks(p) || hasOrder(p)) return attempts;
    Set<String> seen = new HashSet<>();
    return attempts.stream().filter(c -> seen.add(c.model())).toList();
  }

  private static Set<String> modelsIn(List<Candidate> attempts) {
    Set<String> models = new LinkedHashSet<>();
    for (Candidate c : attempts) models.add(c.model());
    return models;
  }

  private static boolean hasOrder(ProviderPreferences p) {
    return p.order() != null && !p.order().isEmpty();
  }

  private static boolean allowFallbacks(ProviderPreferences p) {
    return !Boolean.FALSE.equals(p.allowFallbacks());
  }

  /**
   * 404 either way: the models exist but nothing serves them, either because the config lists no
   * endpoints or because the request's filters removed them all ({@code excluded_by} says which).
   */
  private static RoutingException noEndpoints(List<ModelVariant> models, List<Exclusion> excluded) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("requested_models", models.stream().map(ModelVariant::requested).toList());
    if (excluded.isEmpty()) {
      String ids = String.join(", ", models.stream().map(ModelVariant::requested).toList());
      return new RoutingException(404, "No endpoints found for " + ids, metadata);
    }
    metadata.put("excluded_by", RoutePlan.excludedBy(excluded));
    return new RoutingException(404, "No endpoints found matching your data policy / provider preferences", metadata);
  }
}
