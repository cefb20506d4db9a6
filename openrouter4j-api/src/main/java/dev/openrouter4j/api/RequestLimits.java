package dev.openrouter4j.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The limits the reference states for chat, Responses and embeddings requests, checked on the request's JSON
 * so the SDK (before sending) and the gateway (before routing) apply the same rules. Many of them
 * live only in the spec's prose (temperature 0..2, metadata 16 pairs), which a schema validator
 * would miss. The first broken rule is reported, with the field's path.
 */
public final class RequestLimits {
  /** A broken rule: {@code field} is a JSON path such as {@code messages} or {@code metadata.user}. */
  public record Violation(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  public enum Api {
    CHAT,
    RESPONSES,
    EMBEDDINGS
  }

  public static final int MAX_METADATA_PAIRS = 16;
  public static final int MAX_METADATA_KEY = 64;
  public static final int MAX_METADATA_VALUE = 512;
  public static final int MAX_STOP_SEQUENCES = 4;
  public static final int MAX_ID_LENGTH = 256;
  public static final int MAX_NAME_LENGTH = 64;

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final Set<String> PROVIDER_KEYS =
      Set.of(
          "order", "only", "ignore", "allow_fallbacks", "require_parameters", "data_collection", "zdr",
          "enforce_distillable_text", "quantizations", "sort", "max_price", "preferred_min_throughput",
          "preferred_max_latency");

  private RequestLimits() {}

  public static Optional<Violation> check(JsonNode body, Api api) {
    if (body == null || !body.isObject()) {
      return fail("body", "must be a JSON object");
    }
    if (api == Api.EMBEDDINGS) return embeddings(body);
    Optional<Violation> v = api == Api.CHAT ? chatOnly(body) : responsesOnly(body);
    if (v.isPresent()) return v;
    return firstOf(
        range(body, "temperature", 0, 2),
        range(body, "top_p", 0, 1),
        range(body, "frequency_penalty", -2, 2),
        range(body, "presence_penalty", -2, 2),
        range(body, "top_logprobs", 0, 20),
        range(body, "top_k", 0, Double.MAX_VALUE),
        metadata(body.get("metadata")),
        maxLength(body, "session_id", MAX_ID_LENGTH),
        api == Api.RESPONSES ? maxLength(body, "user", MAX_ID_LENGTH) : Optional.empty(),
        provider(body.get("provider")),
        plugins(body.get("plugins")),
        models(body.get("models")));
  }

  private static Optional<Violation> chatOnly(JsonNode body) {
    JsonNode messages = body.get("messages");
    if (messages == null || messages.isNull()) return fail("messages", "is required");
    if (!messages.isArray()) return fail("messages", "must be an array");
    if (messages.isEmpty()) return fail("messages", "must contain at least one message");
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      if (!m.isObject()) return fail("messages[" + i + "]", "must be an object");
      JsonNode role = m.get("role");
      if (role == null || !role.isTextual()) return fail("messages[" + i + "].role", "is required");
    }
    JsonNode stop = body.get("stop");
    if (stop != null && stop.isArray() && stop.size() > MAX_STOP_SEQUENCES) {
      return fail("stop", "at most " + MAX_STOP_SEQUENCES + " sequences, got " + stop.size());
    }
    if (stop != null && !stop.isNull() && !stop.isTextual() && !stop.isArray()) {
      return fail("stop", "must be a string or an array of strings");
    }
    JsonNode tools = body.get("tools");
    if (tools != null && tools.isArray()) {
      for (int i = 0; i < tools.size(); i++) {
        JsonNode fn = tools.get(i).get("function");
        if (fn != null) {
          Optional<Violation> v = name(fn.get("name"), "tools[" + i + "].function.name");
          if (v.isPresent()) return v;
        }
      }
    }
    JsonNode rf = body.get("response_format");
    if (rf != null && !rf.isNull()) {
      if (!rf.isObject() || !rf.path("type").isTextual()) return fail("response_format", "must be an object with a type");
      if (rf.get("type").asText().equals("json_schema")) {
        JsonNode schema = rf.get("json_schema");
        if (schema == null || !schema.isObject()) return fail("response_format.json_schema", "is required for type json_schema");
        return name(schema.get("name"), "response_format.json_schema.name");
      }
    }
    return range(body, "max_tokens", 0, Double.MAX_VALUE)
        .or(() -> range(body, "max_completion_tokens", 0, Double.MAX_VALUE));
  }

