package dev.openrouter4j.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import dev.openrouter4j.api.Json;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * JSON Schemas for Java types, shaped for strict structured output (OpenAI's strict mode, which
 * OpenRouter passes on): every object lists all its properties as {@code required} and forbids
 * others; a property that may be absent is nullable instead ({@code "type": ["string", "null"]}).
 *
 * <p>The generator is victools' jsonschema-generator with its Jackson module, so property names
 * follow Jackson ({@code @JsonProperty}, {@code @JsonNaming}) and {@code @JsonPropertyDescription}
 * / {@code @JsonClassDescription} become descriptions. Properties keep their declaration order: a
 * model writes them in schema order, so a record can put its reasoning before its answer.
 */
final class Schemas {
  private static final SchemaGenerator GENERATOR = new SchemaGenerator(config().build());

  private static final ClassValue<ObjectNode> CACHE =
      new ClassValue<>() {
        @Override
        protected ObjectNode computeValue(Class<?> type) {
          ObjectNode schema = GENERATOR.generateSchema(type);
          completeObjects(schema);
          return schema;
        }
      };

  private Schemas() {}

  /** The schema of {@code type}, as a tree. Cached per class; callers must not change it. */
  static ObjectNode of(Class<?> type) {
    return CACHE.get(type);
  }

  /** The schema as the plain map the wire records take. */
  static Map<String, Object> asMap(Class<?> type) {
    return Json.mapper().convertValue(of(type), Json.MAP_TYPE);
  }

  /**
   * Whether strict mode can take the schema: every object closed. A {@code Map} component gives an
   * open object ({@code additionalProperties} with a value schema), which strict mode refuses.
   */
  static boolean strictCompatible(JsonNode schema) {
    if (schema.isArray()) {
      for (JsonNode element : schema) {
        if (!strictCompatible(element)) return false;
      }
      return true;
    }
    if (!schema.isObject()) return true;
    if (isObjectType(schema) && !schema.path("additionalProperties").isBoolean()) return false;
    for (JsonNode child : schema) {
      if (!strictCompatible(child)) return false;
    }
    return true;
  }

  /**
   * A property is nullable when its type is {@code Optional} or it carries an annotation named
   * {@code Nullable} (any package: JSpecify, Jakarta, JetBrains, JSR 305...), on the field or its type.
   */
  static boolean nullable(Field field) {
    if (field.getType() == Optional.class) return true;
    if (field.getType().isPrimitive()) return false;
    return hasNullable(field.getAnnotations()) || hasNullable(field.getAnnotatedType().getAnnotations());
  }

  private static boolean hasNullable(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a.annotationType().getSimpleName().equals("Nullable")) return true;
    }
    return false;
  }

  private static SchemaGeneratorConfigBuilder config() {
    SchemaGeneratorConfigBuilder builder =
        new SchemaGeneratorConfigBuilder(Json.mapper(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(new JacksonModule())
            .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
            .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
            .with(Option.PLAIN_DEFINITION_KEYS)
            .without(Option.SCHEMA_VERSION_INDICATOR);
    builder
        .forFields()
        .withRequiredCheck(field -> true)
        .withNullableCheck(field -> nullable(rawField(field)));
    // declaration order, not victools' alphabetical default (the sort is stable)
    builder.forTypesInGeneral().withPropertySorter((a, b) -> 0);
    // enum values exactly as Jackson writes them (@JsonProperty, @JsonValue), all or some constants annotated
    builder
        .forTypesInGeneral()
        .withCustomDefinitionProvider(
            (type, context) -> {
              Class<?> raw = type.getErasedType();
              if (!raw.isEnum()) return null;
              ObjectNode node = context.getGeneratorConfig().createObjectNode();
              ArrayNode values = node.putArray("enum");
              boolean allStrings = true;
              for (Object constant : raw.getEnumConstants()) {
                JsonNode value = Json.mapper().valueToTree(constant);
                allStrings &= value.isTextual();
                values.add(value);
              }
              if (allStrings) {
                ObjectNode typed = context.getGeneratorConfig().createObjectNode().put("type", "string");
                typed.set("enum", values);
                node = typed;
              }
              return new CustomDefinition(node, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO);
            });
    return builder;
  }

  private static Field rawField(FieldScope field) {
    return field.getRawMember();
  }

  /** A closed object without properties still gets {@code properties: {}} and {@code required: []}, as strict mode wants. */
  private static void completeObjects(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      if (isObjectType(object) && object.path("additionalProperties").isBoolean()) {
        if (!object.has("properties")) object.putObject("properties");
        if (!object.has("required")) object.putArray("required");
      }
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) completeObjects(it.next());
  }

  private static boolean isObjectType(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isTextual()) return type.textValue().equals("object");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals("object")) return true;
      }
    }
    return false;
  }
}
