package dev.openrouter4j.gateway.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the gateway's YAML configuration into a {@link GatewayConfig}, or builds one from the
 * environment when there is no file.
 *
 * <h2>The file</h2>
 *
 * <pre>{@code
 * server: { host: 127.0.0.1, port: 8080, max_body_bytes: 10485760 }
 * storage: { url: "jdbc:h2:file:./data/openrouter4j" }   # or jdbc:postgresql://…
 * providers:
 *   - id: acme                     # slug for provider.order/only/ignore
 *     kind: openai                 # openai | anthropic | openrouter | simulated
 *     base_url: http://127.0.0.1:9000/v1
 *     api_key: ${ACME_KEY}
 *     timeout_ms: 600000
 *     data_collection: deny        # allow | deny
 *     zdr: true
 *     options: { ttft_ms: 200 }    # kind-specific, passed to the adapter as is
 * models:
 *   - id: meta-llama/llama-3.1-8b-instruct   # or a pattern: "openai/*", "*"
 *     name: Llama 3.1 8B Instruct
 *     context_length: 131072
 *     endpoints:
 *       - provider: acme
 *         upstream_model: llama3.1:8b
 *         quantization: fp8
 *         pricing: { prompt: 0.02, completion: 0.05, request: 0, input_cache_read: 0.01, input_cache_write: 0.025 }
 *         supports: [tools, response_format, reasoning]
 *         max_completion_tokens: 8192
 * }</pre>
 *
 * <p>Required are {@code providers[].id}, {@code providers[].kind}, {@code models[].id}, {@code
 * models[].endpoints} (at least one) and {@code models[].endpoints[].provider}; everything else has
 * the default given in the records ({@code base_url} by kind: see {@link
 * ProviderConfig#defaultBaseUrl}). A value that is null or empty counts as not given. Unknown keys
 * are errors, so a misspelt setting never silently falls back to its default. Base URLs lose any
 * trailing slash. Pricing is USD per million tokens, and per request; or {@code pricing: upstream},
 * the cost each answer's upstream reports (kinds {@code openai} and {@code openrouter}), which is the
 * default for the {@code openrouter} kind. Other endpoints without prices are free.
 *
 * <p>Scalar values may use {@code ${NAME}} and {@code ${NAME:-default}} (the default applies when the
 * variable is unset or empty; <code>$${</code> is a literal <code>${</code>). An unset variable without a
 * default is an error. Plain scalars are typed after substitution, by the YAML 1.2 core schema.
 * Inside { } or [ ], where braces are syntax, quote such values: {@code { port: "${PORT}" }} (numeric
 * and boolean settings read quoted text as well).
 *
 * <p>Every problem is a {@link ConfigException} whose message is one line: {@code
 * source:line:column: what is wrong, naming the key}.
 *
 * <h2>Without a file</h2>
 *
 * {@link #zeroConfig} serves, on 127.0.0.1:8080 with the default H2 file:
 *
 * <table>
 *   <caption>Zero-config providers and models</caption>
 *   <tr><th>when</th><th>provider (kind)</th><th>model</th><th>upstream model</th></tr>
 *   <tr><td>always</td><td>{@code simulated} (simulated, {@code ttft_ms: 0})</td>
 *       <td>{@code openrouter4j/simulated}</td><td>the same</td></tr>
 *   <tr><td>{@code OPENAI_API_KEY}</td><td>{@code openai} (openai; base {@code OPENAI_BASE_URL}
 *       or the public API)</td><td>{@code openai/*}</td><td>{@code gpt-4o} for {@code openai/gpt-4o}</td></tr>
 *   <tr><td>{@code OPENAI_BASE_URL} without {@code OPENAI_API_KEY}</td><td>{@code local} (openai,
 *       that URL, no key: Ollama, llama.cpp, vLLM…)</td><td>{@code local/*}</td>
 *       <td>{@code llama3.1:8b} for {@code local/llama3.1:8b}</td></tr>
 *   <tr><td>{@code ANTHROPIC_API_KEY}</td><td>{@code anthropic} (anthropic; base {@code
 *       ANTHROPIC_BASE_URL} or the public API)</td><td>{@code anthropic/*}</td>
 *       <td>{@code claude-sonnet-4} for {@code anthropic/claude-sonnet-4}</td></tr>
 *   <tr><td>{@code OPENROUTER_API_KEY}</td><td>{@code openrouter} (openrouter; base {@code
 *       OPENROUTER_UPSTREAM_URL} or openrouter.ai)</td><td>{@code *}, listed last</td>
 *       <td>the requested id, passed through</td></tr>
 * </table>
 *
 * <p>The OpenRouter upstream's base is {@code OPENROUTER_UPSTREAM_URL}, not {@code
 * OPENROUTER_BASE_URL}: the SDK reads the latter to find this gateway, so it often points here. Empty
 * variables count as unset. Zero-config prices are zero, except OpenRouter's: its answers cost what
 * OpenRouter reports ({@code pricing: upstream}).
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Reads {@code file} (UTF-8); messages name it as given. */
  public static GatewayConfig load(Path file, Map<String, String> env) {
    requireNonNull(file, "file == null");
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file", e);
    } catch (CharacterCodingException e) {
      throw new ConfigException(file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e, e);
    }
    return parse(text, file.toString(), env);
  }

  /** Parses {@code yaml}; {@code sourceName} is what messages call it (usually the file name). */
  public static GatewayConfig parse(String yaml, String sourceName, Map<String, String> env) {
    requireNonNull(yaml, "yaml == null");
    requireNonNull(sourceName, "sourceName == null");
    requireNonNull(env, "env == null");
    YamlNode root = YamlNode.parse(yaml, new YamlNode.Source(sourceName, env));
    if (root == null || root.isNull()) {
      return new GatewayConfig(ServerConfig.defaults(), StorageConfig.defaults(), List.of(), List.of());
    }
    return ConfigReader.read(root);
  }

  /** The configuration when no file is given; see the class documentation for what it serves. */
  public static GatewayConfig zeroConfig(Map<String, String> env) {
    return ZeroConfig.of(requireNonNull(env, "env == null"));
  }

  /** {@code config} with the CLI's {@code --host} and {@code --port} applied; null keeps the file's. */
  public static GatewayConfig withOverrides(GatewayConfig config, String host, Integer port) {
    requireNonNull(config, "config == null");
    ServerConfig server = config.server();
    if (host != null) {
      if (host.isBlank()) throw new ConfigException("--host must not be empty");
      server = server.withHost(host.strip());
    }
    if (port != null) {
      if (port < 0 || port > 65_535) throw new ConfigException("--port must be from 0 to 65535, got " + port);
      server = server.withPort(port);
    }
    return new GatewayConfig(server, config.storage(), config.providers(), config.models());
  }
}