  private static Optional<Violation> responsesOnly(JsonNode body) {
    JsonNode input = body.get("input");
    if (input != null && !input.isNull() && !input.isTextual() && !input.isArray()) {
      return fail("input", "must be a string or an array of items");
    }
    JsonNode tools = body.get("tools");
    if (tools != null && tools.isArray()) {
      for (int i = 0; i < tools.size(); i++) {
        JsonNode t = tools.get(i);
        if (t.path("type").asText().equals("function")) {
          Optional<Violation> v = name(t.get("name"), "tools[" + i + "].name");
          if (v.isPresent()) return v;
        }
      }
    }
    JsonNode format = body.path("text").path("format");
    if (format.path("type").asText().equals("json_schema")) {
      return name(format.get("name"), "text.format.name");
    }
    return range(body, "max_output_tokens", 0, Double.MAX_VALUE);
  }

  /**
   * {@code POST /embeddings}: a model, an input in one of the schema's shapes (a non-empty string;
   * a non-empty array of non-empty strings, of token ids, of token-id arrays, or of items with
   * {@code content} parts), {@code dimensions} at least 1, {@code encoding_format} float or base64.
   */
  private static Optional<Violation> embeddings(JsonNode body) {
    JsonNode model = body.get("model");
    if (model == null || model.isNull()) return fail("model", "is required");
    if (!model.isTextual() || model.asText().isBlank()) return fail("model", "must be a model id");
    JsonNode format = body.get("encoding_format");
    if (format != null && !format.isNull() && !(format.isTextual() && (format.asText().equals("float") || format.asText().equals("base64")))) {
      return fail("encoding_format", "must be float or base64");
    }
    JsonNode dimensions = body.get("dimensions");
    if (dimensions != null && !dimensions.isNull() && !(dimensions.isIntegralNumber() && dimensions.asLong() >= 1)) {
      return fail("dimensions", "must be an integer of at least 1");
    }
    return embeddingsInput(body.get("input")).or(() -> maxLength(body, "user", MAX_ID_LENGTH)).or(() -> provider(body.get("provider")));
  }

