package dev.openrouter4j.gateway.provider.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationProfileTest {
  @Test
  void emptyOptionsGiveTheDefaults() {
    SimulationProfile p = SimulationProfile.fromOptions(Map.of());
    assertEquals(new SimulationProfile(0, 0, 16, SimulatedFault.NONE, 1, 42), p);
  }

  @Test
  void readsEveryKeyFromNumbersOrText() {
    SimulationProfile p =
        SimulationProfile.fromOptions(
            Map.of("ttft_ms", "50", "tokens_per_second", 12.5, "output_tokens", 3, "fault", "cut_after:2",
                "fault_rate", "0.25", "seed", 9L));
    assertEquals(new SimulationProfile(50, 12.5, 3, new SimulatedFault.CutAfter(2), 0.25, 9), p);
    assertEquals(80, p.tokenIntervalMs());
    assertEquals(p, SimulationProfile.fromOptions(p.toOptions()));
  }

  @Test
  void anUnknownKeyIsRejectedByName() {
    var e = assertThrows(IllegalArgumentException.class, () -> SimulationProfile.fromOptions(Map.of("ttft", 5)));
    assertTrue(e.getMessage().contains("'ttft'"), e.getMessage());
  }

  @Test
  void badValuesAreRejectedNamingTheKey() {
    for (Map<String, Object> bad :
        java.util.List.<Map<String, Object>>of(
            Map.of("ttft_ms", -1), Map.of("output_tokens", "many"), Map.of("fault_rate", 1.5),
            Map.of("tokens_per_second", "fast"), Map.of("ttft_ms", 2.5))) {
      String key = bad.keySet().iterator().next();
      var e = assertThrows(IllegalArgumentException.class, () -> SimulationProfile.fromOptions(bad), key);
      assertTrue(e.getMessage().startsWith(key), e.getMessage());
    }
  }

  @Test
  void faultsParseAndPrintBack() {
    for (String text : new String[] {"none", "status:503", "timeout", "cut_after:4", "error_after:0"}) {
      assertEquals(text, SimulatedFault.parse(text).toString());
    }
    assertEquals(new SimulatedFault.Status(429), SimulatedFault.parse(" STATUS:429 "));
    for (String bad : new String[] {"status:200", "status", "cut_after:-1", "explode", "timeout:5"}) {
      var e = assertThrows(IllegalArgumentException.class, () -> SimulatedFault.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("fault:"), e.getMessage());
    }
  }
}
