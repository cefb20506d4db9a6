package dev.openrouter4j.api.rerank;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import java.util.Map;

/**
 * One of {@code documents} in a rerank request: a plain string, or an object with {@code text}
 * and/or {@code image} (a URL or data URI) for multimodal models. Exactly one component is set; it
 * is the shape that is written.
 */
public record RerankDocument(String plain, Content content) {
  public RerankDocument {
    if ((plain == null) == (content == null)) {
      throw new IllegalArgumentException("exactly one of plain and content must be set");
    }
  }

  /** The string shape. */
  public static RerankDocument of(String text) {
    return new RerankDocument(text, null);
  }

  /** The object shape, with text, an image or both. */
  public static RerankDocument of(String text, String image) {
    return new RerankDocument(null, new Content(text, image, null));
  }

  /** The document's text, whichever shape. */
  public String text() {
    return plain != null ? plain : content.text();
  }

  /** The object shape of a document; also what results carry in {@code document}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Content(String text, String image, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    public Content {
      extra = Extras.normalize(extra);
    }

    public static Content of(String text) {
      return new Content(text, null, null);
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static RerankDocument fromJson(JsonNode node) throws java.io.IOException {
    if (node.isTextual()) return of(node.textValue());
    if (node.isObject()) return new RerankDocument(null, Json.mapper().treeToValue(node, Content.class));
    throw new IllegalArgumentException("a document must be a string or an object");
  }

  @JsonValue
  Object toJson() {
    return plain != null ? plain : content;
  }
}
