package dev.openrouter4j.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The configuration example in the README is a working configuration. */
class ConfigReadmeExampleTest {
  @Test
  void theReadmesYamlExampleLoads() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(), "the README has a yaml example");
    GatewayConfig config = ConfigLoader.parse(m.group(1), "README.md", Map.of("ACME_KEY", "secret"));
    assertEquals("acme", config.providers().get(0).id());
    assertEquals("secret", config.providers().get(0).apiKey());
    assertTrue(config.providers().get(0).deniesDataCollection());
    assertEquals("meta-llama/llama-3.1-8b-instruct", config.models().get(0).id());
    assertEquals("llama3.1:8b", config.models().get(0).endpoints().get(0).upstreamModel());
    assertTrue(config.models().get(1).isPattern());
    assertEquals(java.util.List.of("embeddings"), config.models().get(2).outputModalities());
    assertEquals(java.util.List.of("text"), config.models().get(0).outputModalities());
  }
}