  private static Optional<Violation> embeddingsInput(JsonNode input) {
    if (input == null || input.isNull()) return fail("input", "is required");
    if (input.isTextual()) return input.asText().isEmpty() ? fail("input", "must not be empty") : Optional.empty();
    if (!input.isArray()) return fail("input", "must be a string or an array");
    if (input.isEmpty()) return fail("input", "must contain at least one item");
    JsonNodeType kind = input.get(0).getNodeType();
    for (int i = 0; i < input.size(); i++) {
      JsonNode item = input.get(i);
      String at = "input[" + i + "]";
      if (item.getNodeType() != kind) {
        return fail(at, "must be of the same kind as input[0]: all strings, all token ids, all arrays of token ids or all items with content");
      }
      switch (kind) {
        case STRING -> {
          if (item.asText().isEmpty()) return fail(at, "must not be empty");
        }
        case NUMBER -> {
          if (!item.isIntegralNumber()) return fail(at, "must be a token id (an integer)");
        }
        case ARRAY -> {
          if (item.isEmpty()) return fail(at, "must contain at least one token id");
          for (JsonNode token : item) {
            if (!token.isIntegralNumber()) return fail(at, "must contain only token ids (integers)");
          }
        }
        case OBJECT -> {
          JsonNode content = item.get("content");
          if (content == null || !content.isArray() || content.isEmpty()) return fail(at + ".content", "must be a non-empty array of parts");
          for (int j = 0; j < content.size(); j++) {
            if (!content.get(j).path("type").isTextual()) return fail(at + ".content[" + j + "].type", "is required");
          }
        }
        default -> {
          return fail(at, "must be a string, a token id, an array of token ids or an item with content");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> metadata(JsonNode metadata) {
    if (metadata == null || metadata.isNull()) return Optional.empty();
    if (!metadata.isObject()) return fail("metadata", "must be an object of strings");
    if (metadata.size() > MAX_METADATA_PAIRS) {
      return fail("metadata", "at most " + MAX_METADATA_PAIRS + " pairs, got " + metadata.size());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.length() > MAX_METADATA_KEY) {
        return fail("metadata", "key longer than " + MAX_METADATA_KEY + " characters: " + abbreviate(key));
      }
      if (key.indexOf('[') >= 0 || key.indexOf(']') >= 0) {
        return fail("metadata", "key must not contain '[' or ']': " + key);
      }
      if (!e.getValue().isTextual()) return fail("metadata." + key, "must be a string");
      if (e.getValue().asText().length() > MAX_METADATA_VALUE) {
        return fail("metadata." + key, "longer than " + MAX_METADATA_VALUE + " characters");
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> provider(JsonNode provider) {
    if (provider == null || provider.isNull()) return Optional.empty();
    if (!provider.isObject()) return fail("provider", "must be an object");
    for (Iterator<String> it = provider.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!PROVIDER_KEYS.contains(key)) return fail("provider." + key, "is not a known provider preference");
    }
    for (String list : new String[] {"order", "only", "ignore", "quantizations"}) {
      JsonNode l = provider.get(list);
      if (l != null && !l.isNull() && !l.isArray()) return fail("provider." + list, "must be an array");
    }
    return Optional.empty();
  }

  private static Optional<Violation> plugins(JsonNode plugins) {
    if (plugins == null || plugins.isNull()) return Optional.empty();
    if (!plugins.isArray()) return fail("plugins", "must be an array");
    for (int i = 0; i < plugins.size(); i++) {
      if (!plugins.get(i).path("id").isTextual()) return fail("plugins[" + i + "].id", "is required");
    }
    return Optional.empty();
  }

  private static Optional<Violation> models(JsonNode models) {
    if (models == null || models.isNull()) return Optional.empty();
    if (!models.isArray()) return fail("models", "must be an array of model ids");
    for (int i = 0; i < models.size(); i++) {
      if (!models.get(i).isTextual()) return fail("models[" + i + "]", "must be a string");
    }
    return Optional.empty();
  }

  private static Optional<Violation> name(JsonNode name, String field) {
    if (name == null || !name.isTextual()) return fail(field, "is required");
    if (!NAME.matcher(name.asText()).matches()) {
      return fail(field, "must be 1-64 characters of a-z, A-Z, 0-9, '_' or '-'");
    }
    return Optional.empty();
  }

  private static Optional<Violation> range(JsonNode body, String field, double min, double max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isNumber()) return fail(field, "must be a number");
    double d = v.asDouble();
    if (d < min || d > max || Double.isNaN(d)) {
      return fail(field, max == Double.MAX_VALUE ? "must be at least " + fmt(min) : "must be between " + fmt(min) + " and " + fmt(max));
    }
    return Optional.empty();
  }

  private static Optional<Violation> maxLength(JsonNode body, String field, int max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isTextual()) return fail(field, "must be a string");
    return v.asText().length() > max ? fail(field, "longer than " + max + " characters") : Optional.empty();
  }

  @SafeVarargs
  private static Optional<Violation> firstOf(Optional<Violation>... checks) {
    for (Optional<Violation> c : checks) {
      if (c.isPresent()) return c;
    }
    return Optional.empty();
  }

  private static Optional<Violation> fail(String field, String message) {
    return Optional.of(new Violation(field, message));
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
