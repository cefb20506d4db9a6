package dev.openrouter4j.api.embeddings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Extras;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ContentPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code input} of {@code POST /embeddings}: one text, several texts, one or several token arrays,
 * or multimodal items ({@code [{content: [parts]}]}). Exactly one component is set; it is the shape
 * that is written.
 */
public record EmbeddingsInput(
    String text,
    List<String> texts,
    List<Integer> tokens,
    List<List<Integer>> tokenBatches,
    List<MultimodalItem> items) {
  public EmbeddingsInput {
    int set = (text != null ? 1 : 0) + (texts != null ? 1 : 0) + (tokens != null ? 1 : 0)
        + (tokenBatches != null ? 1 : 0) + (items != null ? 1 : 0);
    if (set != 1) throw new IllegalArgumentException("exactly one shape of input must be set");
    if (texts != null) texts = List.copyOf(texts);
    if (tokens != null) tokens = List.copyOf(tokens);
    if (tokenBatches != null) tokenBatches = tokenBatches.stream().map(List::copyOf).toList();
    if (items != null) items = List.copyOf(items);
  }

  /** {@code "input": "text"}. */
  public static EmbeddingsInput of(String text) {
    return new EmbeddingsInput(text, null, null, null, null);
  }

  /** {@code "input": ["a", "b"]}: one embedding per text, in order. */
  public static EmbeddingsInput of(List<String> texts) {
    return new EmbeddingsInput(null, texts, null, null, null);
  }

  /** {@code "input": [1, 2, 3]}: one pre-tokenised input. */
  public static EmbeddingsInput tokens(List<Integer> tokens) {
    return new EmbeddingsInput(null, null, tokens, null, null);
  }

  /** {@code "input": [[1, 2], [3]]}: several pre-tokenised inputs. */
  public static EmbeddingsInput tokenBatches(List<List<Integer>> batches) {
    return new EmbeddingsInput(null, null, null, batches, null);
  }

  /** {@code "input": [{"content": [...]}]}: text, image, audio, video or file parts per item. */
  public static EmbeddingsInput multimodal(List<MultimodalItem> items) {
    return new EmbeddingsInput(null, null, null, null, items);
  }

  /** One multimodal input: its parts are embedded together. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MultimodalItem(List<ContentPart> content, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public MultimodalItem {
      extra = Extras.normalize(extra);
    }

    public static MultimodalItem of(ContentPart... parts) {
      return new MultimodalItem(List.of(parts), null);
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static EmbeddingsInput fromJson(JsonNode node) throws JsonProcessingException {
    if (node.isTextual()) return of(node.textValue());
    if (!node.isArray()) throw new IllegalArgumentException("input must be a string or an array");
    JsonNode first = node.isEmpty() ? null : node.get(0);
    if (first == null || first.isTextual()) return of(read(node, String.class));
    if (first.isNumber()) return tokens(read(node, Integer.class));
    if (first.isArray()) {
      JavaType inner = Json.mapper().getTypeFactory().constructCollectionType(List.class, Integer.class);
      JavaType outer = Json.mapper().getTypeFactory().constructCollectionType(List.class, inner);
      return tokenBatches(Json.mapper().treeToValue(node, outer));
    }
    return multimodal(read(node, MultimodalItem.class));
  }

  private static <T> List<T> read(JsonNode node, Class<T> item) throws JsonProcessingException {
    JavaType type = Json.mapper().getTypeFactory().constructCollectionType(List.class, item);
    return new ArrayList<>(Json.mapper().<List<T>>treeToValue(node, type));
  }

  @JsonValue
  Object toJson() {
    if (text != null) return text;
    if (texts != null) return texts;
    if (tokens != null) return tokens;
    if (tokenBatches != null) return tokenBatches;
    return items;
  }
}
