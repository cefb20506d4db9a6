package dev.openrouter4j.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What one bench/run.sh run left in its results directory: {@code machine.properties} (facts the
 * script gathered), {@code commands/NAME.txt} (each step's exact command), {@code gateway.json},
 * {@code sdk.json}, {@code jmh.json}, and {@code footprint-NAME.txt} (a runtime classpath). Any of
 * them may be missing: a step that failed leaves a gap the report names instead of failing.
 */
record Inputs(Properties machine, Map<String, String> commands, JsonNode gateway, JsonNode sdk, JsonNode jmh, Map<String, List<Path>> footprints) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Inputs load(Path dir) {
    Properties machine = new Properties();
    Path props = dir.resolve("machine.properties");
    if (Files.exists(props)) {
      try (Reader r = Files.newBufferedReader(props)) {
        machine.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, String> commands = new LinkedHashMap<>();
    Path cmdDir = dir.resolve("commands");
    if (Files.isDirectory(cmdDir)) {
      try (var files = Files.list(cmdDir)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (name.endsWith(".txt")) commands.put(name.substring(0, name.length() - 4), Files.readString(f).strip());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, List<Path>> footprints = new LinkedHashMap<>();
    for (String name : List.of("openrouter4j", "openai-java")) {
      Path f = dir.resolve("footprint-" + name + ".txt");
      if (!Files.exists(f)) continue;
      try {
        List<Path> jars = new ArrayList<>();
        for (String entry : Files.readString(f).strip().split("[:\n]")) {
          if (!entry.isBlank()) jars.add(Path.of(entry.strip()));
        }
        footprints.put(name, jars);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Inputs(machine, commands, json(dir.resolve("gateway.json")), json(dir.resolve("sdk.json")), json(dir.resolve("jmh.json")), footprints);
  }

  private static JsonNode json(Path p) {
    if (!Files.exists(p)) return MissingNode.getInstance();
    try {
      return MAPPER.readTree(p.toFile());
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  String fact(String key, String fallback) {
    String v = machine.getProperty(key);
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  /** The primary score of a JMH benchmark (by method name), or NaN. */
  double score(String benchmark) {
    JsonNode b = benchmark(benchmark);
    return b == null ? Double.NaN : b.path("primaryMetric").path("score").asDouble(Double.NaN);
  }

  double scoreError(String benchmark) {
    JsonNode b = benchmark(benchmark);
    return b == null ? Double.NaN : b.path("primaryMetric").path("scoreError").asDouble(Double.NaN);
  }

  /** Bytes allocated per operation ({@code -prof gc}), or NaN. */
  double allocation(String benchmark) {
    JsonNode b = benchmark(benchmark);
    if (b == null) return Double.NaN;
    for (var e : b.path("secondaryMetrics").properties()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) return e.getValue().path("score").asDouble(Double.NaN);
    }
    return Double.NaN;
  }

  private JsonNode benchmark(String name) {
    for (JsonNode b : jmh) {
      if (b.path("benchmark").asText().endsWith("." + name)) return b;
    }
    return null;
  }
}
