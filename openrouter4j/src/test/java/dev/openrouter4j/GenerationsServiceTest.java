package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.api.account.Generation;
import dev.openrouter4j.api.account.GenerationContent;
import dev.openrouter4j.api.account.GenerationFeedback;
import dev.openrouter4j.errors.RequestValidationException;
import org.junit.jupiter.api.Test;

class GenerationsServiceTest extends LoopbackTest {
  static final String ID = "gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG";

  @Test
  void getReadsTheWholeGenerationRecord() throws Exception {
    replyExample("generation");
    Generation g = client.generations().get(ID);
    expectBodiless("GET", "generation?id=" + ID);
    assertEquals(ID, g.id());
    assertEquals("sao10k/l3-stheno-8b", g.model());
    assertEquals("completions", g.apiType());
    assertEquals("Infermatic", g.providerName());
    assertEquals(0.0015, g.totalCost());
    assertEquals(0.0012, g.upstreamInferenceCost());
    assertNull(g.cacheDiscount());
    assertEquals(10, g.tokensPrompt());
    assertEquals(25, g.tokensCompletion());
    assertEquals(5, g.nativeTokensReasoning());
    assertEquals(3, g.nativeTokensCached());
    assertEquals(1250.0, g.latency());
    assertEquals(1200.0, g.generationTime());
    assertEquals("stop", g.finishReason());
    assertEquals(true, g.streamed());
    assertEquals(false, g.cancelled());
    assertEquals(12345, g.appId());
    assertEquals("global", g.dataRegion());
    assertEquals("priority", g.serviceTier());
    assertEquals("exa", g.webSearchEngine());
    assertEquals("req-1727282430-aBcDeFgHiJkLmNoPqRsT", g.requestId());
    assertEquals("2024-07-15T23:33:19.433273+00:00", g.createdAt());
    assertNull(g.providerResponses());
    assertNull(g.extra());
  }

  @Test
  void theIdIsUrlEncodedAndRequired() throws Exception {
    replyExample("generation");
    client.generations().get("gen 1&x=2");
    expectBodiless("GET", "generation?id=gen%201%26x%3D2");
    assertEquals("id", assertThrows(RequestValidationException.class, () -> client.generations().get("")).field());
    assertEquals("id", assertThrows(RequestValidationException.class, () -> client.generations().content(null)).field());
  }

  @Test
  void providerResponsesAreTyped() {
    reply(200,
        "{\"data\":{\"id\":\"gen-1\",\"provider_responses\":[{\"endpoint_id\":\"ep_abc123\",\"id\":\"chatcmpl-abc123\","
            + "\"is_byok\":false,\"latency\":1200,\"model_permaslug\":\"openai/gpt-4\",\"provider_name\":\"OpenAI\","
            + "\"status\":200},{\"provider_name\":\"Azure\",\"status\":null,\"routed_service_tier\":\"flex\"}]}}");
    Generation g = client.generations().get("gen-1");
    assertEquals(2, g.providerResponses().size());
    assertEquals(200, g.providerResponses().get(0).status());
    assertEquals("ep_abc123", g.providerResponses().get(0).endpointId());
    assertEquals(1200.0, g.providerResponses().get(0).latency());
    assertNull(g.providerResponses().get(1).status());
    assertEquals("flex", g.providerResponses().get(1).routedServiceTier());
  }

  @Test
  void contentReadsInputAndOutput() throws Exception {
    replyExample("generation-content");
    GenerationContent c = client.generations().content(ID);
    expectBodiless("GET", "generation/content?id=" + ID);
    assertNull(c.error());
    assertNull(c.input().prompt());
    assertEquals("user", c.input().messages().get(0).path("role").asText());
    assertEquals("What is the meaning of life?", c.input().messages().get(0).path("content").asText());
    assertEquals("The meaning of life is a philosophical question...", c.output().completion());
    assertNull(c.output().reasoning());
  }

  @Test
  void contentOfAFailedGeneration() {
    reply(200,
        "{\"data\":{\"input\":{\"prompt\":\"Hi\"},\"output\":{\"completion\":null,\"reasoning\":null},\"error\":"
            + "{\"message\":\"Provider returned error\",\"status\":502,\"provider_name\":\"Together\",\"raw\":null,"
            + "\"previous_errors\":[{\"code\":429,\"message\":\"Rate limited\",\"provider_name\":\"DeepInfra\",\"raw\":\"{}\"}]}}}");
    GenerationContent c = client.generations().content("gen-1");
    assertEquals("Hi", c.input().prompt());
    assertEquals(502, c.error().status());
    assertEquals("Together", c.error().providerName());
    assertEquals(429, c.error().previousErrors().get(0).code());
    assertEquals("DeepInfra", c.error().previousErrors().get(0).providerName());
  }

  @Test
  void feedbackPostsTheSpecsExample() throws Exception {
    replyExample("generation-feedback");
    boolean ok =
        client.generations().feedback(GenerationFeedback.of(ID, GenerationFeedback.Category.INCORRECT_RESPONSE)
            .withComment("The model repeated the same paragraph three times."));
    expectJson("POST", "generation/feedback", SpecExamples.read("generation-feedback.request"));
    assertTrue(ok);
  }

  @Test
  void feedbackWithoutACategoryIsRefusedUnlessValidationIsOff() throws Exception {
    GenerationFeedback incomplete = GenerationFeedback.of(ID, null);
    assertEquals("category", assertThrows(RequestValidationException.class, () -> client.generations().feedback(incomplete)).field());
    assertEquals(0, server.requestCount());
    replyExample("generation-feedback");
    try (OpenRouter lax = clients.builder(server).validateRequests(false).build()) {
      assertTrue(lax.generations().feedback(incomplete));
    }
    expectJson("POST", "generation/feedback", "{\"generation_id\":\"" + ID + "\"}");
  }

  @Test
  void theAsyncVariantsComplete() throws Exception {
    replyExample("generation");
    replyExample("generation-content");
    replyExample("generation-feedback");
    assertEquals(ID, client.generations().getAsync(ID).get().id());
    assertEquals("The meaning of life is a philosophical question...", client.generations().contentAsync(ID).get().output().completion());
    assertTrue(client.generations().feedbackAsync(GenerationFeedback.of(ID, GenerationFeedback.Category.OTHER)).get());
  }
}
