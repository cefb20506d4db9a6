package dev.openrouter4j.bench.jmh;

import dev.openrouter4j.gateway.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The gateway's default storage for a benchmark: an H2 file database in a temporary directory, deleted on close. */
final class H2FileDatabase implements AutoCloseable {
  private final Path dir;
  final Database db;

  H2FileDatabase(String prefix) throws IOException {
    dir = Files.createTempDirectory(prefix);
    db = Database.open("jdbc:h2:file:" + dir.resolve("gw").toAbsolutePath());
  }

  @Override
  public void close() throws IOException {
    db.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
