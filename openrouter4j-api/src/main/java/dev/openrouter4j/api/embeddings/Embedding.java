package dev.openrouter4j.api.embeddings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** One of {@code data}: {@code object} ({@code "embedding"}) and {@code embedding} are required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Embedding(
    String object, Vector embedding, Integer index, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
  public static final String OBJECT = "embedding";

  public Embedding {
    extra = Extras.normalize(extra);
  }

  /**
   * {@code embedding}: an array of numbers, or (with {@code encoding_format: base64}) base64 of
   * little-endian float32s. Exactly one component is set; it is the shape that is written.
   */
  public record Vector(List<Double> values, String base64) {
    public Vector {
      if ((values == null) == (base64 == null)) {
        throw new IllegalArgumentException("exactly one of values and base64 must be set");
      }
      if (values != null) values = List.copyOf(values);
    }

    public static Vector of(List<Double> values) {
      return new Vector(values, null);
    }

    public static Vector ofBase64(String base64) {
      return new Vector(null, base64);
    }

    /** The vector as floats, decoding base64 when that is the shape. */
    public float[] toFloatArray() {
      if (values != null) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i).floatValue();
        return out;
      }
      FloatBuffer floats =
          ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      float[] out = new float[floats.remaining()];
      floats.get(out);
      return out;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Vector fromJson(JsonNode node) {
      if (node.isTextual()) return ofBase64(node.textValue());
      if (!node.isArray()) throw new IllegalArgumentException("embedding must be an array of numbers or a base64 string");
      List<Double> out = new ArrayList<>(node.size());
      for (JsonNode n : node) {
        if (!n.isNumber()) throw new IllegalArgumentException("embedding array items must be numbers");
        out.add(n.doubleValue());
      }
      return of(out);
    }

    @JsonValue
    Object toJson() {
      return values != null ? values : base64;
    }
  }
}
