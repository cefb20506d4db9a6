package dev.openrouter4j.agent;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a model's JSON into a Java type, and writes tool results. Reading checks the JSON against the
 * type's schema first (required properties, nulls, unknown properties, at every depth), then binds it
 * with Jackson; every mismatch becomes one message with JSON paths, fit for a model to act on.
 *
 * <p>Lenient where it costs nothing: a nullable property may be left out (it reads as null or
 * empty), even though the strict schema lists it as required.
 */
final class TypedJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private TypedJson() {}

  /** JSON the model sent does not fit the type; the message says where and how. */
  static final class MismatchException extends Exception {
    MismatchException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static <T> T read(String json, Class<T> type) throws MismatchException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw new MismatchException("not valid JSON: " + describe(e), e);
    }
    if (tree == null || tree.isMissingNode()) throw new MismatchException("no JSON: the text is empty", null);
    JsonNode schema = Schemas.of(type);
    List<String> problems = new ArrayList<>();
    check(tree, schema, schema, "$", problems);
    if (!problems.isEmpty()) throw new MismatchException(String.join("; ", problems), null);
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new MismatchException(describe(e), e);
    } catch (IllegalArgumentException e) {
      // a record's compact constructor refused the values
      throw new MismatchException(e.getMessage(), e);
    }
  }

  /** A tool's result as the model will read it: a String as is, anything else as JSON. */
  static String write(Object value) {
    if (value instanceof String s) return s;
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the result as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code {"error": message}}. */
  static String error(String message) {
    return write(Map.of("error", message));
  }

  private static void check(JsonNode value, JsonNode schema, JsonNode root, String path, List<String> problems) {
    schema = resolve(schema, root);
    if (value.isNull()) {
      if (!allowsNull(schema, root)) problems.add(path + ": must not be null");
      return;
    }
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null) {
      // the generator's unions are [null, X]: check against the non-null branch
      for (JsonNode branch : anyOf) {
        if (!"null".equals(resolve(branch, root).path("type").asText())) {
          check(value, branch, root, path, problems);
          return;
        }
      }
      return;
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      for (JsonNode required : schema.path("required")) {
        String name = required.asText();
        if (!value.has(name) && !allowsNull(properties.path(name), root)) {
          problems.add(path + ": missing required property '" + name + "'");
        }
      }
      if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").booleanValue()) {
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
          String name = it.next();
          if (!properties.has(name)) {
            problems.add(path + ": unknown property '" + name + "' (expected " + names(properties) + ")");
          }
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode propertySchema = properties.get(field.getKey());
        if (propertySchema != null) check(field.getValue(), propertySchema, root, path + "." + field.getKey(), problems);
      }
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) check(value.get(i), schema.get("items"), root, path + "[" + i + "]", problems);
    }
  }

  private static JsonNode resolve(JsonNode schema, JsonNode root) {
    JsonNode ref = schema.get("$ref");
    if (ref == null || !ref.asText().startsWith("#")) return schema;
    JsonNode target = root.at(ref.asText().substring(1));
    return target.isMissingNode() ? schema : target;
  }

  private static boolean allowsNull(JsonNode schema, JsonNode root) {
    if (schema.isMissingNode()) return true;
    schema = resolve(schema, root);
    JsonNode type = schema.get("type");
    if (type != null) {
      if (type.isTextual()) return type.textValue().equals("null");
      for (JsonNode t : type) {
        if (t.asText().equals("null")) return true;
      }
      return false;
    }
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null) {
      for (JsonNode branch : anyOf) {
        if (allowsNull(branch, root)) return true;
      }
      return false;
    }
    return true; // no type constraint at all
  }

  private static String names(JsonNode properties) {
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "no properties" : String.join(", ", names);
  }

  /** Jackson's message without its source dump, with the JSON path of the failure. */
  static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder("$");
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) path.append('.').append(r.getFieldName());
        else if (r.getIndex() >= 0) path.append('[').append(r.getIndex()).append(']');
      }
      return path + ": " + message;
    }
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      return message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
    return message;
  }
}
