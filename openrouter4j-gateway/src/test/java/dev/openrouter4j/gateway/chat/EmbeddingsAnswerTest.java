package dev.openrouter4j.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.embeddings.EmbeddingsInput;
import dev.openrouter4j.gateway.config.Pricing;
import dev.openrouter4j.gateway.provider.UpstreamException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An upstream's embeddings answer rewritten for the client: the data array's bytes copied exactly
 * wherever it sits in the body, usage and cost from what the upstream reported (else the estimate),
 * and anything that is not the answer asked for refused as the upstream's fault.
 */
class EmbeddingsAnswerTest {
  static final Pricing PRICED = new Pricing(2.0, 0, 0.5, null, null);
  static final String DATA = "[ {\"object\":\"embedding\",\"index\":0,\"embedding\":[0.10, -2E-8, 1.000000000000000000001]},\n {\"object\":\"embedding\",\"index\":1,\"embedding\":\"AACAPw==\"} ]";

  static EmbeddingsAnswer answer(String upstream, int inputs) {
    return EmbeddingsAnswer.of(upstream.getBytes(StandardCharsets.UTF_8), inputs, "gen-1-x", "acme/embed", PRICED, 3);
  }

  static JsonNode json(EmbeddingsAnswer a) throws Exception {
    return Json.mapper().readTree(a.body());
  }

  @Test
  void theDataBytesAreCopiedWhereverTheyStandAndTheRestIsTheGateways() throws Exception {
    List<String> bodies = List.of(
        "{\"object\":\"list\",\"data\":" + DATA + ",\"model\":\"m\",\"usage\":{\"prompt_tokens\":7,\"total_tokens\":7}}",
        // usage first, pretty-printed, a multi-byte model name and id before data, a key of the upstream's own
        "{\n  \"usage\": {\"total_tokens\": 7, \"prompt_tokens\": 7},\n  \"id\": \"upstream-✓-ü\",\n  \"model\": \"модель\",\n  \"x_extra\": {\"a\": [1, 2]},\n  \"data\": " + DATA + "\n}\n",
        // a byte order mark
        "\uFEFF{\"data\":" + DATA + ",\"usage\":{\"prompt_tokens\":7}}");
    for (String body : bodies) {
      EmbeddingsAnswer a = answer(body, 2);
      String out = new String(a.body(), StandardCharsets.UTF_8);
      assertTrue(out.contains("\"data\":" + DATA + ","), body + " -> " + out);
      JsonNode j = json(a);
      assertEquals("gen-1-x", j.path("id").asText());
      assertEquals("list", j.path("object").asText());
      assertEquals("acme/embed", j.path("model").asText());
      assertEquals(7, j.at("/usage/prompt_tokens").asInt());
      assertEquals(7, a.promptTokens());
      double cost = 7 * 2.0 / 1e6 + 0.5;
      assertEquals(cost, j.at("/usage/cost").asDouble(), 1e-15);
      assertEquals(7 * 2.0 / 1e6, j.at("/usage/cost_details/upstream_inference_prompt_cost").asDouble(), 1e-15);
      assertTrue(!j.has("x_extra"), out);
    }
  }

  @Test
  void withoutUsageTheEstimateIsChargedAndAnUpstreamPricedCostIsWhatItReported() throws Exception {
    EmbeddingsAnswer estimated = answer("{\"data\":[{\"embedding\":[1]}]}", 1);
    assertEquals(3, estimated.promptTokens());
    assertEquals(3 * 2.0 / 1e6 + 0.5, estimated.cost().total(), 1e-15);

    byte[] reported = "{\"data\":[{\"embedding\":[1]}],\"usage\":{\"prompt_tokens\":4,\"cost\":0.0000123}}".getBytes(StandardCharsets.UTF_8);
    EmbeddingsAnswer upstreamPriced = EmbeddingsAnswer.of(reported, 1, "gen-1-x", "m", Pricing.UPSTREAM, 3);
    assertEquals(0.0000123, upstreamPriced.cost().total(), 1e-15);
    assertNull(upstreamPriced.cost().promptCost());
    assertTrue(json(upstreamPriced).at("/usage/cost_details").isMissingNode());
  }

  @Test
  void aTokenCountPastAnIntIsHeldAtTheLargestInt() throws Exception {
    EmbeddingsAnswer a = answer("{\"data\":[{\"embedding\":[1]}],\"usage\":{\"prompt_tokens\":9999999999}}", 1);
    assertEquals(Integer.MAX_VALUE, a.promptTokens());
    assertEquals(Integer.MAX_VALUE, json(a).at("/usage/prompt_tokens").asLong());
  }

  @Test
  void whatIsNotTheAnswerAskedForIsARetryable502() {
    String[][] cases = {
        {"{\"object\":\"list\"}", "no data array"},
        {"{\"error\":{\"message\":\"model overloaded\",\"code\":503}}", "model overloaded"},
        {"{\"data\":[]}", "0 embeddings for 2 inputs"},
        {"{\"data\":[{\"embedding\":[1]}]}", "1 embeddings for 2 inputs"},
        {"{\"data\":[{\"embedding\":[1]},", "invalid embeddings body"},
        {"[1,2]", "not a JSON object"},
        {"not json", "invalid embeddings body"},
    };
    for (String[] c : cases) {
      UpstreamException e = assertThrows(UpstreamException.class, () -> answer(c[0], 2), c[0]);
      assertEquals(502, e.status(), c[0]);
      assertTrue(e.retryable(), c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
    }
  }

  @Test
  void theReservationBoundsTheTokensATextCanBe() {
    // characters / 4 is the estimate; a token per UTF-8 byte the bound (a CJK character can be a token of its own)
    EmbeddingsInput cjk = EmbeddingsInput.of("日本語のテキスト");
    assertEquals(2, EmbeddingsHandler.estimatedTokens(cjk, 100));
    assertEquals(24, EmbeddingsHandler.mostTokens(cjk, 100));
    EmbeddingsInput texts = EmbeddingsInput.of(List.of("a cat", "a dog"));
    assertEquals(4, EmbeddingsHandler.estimatedTokens(texts, 100));
    assertEquals(10, EmbeddingsHandler.mostTokens(texts, 100));
    assertEquals(2, EmbeddingsHandler.inputs(texts));
    EmbeddingsInput tokens = EmbeddingsInput.tokenBatches(List.of(List.of(1, 2, 3), List.of(4)));
    assertEquals(4, EmbeddingsHandler.mostTokens(tokens, 100));
    assertEquals(2, EmbeddingsHandler.inputs(tokens));
  }
}
