package dev.openrouter4j.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of README.md must be a compiled example: of {@link ReadmeExamples}, or of the
 * agent module's {@code AgentExample} (which checks its own block).
 */
class ReadmeExamplesTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern EXAMPLE = Pattern.compile("// README:[a-z-]+\\n(.*?)// README:end", Pattern.DOTALL);

  private static final Path AGENT_EXAMPLE =
      Path.of("../openrouter4j-agent/src/test/java/dev/openrouter4j/agent/examples/AgentExample.java");

  static String normalise(String code) {
    StringBuilder sb = new StringBuilder();
    for (String line : code.strip().split("\n")) sb.append(line.strip()).append('\n');
    return sb.toString();
  }

  @Test
  void everyJavaBlockInTheReadmeIsCompiledHere() throws IOException {
    // surefire runs in the module directory; the README is at the repository root
    String text = Files.readString(Path.of("../README.md"));
    String source = Files.readString(Path.of("src/test/java/dev/openrouter4j/examples/ReadmeExamples.java"));
    List<String> examples = new ArrayList<>();
    Matcher e = EXAMPLE.matcher(source);
    while (e.find()) examples.add(normalise(e.group(1)));
    int own = examples.size();
    Matcher agent = EXAMPLE.matcher(Files.readString(AGENT_EXAMPLE));
    while (agent.find()) examples.add(normalise(agent.group(1)));
    Matcher m = JAVA_BLOCK.matcher(text);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      String block = normalise(m.group(1));
      assertTrue(examples.contains(block), "README block is not a compiled example:\n" + block);
    }
    assertFalse(examples.isEmpty());
    assertTrue(own < examples.size(), "the agent module's example was found");
    assertTrue(blocks >= examples.size(), "every example should be shown in the README");
  }
}
