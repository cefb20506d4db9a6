package dev.openrouter4j.gateway.config;

import java.util.List;

/**
 * The gateway's configuration, as read from YAML by {@link ConfigLoader} (which fills every default,
 * so nothing here is null unless documented). The YAML keys are the snake_case of these names.
 */
public record GatewayConfig(ServerConfig server, StorageConfig storage, List<ProviderConfig> providers, List<ModelConfig> models) {
  public GatewayConfig {
    providers = List.copyOf(providers);
    models = List.copyOf(models);
  }

  public ProviderConfig provider(String id) {
    for (ProviderConfig p : providers) {
      if (p.id().equals(id)) return p;
    }
    return null;
  }
}
