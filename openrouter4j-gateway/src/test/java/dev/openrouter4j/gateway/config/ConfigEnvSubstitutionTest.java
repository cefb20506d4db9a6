package dev.openrouter4j.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigEnvSubstitutionTest {
  private static final Map<String, String> ENV = Map.of("A", "alpha", "EMPTY", "", "DOLLAR", "$x${Y}");

  @Test
  void replacesEveryReferenceInAValue() {
    assertEquals("alpha-alpha", EnvSubstitution.apply("${A}-${A}", ENV));
    assertEquals("no references", EnvSubstitution.apply("no references", ENV));
    assertEquals("costs $5", EnvSubstitution.apply("costs $5", ENV));
  }

  @Test
  void theDefaultAppliesWhenUnsetOrEmpty() {
    assertEquals("dflt", EnvSubstitution.apply("${UNSET:-dflt}", ENV));
    assertEquals("dflt", EnvSubstitution.apply("${EMPTY:-dflt}", ENV));
    assertEquals("alpha", EnvSubstitution.apply("${A:-dflt}", ENV));
    assertEquals("", EnvSubstitution.apply("${UNSET:-}", ENV));
    assertEquals("http://h:1/v1", EnvSubstitution.apply("${UNSET:-http://h:1/v1}", ENV));
  }

  @Test
  void aSetButEmptyVariableWithoutDefaultIsEmpty() {
    assertEquals("[]", EnvSubstitution.apply("[${EMPTY}]", ENV));
  }

  @Test
  void substitutedTextIsNotSubstitutedAgain() {
    assertEquals("$x${Y}", EnvSubstitution.apply("${DOLLAR}", ENV));
  }

  @Test
  void doubledDollarWritesALiteralReference() {
    assertEquals("${A}", EnvSubstitution.apply("$${A}", ENV));
  }

  @Test
  void anUnsetVariableIsNamed() {
    String message = assertThrows(IllegalArgumentException.class, () -> EnvSubstitution.apply("x${NOPE}", ENV)).getMessage();
    assertTrue(message.contains("'NOPE' is not set"), message);
  }

  @Test
  void malformedReferencesAreRejected() {
    for (String text : new String[] {"${A", "${}", "${1A}", "${A-b}", "${A:b}"}) {
      assertThrows(IllegalArgumentException.class, () -> EnvSubstitution.apply(text, ENV), text);
    }
  }
}
