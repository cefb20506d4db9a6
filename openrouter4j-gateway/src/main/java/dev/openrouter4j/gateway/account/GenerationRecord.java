package dev.openrouter4j.gateway.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What GET /api/v1/generation answers about one request: the model and provider that served it,
 * its tokens and cost (USD), its latency (to the first token) and generation time (ms), how it
 * finished, whether it streamed, whether it was cancelled before its answer was complete (the
 * client left mid-answer, or a background run was cancelled: then the finish reason is null and the
 * tokens and cost are what was produced until then), every upstream attempt in order, the served
 * one last, and which API it answered ({@code api_type}: {@link #COMPLETIONS} or {@link #EMBEDDINGS}).
 */
public record GenerationRecord(
    String id,
    String keyHash,
    String model,
    String provider,
    long promptTokens,
    long completionTokens,
    long cachedTokens,
    long reasoningTokens,
    double cost,
    long latencyMs,
    long generationTimeMs,
    String finishReason,
    boolean streamed,
    boolean cancelled,
    Instant createdAt,
    List<Attempt> attempts,
    String apiType) {
  /** {@code api_type} of a chat completion or Responses generation. */
  public static final String COMPLETIONS = "completions";
  /** {@code api_type} of an embeddings generation. */
  public static final String EMBEDDINGS = "embeddings";

  /** A completion ({@link #COMPLETIONS}). */
  public GenerationRecord(
      String id, String keyHash, String model, String provider, long promptTokens, long completionTokens, long cachedTokens,
      long reasoningTokens, double cost, long latencyMs, long generationTimeMs, String finishReason, boolean streamed,
      boolean cancelled, Instant createdAt, List<Attempt> attempts) {
    this(id, keyHash, model, provider, promptTokens, completionTokens, cachedTokens, reasoningTokens, cost, latencyMs,
        generationTimeMs, finishReason, streamed, cancelled, createdAt, attempts, COMPLETIONS);
  }

  /** One upstream attempt: the HTTP status it ended with (200 for the one that answered). */
  public record Attempt(String provider, String model, int status, long latencyMs) {
    public Attempt {
      Objects.requireNonNull(provider, "provider == null");
      Objects.requireNonNull(model, "model == null");
    }
  }

  public GenerationRecord {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(keyHash, "keyHash == null");
    Objects.requireNonNull(model, "model == null");
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(createdAt, "createdAt == null");
    Objects.requireNonNull(apiType, "apiType == null");
    if (id.length() > 64 || keyHash.length() > 64) throw new IllegalArgumentException("id and keyHash are at most 64 characters");
    if (!Double.isFinite(cost) || cost < 0) throw new IllegalArgumentException("cost must be a number >= 0, not " + cost);
    attempts = List.copyOf(attempts);
  }
}
