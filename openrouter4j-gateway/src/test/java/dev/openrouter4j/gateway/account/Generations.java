package dev.openrouter4j.gateway.account;

import java.time.Instant;
import java.util.List;

/** Generation records for tests. */
final class Generations {
  private Generations() {}

  static final Instant AT = Instant.parse("2026-03-04T10:00:00.123Z");

  /** Served after one failed attempt: the served attempt repeats the record's provider, model and latency, as Accounting makes it. */
  static GenerationRecord record(String id, String keyHash, String model, String provider, Instant at, double cost) {
    return withAttempts(
        id, keyHash, model, provider, at, cost,
        List.of(new GenerationRecord.Attempt("down", model, 503, 40), new GenerationRecord.Attempt(provider, model, 200, 300)));
  }

  /** Latency 300 ms; {@code attempts} as given. */
  static GenerationRecord withAttempts(String id, String keyHash, String model, String provider, Instant at, double cost, List<GenerationRecord.Attempt> attempts) {
    return new GenerationRecord(id, keyHash, model, provider, 100, 20, 10, 5, cost, 300, 1200, "stop", true, false, at, attempts);
  }

  /** acme/model on acme, as {@link #record(String, String)}, with these attempts. */
  static GenerationRecord withAttempts(String id, String keyHash, GenerationRecord.Attempt... attempts) {
    return withAttempts(id, keyHash, "acme/model", "acme", AT, 0.0012, List.of(attempts));
  }

  /** A stream its client left: cancelled, no finish reason. */
  static GenerationRecord cancelled(String id, String keyHash) {
    return new GenerationRecord(
        id, keyHash, "acme/model", "acme", 12, 7, 0, 0, 0.007012, 300, 900, null, true, true, AT,
        List.of(new GenerationRecord.Attempt("acme", "acme/model", 200, 300)));
  }

  static GenerationRecord record(String id, String keyHash) {
    return record(id, keyHash, "acme/model", "acme", AT, 0.0012);
  }
}
