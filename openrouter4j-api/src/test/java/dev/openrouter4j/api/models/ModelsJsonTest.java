package dev.openrouter4j.api.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.DataEnvelope;
import dev.openrouter4j.api.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the gateway will write with these records: required keys present, nulls where allowed. */
class ModelsJsonTest {

  static JsonNode tree(Object value) {
    return Json.mapper().valueToTree(value);
  }

  @Test
  void aModelWritesItsRequiredNullableKeysAndOmitsTheOptionalOnes() {
    Model m =
        new Model(
            "acme/m-1", "acme/m-1-2025", "M 1", 1700000000L, null, null,
            new Architecture("text->text", List.of("text"), List.of("text"), "Other", null, null),
            ModelPricing.of("0.000001", "0.000002"),
            new TopProvider(false, null, null, null),
            null, List.of("temperature"), null, null, new Model.Links("/api/v1/models/acme/m-1/endpoints", null),
            null, null, null, null, null, null, null);
    JsonNode json = tree(m);
    for (String required : List.of("context_length", "per_request_limits", "default_parameters", "supported_voices")) {
      assertTrue(json.has(required) && json.get(required).isNull(), required);
    }
    for (String optional : List.of("description", "hugging_face_id", "knowledge_cutoff", "expiration_date", "reasoning")) {
      assertTrue(!json.has(optional), optional);
    }
    assertTrue(json.path("architecture").has("instruct_type"));
    assertTrue(json.path("architecture").path("modality").isTextual());
    assertEquals("{\"prompt\":\"0.000001\",\"completion\":\"0.000002\"}", json.path("pricing").toString());
    assertEquals("{\"is_moderated\":false}", json.path("top_provider").toString());
    assertEquals(m, Json.mapper().convertValue(json, Model.class), "reads back equal");
  }

  @Test
  void anEndpointWritesUptimesLatencyLimitsAndQuantizationEvenWhenNull() throws Exception {
    PublicEndpoint e =
        new PublicEndpoint(
            "Acme: M 1", "acme/m-1", "M 1", "Acme", "acme", 8192, null, null, ModelPricing.of("0", "0"), null,
            List.of(), false, null, null, null, null, PercentileStats.of(1, 2, 3, 4), null, null, null);
    JsonNode json = tree(e);
    for (String key :
        List.of("max_completion_tokens", "max_prompt_tokens", "quantization", "uptime_last_5m", "uptime_last_30m",
            "uptime_last_1d", "latency_last_30m")) {
      assertTrue(json.has(key) && json.get(key).isNull(), key);
    }
    assertEquals("{\"p50\":1.0,\"p75\":2.0,\"p90\":3.0,\"p99\":4.0}", json.path("throughput_last_30m").toString());
    assertTrue(!json.has("status") && !json.has("supports_voice_cloning"));
  }

  @Test
  void theListsNextLinkAndTheEnvelopeAreAlwaysWritten() {
    assertEquals(
        "{\"data\":[],\"links\":{\"next\":null},\"total_count\":0}",
        tree(new ModelsList(List.of(), new ModelsList.Links(null, null), 0, null)).toString());
    assertEquals("{\"data\":null}", tree(DataEnvelope.of(null)).toString());
    assertEquals("{\"data\":{\"count\":3}}", tree(DataEnvelope.of(ModelsCount.of(3))).toString());
  }

  @Test
  void providerInfoAlwaysWritesItsPrivacyPolicy() {
    assertEquals(
        "{\"name\":\"Acme\",\"slug\":\"acme\",\"privacy_policy_url\":null}",
        tree(new ProviderInfo("Acme", "acme", null, null, null, null, null, null)).toString());
  }
}
