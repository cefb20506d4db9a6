package dev.openrouter4j.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.openrouter4j.api.Enums;
import dev.openrouter4j.api.ProviderPreferences;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatTool;
import dev.openrouter4j.api.chat.ResponseFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation")
class ChatStagesTest {
  static ChatRequest.Builder base() {
    return ChatRequest.builder().model("m").messages(ChatMessage.user("x"));
  }

  @Test
  void theDeprecatedRouteMapsToASortPartition() {
    assertEquals(Enums.Partition.NONE, GenerationHandler.preferences(base().route("sort").build()).sort().partition());
    ProviderPreferences p = GenerationHandler.preferences(
        base().route("fallback").provider(ProviderPreferences.builder().sort(Enums.SortBy.PRICE).build()).build());
    assertEquals(Enums.Partition.MODEL, p.sort().partition());
    assertEquals(Enums.SortBy.PRICE, p.sort().by());
  }

  @Test
  void anExplicitPartitionWinsOverRouteAndNoRouteChangesNothing() {
    ProviderPreferences explicit = ProviderPreferences.builder().sort(new ProviderPreferences.Sort(null, Enums.Partition.MODEL)).build();
    assertSame(explicit, GenerationHandler.preferences(base().route("sort").provider(explicit).build()));
    assertNull(GenerationHandler.preferences(base().build()));
  }

  @Test
  void theFeaturesARequestUsesAreWhatRequireParametersChecks() {
    ChatRequest r = base().tools(ChatTool.function("f", "d", Map.of("type", "object"))).responseFormat(ResponseFormat.jsonObject()).seed(1).build();
    assertEquals(Set.of("tools", "response_format", "seed"), GenerationHandler.features(r));
    assertEquals(Set.of(), GenerationHandler.features(base().build()));
  }
}
