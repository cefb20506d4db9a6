package dev.openrouter4j.gateway.account;

import java.time.Instant;
import java.util.List;

/** Generation records for tests. */
final class Generations {
  private Generations() {}

  static GenerationRecord record(String id, String keyHash, String model, String provider, Instant at, double cost) {
    return new GenerationRecord(
        id, keyHash, model, provider, 100, 20, 10, 5, cost, 300, 1200, "stop", true, at,
        List.of(new GenerationRecord.Attempt("down", model, 503, 40), new GenerationRecord.Attempt(provider, model, 200, 260)));
  }

  static GenerationRecord record(String id, String keyHash) {
    return record(id, keyHash, "acme/model", "acme", Instant.parse("2026-03-04T10:00:00.123Z"), 0.0012);
  }
}
