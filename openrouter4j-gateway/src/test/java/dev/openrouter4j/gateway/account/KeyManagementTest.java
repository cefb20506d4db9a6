package dev.openrouter4j.gateway.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyManagementTest {
  static final String SECRET = "admin-0123456789abcdef";

  @Test
  void theManagementKeyComesFromTheEnvironmentAndMatchesOnlyItself() {
    ManagementKey key = ManagementKey.fromEnvironment(Map.of(ManagementKey.ENV, SECRET)).orElseThrow();
    assertTrue(key.matches(SECRET));
    assertFalse(key.matches(SECRET + "x"));
    assertFalse(key.matches(SECRET.substring(1)));
    assertFalse(key.matches(""));
    assertFalse(key.matches(null));
    assertFalse(key.toString().contains(SECRET));
  }

  @Test
  void withoutTheVariableThereIsNoManagementKey() {
    assertTrue(ManagementKey.fromEnvironment(Map.of()).isEmpty());
    assertTrue(ManagementKey.fromEnvironment(Map.of(ManagementKey.ENV, "  ")).isEmpty());
  }

  @Test
  void aShortManagementKeyIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> ManagementKey.of("short"));
    assertTrue(e.getMessage().contains(ManagementKey.ENV));
  }
}
