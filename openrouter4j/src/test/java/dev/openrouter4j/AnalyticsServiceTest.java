package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.api.account.ActivityItem;
import dev.openrouter4j.api.account.ActivityParams;
import dev.openrouter4j.errors.ForbiddenException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsServiceTest extends LoopbackTest {

  @Test
  void activityOfTheLast30Days() throws Exception {
    replyExample("activity");
    List<ActivityItem> items = client.analytics().activity();
    expectBodiless("GET", "activity");
    ActivityItem a = items.get(0);
    assertEquals("2025-08-24", a.date());
    assertEquals("openai/gpt-4.1", a.model());
    assertEquals("openai/gpt-4.1-2025-04-14", a.modelPermaslug());
    assertEquals("550e8400-e29b-41d4-a716-446655440000", a.endpointId());
    assertEquals("OpenAI", a.providerName());
    assertEquals(0.015, a.usage());
    assertEquals(0.012, a.byokUsageInference());
    assertEquals(5L, a.requests());
    assertEquals(50L, a.promptTokens());
    assertEquals(125L, a.completionTokens());
    assertEquals(25L, a.reasoningTokens());
    assertNull(a.workspaceId());
  }

  @Test
  void activityOfOneDayAndByWorkspace() throws Exception {
    replyExample("activity");
    replyExample("activity");
    client.analytics().activity(LocalDate.of(2025, 8, 24));
    expectBodiless("GET", "activity?date=2025-08-24");
    client.analytics().activity(ActivityParams.builder().groupByWorkspace(true).workspaceId("550e8400-e29b-41d4-a716-446655440000").build());
    expectBodiless("GET", "activity?group_by=workspace&workspace_id=550e8400-e29b-41d4-a716-446655440000");
  }

  @Test
  void activityAsyncCompletesAndAnOrdinaryKeyIsForbidden() throws Exception {
    replyExample("activity");
    reply(403, "{\"error\":{\"code\":403,\"message\":\"Only management keys can perform this operation\"}}");
    assertEquals(1, client.analytics().activityAsync(ActivityParams.none()).get().size());
    ForbiddenException e = assertThrows(ForbiddenException.class, () -> client.analytics().activity());
    assertTrue(e.errorMessage().startsWith("Only management keys"));
  }
}
