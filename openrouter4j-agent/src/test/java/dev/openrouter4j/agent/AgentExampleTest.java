package dev.openrouter4j.agent;

import static dev.openrouter4j.agent.Turns.call;
import static dev.openrouter4j.agent.Turns.json;
import static dev.openrouter4j.agent.Turns.message;
import static dev.openrouter4j.agent.Turns.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.agent.examples.AgentExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's agent example is compiled here, shown there verbatim, short, and it runs. */
class AgentExampleTest extends LoopbackTest {
  private static final Path SOURCE = Path.of("src/test/java/dev/openrouter4j/agent/examples/AgentExample.java");

  static String normalise(String code) {
    StringBuilder sb = new StringBuilder();
    for (String line : code.strip().split("\n")) sb.append(line.strip()).append('\n');
    return sb.toString();
  }

  static String example() throws IOException {
    Matcher m = Pattern.compile("// README:agent\\n(.*?)// README:end", Pattern.DOTALL).matcher(Files.readString(SOURCE));
    assertTrue(m.find(), "the example has its README markers");
    return normalise(m.group(1));
  }

  @Test
  void theReadmeShowsTheCompiledExampleUnderItsHeading() throws IOException {
    // surefire runs in the module directory; the README is at the repository root
    String readme = Files.readString(Path.of("../README.md"));
    Matcher m = Pattern.compile("## An agent with Java tools\\n.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(), "README.md has the section with a Java block");
    assertEquals(example(), normalise(m.group(1)));
  }

  @Test
  void theExampleIsUnderThirtyLinesWithTwoTools() throws IOException {
    String code = example();
    assertTrue(code.split("\n").length < 30, code);
    assertEquals(2, code.split("Tool\\.of\\(", -1).length - 1);
  }

  @Test
  void theExampleRuns() throws Exception {
    server.enqueue(json(response(call("c1", "get_weather", "{\"name\":\"Lisbon\"}"))));
    server.enqueue(json(response(call("c2", "to_fahrenheit", "{\"degrees\":21}"))));
    server.enqueue(json(response(message("It is sunny and 69.8 °F in Lisbon."))));

    AgentResult result = AgentExample.run(client);

    assertEquals("It is sunny and 69.8 °F in Lisbon.", result.text());
    assertEquals("{\"city\":\"Lisbon\",\"celsius\":21,\"sky\":\"sunny\"}", result.steps().get(0).toolResults().get(0).output());
    assertEquals("69.8", result.steps().get(1).toolResults().get(0).output());
    assertEquals(45, result.usage().totalTokens());
  }
}
