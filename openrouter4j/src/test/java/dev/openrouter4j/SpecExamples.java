package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The {@code example:} blocks of {@code shared/spec/openrouter-openapi.yaml}, copied as JSON to
 * {@code src/test/resources/spec-examples} (one file per operation; {@code *.request.json} are
 * request bodies). {@code models-list.json} is the {@code ModelsListResponse} example with the
 * {@code Model} example added in front, so the list carries a {@code reasoning} object too.
 */
final class SpecExamples {
  private SpecExamples() {}

  static String read(String name) {
    try (InputStream in = SpecExamples.class.getResourceAsStream("/spec-examples/" + name + ".json")) {
      if (in == null) throw new IllegalArgumentException("no spec example " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Numbers compare by value ({@code 50} equals {@code 50.0}); everything else exactly. */
  static final Comparator<JsonNode> NUMERIC =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue());
        return a.equals(b) ? 0 : 1;
      };

  static void assertJson(String expected, String actual) {
    JsonNode e = tree(expected);
    JsonNode a = tree(actual);
    assertTrue(e.equals(NUMERIC, a), "expected " + e + "\n but was " + a);
  }

  static void assertJson(JsonNode expected, Object actual) {
    JsonNode a = Json.mapper().valueToTree(actual);
    assertTrue(expected.equals(NUMERIC, a), "expected " + expected + "\n but was " + a);
  }
}
