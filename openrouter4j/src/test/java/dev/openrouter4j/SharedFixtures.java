package dev.openrouter4j;

import java.nio.file.Files;
import java.nio.file.Path;

/** ../shared/fixtures, located through the system property surefire sets. */
final class SharedFixtures {
  private SharedFixtures() {}

  static Path dir() {
    String shared = System.getProperty("openrouter4j.shared");
    Path p = shared != null ? Path.of(shared, "fixtures") : Path.of("../../shared/fixtures");
    if (!Files.isDirectory(p)) throw new IllegalStateException("fixtures not found at " + p.toAbsolutePath());
    return p;
  }

  static Path file(String relative) {
    return dir().resolve(relative);
  }
}
