package dev.openrouter4j.gateway.provider.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The simulated model's embeddings, in the OpenAI format: one unit vector per input, drawn from a
 * generator seeded by the input's text, so the same text always gets the same vector and different
 * texts (almost surely) different ones. {@code dimensions} as asked, else {@value #DEFAULT_DIMENSIONS};
 * {@code encoding_format: base64} gives little-endian float32s, as OpenAI does. Input tokens: a text's
 * characters / 4, rounded up, or the token ids given.
 */
public final class SimulatedEmbeddings {
  public static final int DEFAULT_DIMENSIONS = 8;
  /** The most dimensions it makes (OpenAI's largest model has 3,072): more is the client's 400, not an allocation of gigabytes. */
  public static final int MAX_DIMENSIONS = 8192;

  private SimulatedEmbeddings() {}

  /**
   * The answer to {@code request} (a validated embeddings request), as {@code model}; {@link
   * IllegalArgumentException} when it asks for more than {@value #MAX_DIMENSIONS} dimensions.
   */
  public static byte[] answer(byte[] request, String model) {
    JsonNode body;
    try {
      body = Json.mapper().readTree(request);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("invalid request body: " + e.getMessage(), e);
    }
    JsonNode asked = body.path("dimensions");
    boolean given = !asked.isMissingNode() && !asked.isNull();
    int dimensions = !given ? DEFAULT_DIMENSIONS : asked.canConvertToInt() ? asked.asInt() : -1;
    if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
      throw new IllegalArgumentException("dimensions must be from 1 to " + MAX_DIMENSIONS + ", got " + asked);
    }
    boolean base64 = "base64".equals(body.path("encoding_format").asText());
    List<String> texts = new ArrayList<>();
    long tokens = 0;
    JsonNode input = body.path("input");
    List<JsonNode> items = new ArrayList<>();
    if (input.isArray() && !input.isEmpty() && input.get(0).isNumber()) items.add(input); // one list of token ids
    else if (input.isArray()) input.forEach(items::add);
    else items.add(input);
    for (JsonNode item : items) {
      String text = item.isTextual() ? item.asText() : item.toString();
      texts.add(text);
      tokens += item.isArray() && (item.isEmpty() || item.get(0).isNumber()) ? item.size() : Math.max(1, (text.length() + 3) / 4);
    }
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("object", "list");
    ArrayNode data = out.putArray("data");
    for (int i = 0; i < texts.size(); i++) {
      float[] v = vector(texts.get(i), dimensions);
      ObjectNode e = data.addObject();
      e.put("object", "embedding");
      e.put("index", i);
      if (base64) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) bytes.putFloat(f);
        e.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
      } else {
        ArrayNode values = e.putArray("embedding");
        for (float f : v) values.add(f);
      }
    }
    out.put("model", model);
    ObjectNode usage = out.putObject("usage");
    usage.put("prompt_tokens", tokens);
    usage.put("total_tokens", tokens);
    try {
      return Json.mapper().writeValueAsBytes(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A unit vector of {@code dimensions} floats, a function of {@code text} alone. */
  static float[] vector(String text, int dimensions) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    long seed = 1125899906842597L;
    for (byte b : utf8) seed = 31 * seed + b;
    Random random = new Random(seed);
    float[] v = new float[dimensions];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * (double) v[i];
    }
    double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (int i = 0; i < dimensions; i++) v[i] = (float) (v[i] * scale);
    return v;
  }
}
