package dev.openrouter4j;

import dev.openrouter4j.internal.ClientCore;
import dev.openrouter4j.internal.HeadersInterceptor;
import dev.openrouter4j.internal.Pipeline;
import dev.openrouter4j.internal.RetryInterceptor;
import dev.openrouter4j.internal.Sleeper;
import dev.openrouter4j.internal.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The OpenRouter client. Thread-safe: build one and share it. {@link #close()} releases the threads
 * and connections it created (not those of an {@link HttpClient} you passed in).
 *
 * <pre>{@code
 * try (OpenRouter client = OpenRouter.fromEnv()) {
 *   ChatResult result = client.chat().send(ChatRequest.builder()
 *       .model("openai/gpt-4o")
 *       .messages(ChatMessage.user("Hello"))
 *       .build());
 * }
 * }</pre>
 */
public final class OpenRouter implements AutoCloseable {
  public static final String DEFAULT_SERVER_URL = "https://openrouter.ai/api/v1";
  public static final String VERSION = "0.1.0";

  private final ClientCore core;
  private final HttpClient httpClient;
  private final boolean ownsHttpClient;
  private final ExecutorService asyncExecutor;
  private final ChatService chat;
  private final ResponsesService responses;
  private final BetaService beta;
  private final ModelsService models;
  private final EndpointsService endpoints;
  private final ProvidersService providers;
  private final CreditsService credits;
  private final GenerationsService generations;
  private final ApiKeysService apiKeys;
  private final AnalyticsService analytics;
  private final EmbeddingsService embeddings;
  private final RerankService rerank;

  private OpenRouter(Builder b) {
    this.ownsHttpClient = b.httpClient == null;
    this.httpClient =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                // HTTP/2 where TLS negotiates it; on plain http the JDK would otherwise try an h2c
                // upgrade, which costs more per call than it saves against a local gateway
                .version(b.serverUrl.startsWith("http://") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                // The client's own work (parsing, handing body bytes to our subscribers, none of
                // which blocks) runs on its selector thread instead of hopping to a pool thread
                // and back: about half the context switches per call (see docs/ARCHITECTURE.md).
                .executor(Runnable::run)
                .build();
    AtomicInteger n = new AtomicInteger();
    this.asyncExecutor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "openrouter4j-async-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", b.userAgent);
    if (b.httpReferer != null) headers.put("HTTP-Referer", b.httpReferer);
    if (b.appTitle != null) headers.put("X-OpenRouter-Title", b.appTitle);
    if (!b.appCategories.isEmpty()) headers.put("X-OpenRouter-Categories", String.join(",", b.appCategories));
    headers.putAll(b.defaultHeaders);

    // The order of the stages, in one place: retry around auth/headers around the transport.
    Pipeline pipeline =
        new Pipeline(
            List.of(
                new RetryInterceptor(b.sleeper, b.nanoClock, b.wallClock, b.jitter, b.retryListener),
                new HeadersInterceptor(b.apiKey, headers),
                new Transport(httpClient)));
    this.core = new ClientCore(URI.create(b.serverUrl), pipeline, b.timeout, b.retryConfig, asyncExecutor);
    this.chat = new ChatService(core, b.validateRequests);
    this.responses = new ResponsesService(core, b.validateRequests);
    this.beta = new BetaService(responses);
    Calls calls = new Calls(core, b.validateRequests);
    this.models = new ModelsService(calls);
    this.endpoints = new EndpointsService(calls);
    this.providers = new ProvidersService(calls);
    this.credits = new CreditsService(calls);
    this.generations = new GenerationsService(calls);
    this.apiKeys = new ApiKeysService(calls);
    this.analytics = new AnalyticsService(calls);
    this.embeddings = new EmbeddingsService(calls);
    this.rerank = new RerankService(calls);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A client configured from {@code OPENROUTER_API_KEY} and, if set, {@code OPENROUTER_BASE_URL}. */
  public static OpenRouter fromEnv() {
    return builder().fromEnv().build();
  }

  /** {@code POST /chat/completions}. */
  public ChatService chat() {
    return chat;
  }

  /** {@code POST /responses} (the OpenResponses format). */
  public ResponsesService responses() {
    return responses;
  }

  /** The reference's {@code beta} namespace: {@code beta().responses()} is {@link #responses()}. */
  public BetaService beta() {
    return beta;
  }

  /** The model catalogue: {@code GET /models}, {@code /model/{author}/{slug}}, {@code /models/count}, {@code /models/user}. */
  public ModelsService models() {
    return models;
  }

  /** A model's provider endpoints and the zero-data-retention endpoints. */
  public EndpointsService endpoints() {
    return endpoints;
  }

  /** {@code GET /providers}. */
  public ProvidersService providers() {
    return providers;
  }

  /** {@code GET /credits}. */
  public CreditsService credits() {
    return credits;
  }

  /** A generation's record, stored content and feedback. */
  public GenerationsService generations() {
    return generations;
  }

  /** The current key ({@code GET /key}) and key management ({@code /keys}). */
  public ApiKeysService apiKeys() {
    return apiKeys;
  }

  /** {@code GET /activity}. */
  public AnalyticsService analytics() {
    return analytics;
  }

  /** {@code POST /embeddings} and the embedding models. */
  public EmbeddingsService embeddings() {
    return embeddings;
  }

  /** {@code POST /rerank}. */
  public RerankService rerank() {
    return rerank;
  }

  @Override
  public void close() {
    asyncExecutor.shutdownNow();
    if (ownsHttpClient) shutdownNow(httpClient);
  }

  /**
   * From Java 21 the JDK client can be shut down; {@code shutdownNow} (not {@code close}, which
   * waits for open streams) frees its threads and connections at once. On 17 there is no such
   * method and the client's threads end when it is collected. Called reflectively so the SDK still
   * compiles and runs on 17.
   */
  private static void shutdownNow(HttpClient client) {
    try {
      HttpClient.class.getMethod("shutdownNow").invoke(client);
    } catch (NoSuchMethodException onJava17) {
      // nothing to release explicitly
    } catch (ReflectiveOperationException | RuntimeException e) {
      // closing is best effort
    }
  }

  public static final class Builder {
    private Supplier<String> apiKey;
    private String serverUrl;
    private String httpReferer;
    private String appTitle;
    private List<String> appCategories = List.of();
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration timeout;
    private RetryConfig retryConfig = RetryConfig.defaults();
    private HttpClient httpClient;
    private boolean validateRequests = true;
    private String userAgent = "openrouter4j/" + VERSION + " java/" + Runtime.version().feature();
    private Sleeper sleeper = Sleeper.REAL;
    private java.util.function.LongSupplier nanoClock = System::nanoTime;
    private Supplier<Instant> wallClock = Instant::now;
    private java.util.function.DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private RetryInterceptor.RetryListener retryListener = RetryInterceptor.RetryListener.NONE;

    private Builder() {}

    /** Reads {@code OPENROUTER_API_KEY} and {@code OPENROUTER_BASE_URL} from the environment. */
    public Builder fromEnv() {
      String key = System.getenv("OPENROUTER_API_KEY");
      if (key != null && !key.isBlank()) apiKey(key);
      String base = System.getenv("OPENROUTER_BASE_URL");
      if (base != null && !base.isBlank()) serverUrl(base);
      return this;
    }

    public Builder apiKey(String apiKey) {
      Objects.requireNonNull(apiKey, "apiKey == null");
      this.apiKey = () -> apiKey;
      return this;
    }

    /** Asked before every attempt, so keys can rotate. */
    public Builder apiKey(Supplier<String> apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /** Default {@value #DEFAULT_SERVER_URL}; any prefix in the URL is kept. */
    public Builder serverUrl(String serverUrl) {
      URI uri = URI.create(Objects.requireNonNull(serverUrl, "serverUrl == null"));
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("serverUrl must be an absolute http(s) URL: " + serverUrl);
      }
      this.serverUrl = serverUrl;
      return this;
    }

    /** Your app's URL, sent as {@code HTTP-Referer} (used for OpenRouter's app rankings). */
    public Builder httpReferer(String v) { this.httpReferer = v; return this; }

    /** Your app's name, sent as {@code X-OpenRouter-Title}. */
    public Builder appTitle(String v) { this.appTitle = v; return this; }

    /** Sent comma-separated as {@code X-OpenRouter-Categories}, e.g. {@code cli-agent}. */
    public Builder appCategories(String... v) { this.appCategories = List.of(v); return this; }

    public Builder appCategories(List<String> v) { this.appCategories = List.copyOf(v); return this; }

    public Builder header(String name, String value) {
      defaultHeaders.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    public Builder defaultHeaders(Map<String, String> headers) {
      headers.forEach(this::header);
      return this;
    }

    public Builder connectTimeout(Duration v) { this.connectTimeout = Objects.requireNonNull(v, "connectTimeout == null"); return this; }

    /** Total time for a buffered call, time to the response headers for a stream. Default: none. */
    public Builder timeout(Duration v) { this.timeout = v; return this; }

    public Builder retryConfig(RetryConfig v) { this.retryConfig = Objects.requireNonNull(v, "retryConfig == null"); return this; }

    /** Bring your own client (proxy, TLS, executor). Its connect timeout is then yours to set. */
    public Builder httpClient(HttpClient v) { this.httpClient = v; return this; }

    /** Check requests against the documented limits before sending (default on). */
    public Builder validateRequests(boolean v) { this.validateRequests = v; return this; }

    public Builder userAgent(String v) { this.userAgent = Objects.requireNonNull(v, "userAgent == null"); return this; }

    // Test seams: package-private, so the public surface stays small.
    Builder sleeper(Sleeper v) { this.sleeper = v; return this; }
    Builder nanoClock(java.util.function.LongSupplier v) { this.nanoClock = v; return this; }
    Builder wallClock(Supplier<Instant> v) { this.wallClock = v; return this; }
    Builder jitter(java.util.function.DoubleSupplier v) { this.jitter = v; return this; }
    Builder retryListener(RetryInterceptor.RetryListener v) { this.retryListener = v; return this; }

    public OpenRouter build() {
      if (serverUrl == null) {
        String env = System.getenv("OPENROUTER_BASE_URL");
        serverUrl = env != null && !env.isBlank() ? env : DEFAULT_SERVER_URL;
      }
      return new OpenRouter(this);
    }
  }
}
