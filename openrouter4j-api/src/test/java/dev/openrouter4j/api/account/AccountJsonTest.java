package dev.openrouter4j.api.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountJsonTest {

  static JsonNode tree(Object value) {
    return Json.mapper().valueToTree(value);
  }

  @Test
  void anUpdateSendsOnlyWhatIsSetAndAnExplicitNullToRemoveTheLimit() throws Exception {
    UpdateKeyRequest rename = UpdateKeyRequest.builder().name("New name").build();
    assertEquals("{\"name\":\"New name\"}", tree(rename).toString());
    assertFalse(rename.removesLimit());

    UpdateKeyRequest unlimited = UpdateKeyRequest.builder().removeLimit().removeLimitReset().disabled(true).build();
    assertEquals("{\"disabled\":true,\"limit\":null,\"limit_reset\":null}", tree(unlimited).toString());
    assertTrue(unlimited.removesLimit());
    assertTrue(unlimited.removesLimitReset());

    UpdateKeyRequest relimited = unlimited.toBuilder().limit(5.0).build();
    assertEquals("{\"disabled\":true,\"limit\":5.0,\"limit_reset\":null}", tree(relimited).toString());
    assertFalse(relimited.removesLimit());
  }

  @Test
  void readingAnUpdateKeepsAbsentAndNullApart() throws Exception {
    UpdateKeyRequest read =
        Json.mapper().readValue("{\"limit\":null,\"limit_reset\":\"weekly\",\"name\":\"k\",\"future\":[1]}", UpdateKeyRequest.class);
    assertTrue(read.removesLimit());
    assertEquals(LimitReset.WEEKLY, read.limitReset());
    assertEquals("k", read.name());
    assertEquals(List.of(1), read.extraBody().get("future"));
    assertEquals(UpdateKeyRequest.builder().removeLimit().limitReset(LimitReset.WEEKLY).name("k").putExtraBody("future", List.of(1)).build(), read);

    UpdateKeyRequest plain = Json.mapper().readValue("{\"limit\":75}", UpdateKeyRequest.class);
    assertEquals(75.0, plain.limit());
    assertFalse(plain.removesLimit());
    assertNull(plain.extraBody());
    assertThrows(Exception.class, () -> Json.mapper().readValue("{\"limit_reset\":\"yearly\"}", UpdateKeyRequest.class));
  }

  @Test
  void aCreateRequestWritesItsExpiryInUtc() {
    CreateKeyRequest request =
        CreateKeyRequest.builder()
            .name("CI")
            .limit(50.0)
            .limitReset(LimitReset.MONTHLY)
            .expiresAt(Instant.parse("2027-12-31T23:59:59Z"))
            .build();
    assertEquals(
        "{\"name\":\"CI\",\"limit\":50.0,\"limit_reset\":\"monthly\",\"expires_at\":\"2027-12-31T23:59:59Z\"}",
        tree(request).toString());
    assertEquals(request, request.toBuilder().build());
  }

  @Test
  void keysWriteTheirRequiredNullableKeys() {
    ApiKey key =
        new ApiKey("h", "n", "l", false, null, null, null, false, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            "2025-08-24T10:30:00Z", null, null, null, "w", null);
    JsonNode json = tree(key);
    for (String k : List.of("limit", "limit_remaining", "limit_reset", "updated_at", "creator_user_id")) {
      assertTrue(json.has(k) && json.get(k).isNull(), k);
    }
    assertFalse(json.has("expires_at"));
    KeyInfo info =
        new KeyInfo("l", null, null, null, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, false, false, false, false, null, null,
            new KeyInfo.RateLimit(-1, "10s", "deprecated", null), null);
    JsonNode infoJson = tree(info);
    for (String k : List.of("limit", "limit_remaining", "limit_reset", "creator_user_id")) {
      assertTrue(infoJson.has(k) && infoJson.get(k).isNull(), k);
    }
    assertEquals("{\"requests\":-1,\"interval\":\"10s\",\"note\":\"deprecated\"}", infoJson.path("rate_limit").toString());
  }

  @Test
  void aGenerationWritesEveryRequiredKeyAndOmitsOnlyTheOptionalOnes() {
    Generation g = Json.mapper().convertValue(Map.of("id", "gen-1", "model", "m", "total_cost", 0.5), Generation.class);
    JsonNode json = tree(g);
    assertEquals(42, json.size(), json.toString());
    assertTrue(json.get("workspace_id").isNull());
    assertTrue(json.get("provider_responses").isNull());
    assertFalse(json.has("session_id") || json.has("request_id") || json.has("response_cache_source_id"));
    Generation.ProviderResponse attempt = new Generation.ProviderResponse(null, null, null, null, "OpenAI", null, null, null, null);
    assertEquals("{\"status\":null,\"provider_name\":\"OpenAI\"}", tree(attempt).toString());
  }

  @Test
  void generationContentAlwaysWritesItsErrorAndOutputKeys() {
    GenerationContent c =
        new GenerationContent(
            new GenerationContent.Input("Hi", null, null), new GenerationContent.Output("Hello", null, null), null, null);
    assertEquals(
        "{\"input\":{\"prompt\":\"Hi\"},\"output\":{\"completion\":\"Hello\",\"reasoning\":null},\"error\":null}",
        tree(c).toString());
  }

  @Test
  void feedbackAndTheOnceOnlySecret() {
    assertEquals(
        "{\"generation_id\":\"gen-1\",\"category\":\"api_error\",\"comment\":\"500s\"}",
        tree(GenerationFeedback.of("gen-1", GenerationFeedback.Category.API_ERROR).withComment("500s")).toString());
    CreateKeyResponse created = new CreateKeyResponse(null, "sk-or-v1-0123456789abcdef", null);
    assertFalse(created.toString().contains("0123456789abcdef"), created.toString());
    assertEquals("sk-or-v1-0123456789abcdef", tree(created).path("key").asText());
  }
}
