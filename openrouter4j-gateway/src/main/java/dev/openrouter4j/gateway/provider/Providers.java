package dev.openrouter4j.gateway.provider;

import dev.openrouter4j.gateway.config.ProviderConfig;
import dev.openrouter4j.gateway.provider.anthropic.AnthropicProvider;
import dev.openrouter4j.gateway.provider.openai.OpenAiProvider;
import dev.openrouter4j.gateway.provider.simulated.SimulatedProvider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running adapters, one per configured provider, looked up by provider id. */
public final class Providers {
  private final Map<String, Provider> byId = new LinkedHashMap<>();

  public Providers(Vertx vertx, List<ProviderConfig> configs) {
    for (ProviderConfig c : configs) byId.put(c.id(), create(vertx, c));
  }

  /** The one place that knows which class serves which {@code kind}. */
  static Provider create(Vertx vertx, ProviderConfig config) {
    return switch (config.kind()) {
      case "openai" -> new OpenAiProvider(vertx, config, false);
      case "openrouter" -> new OpenAiProvider(vertx, config, true);
      case "anthropic" -> new AnthropicProvider(vertx, config);
      case "simulated" -> new SimulatedProvider(vertx, config);
      default -> throw new IllegalArgumentException("unknown provider kind: " + config.kind());
    };
  }

  public Provider get(String id) {
    return byId.get(id);
  }

  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (Provider p : byId.values()) closing.add(p.close());
    return Future.join(closing).mapEmpty();
  }
}
