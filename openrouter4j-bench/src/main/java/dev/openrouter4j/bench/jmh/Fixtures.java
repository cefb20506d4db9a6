package dev.openrouter4j.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorded provider responses under {@code shared/fixtures} (see its PROVENANCE.md): {@code
 * -Dopenrouter4j.fixtures=DIR} names the directory (bench/run.sh passes it, and JMH's forks inherit
 * it); without it, {@code shared/fixtures} is looked for beside the working directory and its parents.
 */
public final class Fixtures {
  /** OpenAI chat stream, gpt-4o: role chunk, 30 content chunks, finish chunk, usage chunk, [DONE]. */
  public static final String CHAT_STREAM = "openai/chat-stream-text-usage.sse";
  /** Its JSON chunks (every {@code data:} event but {@code [DONE]}). */
  public static final int CHAT_STREAM_CHUNKS = 33;
  public static final String CHAT_COMPLETION = "openai/chat-completion-nonstream.json";

  private Fixtures() {}

  public static byte[] bytes(String name) {
    Path p = dir().resolve(name);
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("fixture " + p + " is missing", e);
    }
  }

  public static Path dir() {
    String given = System.getProperty("openrouter4j.fixtures");
    if (given != null) return Path.of(given);
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared").resolve("fixtures");
      if (Files.isDirectory(candidate)) return candidate;
      Path sibling = d.resolveSibling("shared").resolve("fixtures");
      if (Files.isDirectory(sibling)) return sibling;
    }
    throw new IllegalStateException("shared/fixtures not found; pass -Dopenrouter4j.fixtures=DIR");
  }
}
