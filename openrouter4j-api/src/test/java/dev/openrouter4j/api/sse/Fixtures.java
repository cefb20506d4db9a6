package dev.openrouter4j.api.sse;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared/fixtures: surefire passes the shared directory as a system property. */
final class Fixtures {
  private Fixtures() {}

  static Path dir() {
    String shared = System.getProperty("openrouter4j.shared");
    Path p = shared != null ? Path.of(shared, "fixtures") : Path.of("../../shared/fixtures");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("fixtures not found at " + p.toAbsolutePath());
    }
    return p;
  }
}
