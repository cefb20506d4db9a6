package dev.openrouter4j.api.rerank;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.Extras;
import dev.openrouter4j.api.ProviderPreferences;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /rerank}: {@code model}, {@code query} and {@code documents} (at least one)
 * are required; {@code top_n} (at least 1) limits the results.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RerankRequest(
    String model,
    String query,
    List<RerankDocument> documents,
    Integer topN,
    ProviderPreferences provider,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extraBody) {
  public RerankRequest {
    extraBody = Extras.normalize(extraBody);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.model = model;
    b.query = query;
    if (documents != null) b.documents = new ArrayList<>(documents);
    b.topN = topN;
    b.provider = provider;
    if (extraBody != null) b.extraBody = new LinkedHashMap<>(extraBody);
    return b;
  }

  public static final class Builder {
    private String model;
    private String query;
    private List<RerankDocument> documents;
    private Integer topN;
    private ProviderPreferences provider;
    private Map<String, Object> extraBody;

    private Builder() {}

    public Builder model(String v) { this.model = v; return this; }
    public Builder query(String v) { this.query = v; return this; }

    public Builder documents(List<RerankDocument> v) {
      this.documents = v == null ? null : new ArrayList<>(v);
      return this;
    }

    /** Plain-text documents. */
    public Builder documents(String... texts) {
      List<RerankDocument> out = new ArrayList<>(texts.length);
      for (String t : texts) out.add(RerankDocument.of(t));
      return documents(out);
    }

    public Builder addDocument(RerankDocument v) {
      if (documents == null) documents = new ArrayList<>();
      documents.add(v);
      return this;
    }

    /** Return only the best {@code n} (at least 1). */
    public Builder topN(Integer v) { this.topN = v; return this; }
    public Builder provider(ProviderPreferences v) { this.provider = v; return this; }

    public Builder putExtraBody(String key, Object value) {
      if (extraBody == null) extraBody = new LinkedHashMap<>();
      extraBody.put(key, value);
      return this;
    }

    public RerankRequest build() {
      return new RerankRequest(
          model, query, documents == null ? null : Collections.unmodifiableList(new ArrayList<>(documents)), topN, provider, extraBody);
    }
  }
}
