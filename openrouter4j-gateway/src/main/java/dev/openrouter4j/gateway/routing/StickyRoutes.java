package dev.openrouter4j.gateway.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sticky routing (ROUTING.md a7): which endpoint last served a conversation's requests for a model,
 * so the next request lands where its prompt is cached. An entry expires after 10 minutes without a
 * success; only {@link #remember} (called on success) renews it, so errors never do. At most {@code
 * maxEntries} conversations are kept, the least recently used giving way. Thread-safe.
 */
public final class StickyRoutes {
  public static final long DEFAULT_TTL_MS = 10 * 60_000;
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private record Key(String stickyKey, String model) {}

  private record Pin(String endpointKey, long lastSuccessAt) {}

  private final long ttlMs;
  private final Map<Key, Pin> entries;

  public StickyRoutes() {
    this(DEFAULT_MAX_ENTRIES, DEFAULT_TTL_MS);
  }

  public StickyRoutes(int maxEntries, long ttlMs) {
    if (maxEntries < 1) throw new IllegalArgumentException("maxEntries < 1");
    this.ttlMs = ttlMs;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Pin> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /**
   * Whether a success on {@code served} should pin the conversation to it. Pinning pays only where a
   * cache read is cheaper than a fresh prompt. With a {@code session_id} any success pins; with only
   * a {@code prompt_cache_key} (or the derived key) it takes an observed cache hit.
   */
  public static boolean worthRemembering(Candidate served, boolean hasSessionId, boolean cacheHit) {
    var pricing = served.endpoint().pricing();
    return pricing.cacheRead() < pricing.prompt() && (hasSessionId || cacheHit);
  }

  /** Pins ({@code stickyKey}, {@code model}) to {@code endpointKey}, restarting its expiry. */
  public synchronized void remember(String stickyKey, String model, String endpointKey, long nowMillis) {
    entries.put(new Key(stickyKey, model), new Pin(endpointKey, nowMillis));
  }

  /** The endpoint key pinned for ({@code stickyKey}, {@code model}), unless it expired. */
  public synchronized Optional<String> lookup(String stickyKey, String model, long nowMillis) {
    Key key = new Key(stickyKey, model);
    Pin e = entries.get(key);
    if (e == null) return Optional.empty();
    if (nowMillis - e.lastSuccessAt() >= ttlMs) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(e.endpointKey());
  }

  public synchronized int size() {
    return entries.size();
  }
}
