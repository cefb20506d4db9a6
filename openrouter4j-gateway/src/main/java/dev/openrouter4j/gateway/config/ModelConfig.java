package dev.openrouter4j.gateway.config;

import java.util.List;

/**
 * {@code models[]}: a model id clients ask for, and the endpoints that serve it. An id ending in
 * {@code /*} (or the id {@code *}) is a pattern: any id it matches is served, and each endpoint's
 * upstream model is the part the wildcard matched unless {@code upstream_model} says otherwise.
 * {@code outputModalities} is what the model produces, in OpenRouter's words ({@code text}, {@code
 * embeddings}, …): it sorts the model into the catalogue's lists ({@code /models} lists text models
 * unless asked otherwise, {@code /embeddings/models} the embedding models), and a model that writes
 * no text is left out of chat and Responses requests. Embeddings requests do not check it: an
 * upstream asked for what its model cannot do says so itself.
 */
public record ModelConfig(String id, String name, Integer contextLength, List<EndpointConfig> endpoints, List<String> outputModalities) {
  public static final List<String> TEXT = List.of("text");
  public static final String EMBEDDINGS = "embeddings";
  /** OpenRouter's output modalities (the spec's {@code OutputModality}). */
  public static final List<String> OUTPUT_MODALITIES = List.of("text", "image", "embeddings", "audio", "video", "rerank", "speech", "transcription");

  public ModelConfig {
    endpoints = List.copyOf(endpoints);
    outputModalities = outputModalities == null || outputModalities.isEmpty() ? TEXT : List.copyOf(outputModalities);
  }

  /** A text model. */
  public ModelConfig(String id, String name, Integer contextLength, List<EndpointConfig> endpoints) {
    this(id, name, contextLength, endpoints, TEXT);
  }

  public boolean outputs(String modality) {
    return outputModalities.contains(modality);
  }

  public boolean isPattern() {
    return id.equals("*") || id.endsWith("/*");
  }

  /** For a pattern, the part of {@code requested} the wildcard covers; null when it does not match. */
  public String match(String requested) {
    if (!isPattern()) return id.equals(requested) ? requested : null;
    if (id.equals("*")) return requested;
    String prefix = id.substring(0, id.length() - 1);
    return requested.startsWith(prefix) && requested.length() > prefix.length() ? requested.substring(prefix.length()) : null;
  }
}
