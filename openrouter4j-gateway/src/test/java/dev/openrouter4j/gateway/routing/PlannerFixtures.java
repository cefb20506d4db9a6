package dev.openrouter4j.gateway.routing;

import dev.openrouter4j.gateway.config.EndpointConfig;
import dev.openrouter4j.gateway.config.GatewayConfig;
import dev.openrouter4j.gateway.config.ModelConfig;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.config.ServerConfig;
import dev.openrouter4j.gateway.config.StorageConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Builders for configs and planners in routing tests: a fixed clock, seeded randomness. */
final class PlannerFixtures {
  static final long T0 = 1_700_000_000_000L;

  private PlannerFixtures() {}

  /** A settable clock, so tests can step over the 30 s and 10 min windows. */
  static final class TestClock {
    long now = T0;

    void advance(long ms) {
      now += ms;
    }
  }

  static ProviderConfig provider(String id) {
    return new ProviderConfig(id, "simulated", null, null, ProviderConfig.DEFAULT_TIMEOUT_MS, "allow", false, null);
  }

  static ProviderConfig privateProvider(String id, boolean deniesTraining, boolean zdr) {
    return new ProviderConfig(
        id, "simulated", null, null, ProviderConfig.DEFAULT_TIMEOUT_MS, deniesTraining ? "deny" : "allow", zdr, null);
  }

  /** An endpoint priced at {@code price} per million prompt tokens (completion free). */
  static EndpointConfig ep(String provider, double price) {
    return new Ep(provider).price(price, 0).build();
  }

  static Ep endpoint(String provider) {
    return new Ep(provider);
  }

  /** Endpoint builder for the few fields a test cares about. */
  static final class Ep {
    private final String provider;
    private String upstream;
    private String quantization;
    private Pricing pricing = Pricing.FREE;
    private List<String> supports = List.of();
    private Integer maxCompletionTokens;

    Ep(String provider) {
      this.provider = provider;
    }

    Ep upstream(String v) {
      upstream = v;
      return this;
    }

    Ep quantization(String v) {
      quantization = v;
      return this;
    }

    Ep price(double prompt, double completion) {
      pricing = new Pricing(prompt, completion, 0, null, null);
      return this;
    }

    Ep pricing(Pricing v) {
      pricing = v;
      return this;
    }

    Ep supports(String... v) {
      supports = List.of(v);
      return this;
    }

    Ep maxCompletionTokens(int v) {
      maxCompletionTokens = v;
      return this;
    }

    EndpointConfig build() {
      return new EndpointConfig(provider, upstream, quantization, pricing, supports, maxCompletionTokens);
    }
  }

  static ModelConfig model(String id, EndpointConfig... endpoints) {
    return new ModelConfig(id, id, null, List.of(endpoints));
  }

  /** A config whose providers are the given ones plus a default provider for every endpoint that names another. */
  static GatewayConfig config(List<ProviderConfig> providers, ModelConfig... models) {
    List<ProviderConfig> all = new ArrayList<>(providers);
    Set<String> known = new LinkedHashSet<>();
    for (ProviderConfig p : providers) known.add(p.id());
    for (ModelConfig m : models) {
      for (EndpointConfig e : m.endpoints()) {
        if (known.add(e.provider())) all.add(provider(e.provider()));
      }
    }
    return new GatewayConfig(ServerConfig.defaults(), StorageConfig.defaults(), all, List.of(models));
  }

  static GatewayConfig config(ModelConfig... models) {
    return config(List.of(), models);
  }

  /** A planner with its own stats and sticky routes, which the test reaches through the fields. */
  static final class Rig {
    final EndpointStats stats = new EndpointStats();
    final StickyRoutes sticky = new StickyRoutes();
    final TestClock clock = new TestClock();
    final RoutePlanner planner;

    Rig(GatewayConfig config) {
      this(config, new SplittableRandom(42));
    }

    Rig(GatewayConfig config, RandomGenerator random) {
      planner = new RoutePlanner(config, stats, sticky, random, () -> clock.now);
    }

    RoutePlan plan(RouteRequest request) {
      return planner.plan(request);
    }

    List<String> providers(RouteRequest request) {
      return providersOf(plan(request));
    }
  }

  static List<String> providersOf(RoutePlan plan) {
    return plan.attempts().stream().map(Candidate::providerId).toList();
  }

  /** "model@provider" per attempt, for plans that span models. */
  static List<String> attemptsOf(RoutePlan plan) {
    return plan.attempts().stream().map(c -> c.model() + "@" + c.providerId()).toList();
  }

  static RouteRequest request(String model, dev.openrouter4j.api.ProviderPreferences prefs) {
    return new RouteRequest(model, null, prefs, null, null, null);
  }

  /** A key as the planner builds it, for seeding stats. */
  static String key(String provider, String modelId) {
    return provider + "|" + modelId + "|" + modelId;
  }
}
