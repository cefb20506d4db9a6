package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.embeddings.EmbeddingsInput;
import dev.openrouter4j.api.embeddings.EmbeddingsRequest;
import dev.openrouter4j.api.embeddings.EmbeddingsResponse;
import dev.openrouter4j.api.models.ModelsList;
import dev.openrouter4j.api.rerank.RerankRequest;
import dev.openrouter4j.api.rerank.RerankResponse;
import dev.openrouter4j.errors.PaymentRequiredException;
import dev.openrouter4j.errors.RequestValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingsAndRerankTest extends LoopbackTest {

  static EmbeddingsRequest foxRequest() {
    return EmbeddingsRequest.builder()
        .model("openai/text-embedding-3-small")
        .input("The quick brown fox jumps over the lazy dog")
        .dimensions(1536)
        .build();
  }

  @Test
  void createPostsTheSpecsExampleAndReadsTheVectors() throws Exception {
    replyExample("embeddings");
    EmbeddingsResponse r = client.embeddings().create(foxRequest());
    expectJson("POST", "embeddings", SpecExamples.read("embeddings.request"));
    assertEquals("list", r.object());
    assertEquals("openai/text-embedding-3-small", r.model());
    assertEquals("embedding", r.data().get(0).object());
    assertEquals(0, r.data().get(0).index());
    assertEquals(List.of(0.0023064255, -0.009327292, 0.015797347), r.data().get(0).embedding().values());
    assertArrayEquals(new float[] {0.0023064255f, -0.009327292f, 0.015797347f}, r.vectors().get(0));
    assertEquals(8, r.usage().promptTokens());
    assertEquals(8, r.usage().totalTokens());
    assertNull(r.extra());
  }

  @Test
  void batchesTokensAndProviderPreferencesReachTheWire() throws Exception {
    reply(200,
        "{\"id\":\"gen-emb-1\",\"object\":\"list\",\"model\":\"m\",\"data\":[{\"object\":\"embedding\",\"embedding\":\"AAAAPwAAEMA=\",\"index\":0}],"
            + "\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3,\"cost\":0.00001,\"is_byok\":false,"
            + "\"cost_details\":{\"upstream_inference_prompt_cost\":0.00001,\"upstream_inference_completions_cost\":0},"
            + "\"prompt_tokens_details\":{\"text_tokens\":3}}}");
    client.embeddings().create(EmbeddingsRequest.builder()
        .model("m")
        .input(EmbeddingsInput.tokenBatches(List.of(List.of(1, 2), List.of(3))))
        .encodingFormat(EmbeddingsRequest.EncodingFormat.BASE64)
        .inputType("search_query")
        .provider(ProviderPreferences.builder().order("openai").allowFallbacks(false).build())
        .build());
    expectJson("POST", "embeddings",
        "{\"model\":\"m\",\"input\":[[1,2],[3]],\"encoding_format\":\"base64\",\"input_type\":\"search_query\","
            + "\"provider\":{\"order\":[\"openai\"],\"allow_fallbacks\":false}}");
  }

  @Test
  void aBase64EmbeddingAndTheFullUsageAreDecoded() {
    reply(200,
        "{\"object\":\"list\",\"model\":\"m\",\"data\":[{\"object\":\"embedding\",\"embedding\":\"AAAAPwAAEMA=\",\"index\":0}],"
            + "\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3,\"cost\":0.00001,\"is_byok\":false,"
            + "\"cost_details\":{\"upstream_inference_prompt_cost\":0.00001,\"upstream_inference_completions_cost\":0},"
            + "\"prompt_tokens_details\":{\"text_tokens\":3}}}");
    EmbeddingsResponse r = client.embeddings().create(foxRequest());
    assertArrayEquals(new float[] {0.5f, -2.25f}, r.vectors().get(0));
    assertEquals("AAAAPwAAEMA=", r.data().get(0).embedding().base64());
    assertEquals(0.00001, r.usage().cost());
    assertEquals(0.00001, r.usage().costDetails().upstreamInferencePromptCost());
    assertEquals(3, r.usage().promptTokensDetails().textTokens());
  }

  @Test
  void requiredFieldsAndMinimaAreCheckedBeforeSending() {
    assertEquals("input", assertThrows(RequestValidationException.class,
        () -> client.embeddings().create(EmbeddingsRequest.builder().model("m").build())).field());
    assertEquals("dimensions", assertThrows(RequestValidationException.class,
        () -> client.embeddings().create(foxRequest().toBuilder().dimensions(0).build())).field());
    assertEquals("documents", assertThrows(RequestValidationException.class,
        () -> client.rerank().rerank(RerankRequest.builder().model("m").query("q").build())).field());
    assertEquals("top_n", assertThrows(RequestValidationException.class,
        () -> client.rerank().rerank(RerankRequest.builder().model("m").query("q").documents("d").topN(0).build())).field());
    assertEquals(0, server.requestCount());
  }

  @Test
  void embeddingModels() throws Exception {
    replyExample("embeddings-models");
    replyExample("embeddings-models");
    ModelsList models = client.embeddings().listModels();
    expectBodiless("GET", "embeddings/models");
    assertEquals("openai/text-embedding-3-small", models.data().get(0).id());
    assertEquals(List.of("embeddings"), models.data().get(0).architecture().outputModalities());
    assertNull(models.data().get(0).architecture().instructType());
    assertNull(models.data().get(0).topProvider().maxCompletionTokens());
    client.embeddings().listModels(0, 10);
    expectBodiless("GET", "embeddings/models?offset=0&limit=10");
  }

  @Test
  void rerankPostsTheSpecsExampleAndReadsTheResults() throws Exception {
    replyExample("rerank");
    RerankResponse r =
        client.rerank().rerank(RerankRequest.builder()
            .model("cohere/rerank-v3.5")
            .query("What is the capital of France?")
            .documents("Paris is the capital of France.", "Berlin is the capital of Germany.")
            .topN(3)
            .build());
    expectJson("POST", "rerank", SpecExamples.read("rerank.request"));
    assertEquals("gen-rerank-1234567890-abc", r.id());
    assertEquals("cohere/rerank-v3.5", r.model());
    assertEquals(0, r.results().get(0).index());
    assertEquals(0.98, r.results().get(0).relevanceScore());
    assertEquals("Paris is the capital of France.", r.results().get(0).document().text());
    assertEquals(1, r.usage().searchUnits());
    assertEquals(150, r.usage().totalTokens());
  }

  @Test
  void theAsyncVariantsCompleteOrFailWithTheMappedException() throws Exception {
    replyExample("embeddings");
    replyExample("embeddings-models");
    replyExample("rerank");
    reply(402, "{\"error\":{\"code\":402,\"message\":\"Insufficient credits\"}}");
    assertEquals(3, client.embeddings().createAsync(foxRequest()).get().vectors().get(0).length);
    assertEquals(1, client.embeddings().listModelsAsync().get().data().size());
    RerankRequest request = RerankRequest.builder().model("cohere/rerank-v3.5").query("q").documents("d").build();
    assertEquals(0.98, client.rerank().rerankAsync(request).get().results().get(0).relevanceScore());
    var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> client.rerank().rerankAsync(request).get());
    assertEquals(PaymentRequiredException.class, e.getCause().getClass());
  }
}
