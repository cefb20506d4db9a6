package dev.openrouter4j.api.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openrouter4j.api.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class RerankJsonTest {

  @Test
  void documentsAreStringsOrObjectsAsBuilt() throws Exception {
    RerankRequest request =
        RerankRequest.builder()
            .model("cohere/rerank-v3.5")
            .query("What is the capital of France?")
            .documents("Paris is the capital of France.")
            .addDocument(RerankDocument.of("A map of Berlin", "https://x/berlin.png"))
            .topN(3)
            .build();
    String json = Json.mapper().writeValueAsString(request);
    assertEquals(
        "{\"model\":\"cohere/rerank-v3.5\",\"query\":\"What is the capital of France?\",\"documents\":"
            + "[\"Paris is the capital of France.\",{\"text\":\"A map of Berlin\",\"image\":\"https://x/berlin.png\"}],"
            + "\"top_n\":3}",
        json);
    RerankRequest read = Json.mapper().readValue(json, RerankRequest.class);
    assertEquals(request, read);
    assertEquals(List.of("Paris is the capital of France.", "A map of Berlin"), read.documents().stream().map(RerankDocument::text).toList());
  }
}
