package dev.openrouter4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openrouter4j.api.account.ActivityParams;
import dev.openrouter4j.api.account.KeysListParams;
import dev.openrouter4j.api.models.ModelsListParams;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

  @Test
  void valuesAreSpelledAsTheApiSpellsThemAndNullRemoves() {
    Map<String, String> q =
        new QueryParams()
            .set("a", 10.0)
            .set("b", 0.0000001)
            .set("c", true)
            .set("d", List.of("x", "y"))
            .set("e", List.of())
            .set("f", 7)
            .set("g", "drop me")
            .set("g", null)
            .toMap();
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("a", "10");
    expected.put("b", "0.0000001");
    expected.put("c", "true");
    expected.put("d", "x,y");
    expected.put("f", "7");
    assertEquals(expected, q);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(q.keySet()), "insertion order");
  }

  @Test
  void modelsListParamsSendOnlyWhatWasSetInTheOrderItWasSet() {
    ModelsListParams p =
        ModelsListParams.builder()
            .category(ModelsListParams.Category.MARKETING_SEO)
            .sort(ModelsListParams.Sort.PRICING_LOW_TO_HIGH)
            .inputModalities("text", "image")
            .maxPrice(10.0)
            .minToolSuccessRate(0.9)
            .zdr(true)
            .region(ModelsListParams.Region.EU)
            .distillable(false)
            .limit(50)
            .param("use_future_filter", "1")
            .build();
    assertEquals(
        "{category=marketing/seo, sort=pricing-low-to-high, input_modalities=text,image, max_price=10, "
            + "min_tool_success_rate=0.9, zdr=true, region=eu, distillable=false, limit=50, use_future_filter=1}",
        p.toQuery().toString());
    assertEquals(Map.of(), ModelsListParams.none().toQuery());
    assertEquals(p, p.toBuilder().build());
    assertEquals(Map.of("limit", "50"), ModelsListParams.builder().zdr(true).zdr(false).limit(50).build().toQuery());
  }

  @Test
  void keysAndActivityParams() {
    assertEquals(
        "{offset=100, include_disabled=true, workspace_id=w-1}",
        KeysListParams.builder().offset(100).includeDisabled(true).workspaceId("w-1").build().toQuery().toString());
    assertEquals(
        "{date=2025-08-24, group_by=workspace, api_key_hash=abc}",
        ActivityParams.builder()
            .date(LocalDate.of(2025, 8, 24))
            .groupByWorkspace(true)
            .apiKeyHash("abc")
            .build()
            .toQuery()
            .toString());
  }
}
