package dev.openrouter4j.gateway.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The management key, from {@code OPENROUTER4J_ADMIN_KEY}: the credential for the key management
 * endpoints. Only its SHA-256 is kept, and a presented secret is compared by hashing it too and
 * comparing the digests with {@link MessageDigest#isEqual}, so the time taken says nothing about
 * how much of it was right.
 */
public final class ManagementKey {
  public static final String ENV = "OPENROUTER4J_ADMIN_KEY";
  /** Shorter secrets are refused: a management key must not be guessable. */
  public static final int MIN_LENGTH = 16;

  private final byte[] digest;

  private ManagementKey(byte[] digest) {
    this.digest = digest;
  }

  public static ManagementKey of(String secret) {
    Objects.requireNonNull(secret, "secret == null");
    if (secret.strip().length() < MIN_LENGTH) {
      throw new IllegalArgumentException(ENV + " must be at least " + MIN_LENGTH + " characters");
    }
    return new ManagementKey(sha256(secret));
  }

  /** The key from the environment, if {@code OPENROUTER4J_ADMIN_KEY} is set and not blank. */
  public static Optional<ManagementKey> fromEnvironment(Map<String, String> env) {
    String value = env.get(ENV);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(of(value));
  }

  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(digest, sha256(presented));
  }

  @Override
  public String toString() {
    return "ManagementKey[redacted]";
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
