package dev.openrouter4j;

import static dev.openrouter4j.SpecExamples.assertJson;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.account.ActivityItem;
import dev.openrouter4j.api.account.ApiKey;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.account.Credits;
import dev.openrouter4j.api.account.DeleteKeyResponse;
import dev.openrouter4j.api.account.Generation;
import dev.openrouter4j.api.account.GenerationContent;
import dev.openrouter4j.api.account.KeyInfo;
import dev.openrouter4j.api.embeddings.EmbeddingsResponse;
import dev.openrouter4j.api.models.ModelEndpoints;
import dev.openrouter4j.api.models.ModelsCount;
import dev.openrouter4j.api.models.ModelsList;
import dev.openrouter4j.api.models.ProviderInfo;
import dev.openrouter4j.api.models.PublicEndpoint;
import dev.openrouter4j.api.rerank.RerankResponse;
import org.junit.jupiter.api.Test;

/**
 * The gateway writes these records: read each spec example and write it back. Where the schema
 * marks a key optional-and-nullable the record drops a null, and where it marks a key
 * required-but-nullable the record adds it; those differences are spelled out below.
 */
class SpecExamplesRoundTripTest {

  static void roundTrips(String example, JavaType type) throws Exception {
    roundTrips(example, type, SpecExamples.tree(SpecExamples.read(example)));
  }

  static void roundTrips(String example, JavaType type, JsonNode expected) throws Exception {
    Object value = Json.mapper().readValue(SpecExamples.read(example), type);
    assertJson(expected, value);
  }

  @Test
  void examplesWithoutNullsComeBackUnchanged() throws Exception {
    roundTrips("credits", Calls.data(Credits.class));
    roundTrips("key", Calls.data(KeyInfo.class));
    roundTrips("keys", Calls.dataList(ApiKey.class));
    roundTrips("keys-get", Calls.data(ApiKey.class));
    roundTrips("keys-create", Calls.type(CreateKeyResponse.class));
    roundTrips("keys-delete", Calls.type(DeleteKeyResponse.class));
    roundTrips("models-count", Calls.data(ModelsCount.class));
    roundTrips("model-endpoints", Calls.data(ModelEndpoints.class));
    roundTrips("endpoints-zdr", Calls.dataList(PublicEndpoint.class));
    roundTrips("providers", Calls.dataList(ProviderInfo.class));
    roundTrips("generation-content", Calls.data(GenerationContent.class));
    roundTrips("activity", Calls.dataList(ActivityItem.class));
    roundTrips("embeddings", Calls.type(EmbeddingsResponse.class));
    roundTrips("rerank", Calls.type(RerankResponse.class));
  }

  @Test
  void optionalNullsAreDroppedFromModelsAndKeys() throws Exception {
    ObjectNode list = (ObjectNode) SpecExamples.tree(SpecExamples.read("models-list"));
    list.withArray("data").forEach(m -> ((ObjectNode) m).remove(java.util.List.of("expiration_date", "knowledge_cutoff")));
    roundTrips("models-list", Calls.type(ModelsList.class), list);

    ObjectNode updated = (ObjectNode) SpecExamples.tree(SpecExamples.read("keys-update"));
    ((ObjectNode) updated.get("data")).remove("expires_at");
    roundTrips("keys-update", Calls.data(ApiKey.class), updated);
  }

  @Test
  void theGenerationGainsItsRequiredWorkspaceIdAndDropsTheOptionalSessionId() throws Exception {
    ObjectNode generation = (ObjectNode) SpecExamples.tree(SpecExamples.read("generation"));
    ObjectNode data = (ObjectNode) generation.get("data");
    data.remove("session_id");
    data.putNull("workspace_id");
    roundTrips("generation", Calls.data(Generation.class), generation);
  }
}
