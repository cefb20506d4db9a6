package dev.openrouter4j.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.openrouter4j.api.responses.ResponsesTool;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolTest {
  record Query(@JsonPropertyDescription("What to look for") String text, int limit) {}

  record NoArgs() {}

  record Hit(String title, double score) {}

  final Tool<Query> search = Tool.of("search", "Searches the notes", Query.class,
      q -> List.of(new Hit(q.text() + " 1", 0.9)).subList(0, Math.min(1, q.limit())));

  @Test
  void theDefinitionIsAStrictFunctionWithTheRecordsSchema() {
    ResponsesTool.Function f = search.definition();
    assertEquals("search", f.name());
    assertEquals("Searches the notes", f.description());
    assertEquals(Boolean.TRUE, f.strict());
    assertEquals(Turns.tree("{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\",\"description\":\"What to look for\"},"
        + "\"limit\":{\"type\":\"integer\"}},\"required\":[\"text\",\"limit\"],\"additionalProperties\":false}"),
        Turns.tree(Turns.write(f.parameters())));
    assertNull(search.strict(false).definition().strict());
  }

  @Test
  void aToolWithoutArgumentsHasAnEmptyClosedObject() {
    Tool<NoArgs> now = Tool.of("now", "The time", NoArgs.class, args -> "12:00");
    assertEquals(Turns.tree("{\"type\":\"object\",\"properties\":{},\"required\":[],\"additionalProperties\":false}"),
        Turns.tree(Turns.write(now.parametersSchema())));
    assertEquals("12:00", now.call("c1", "").output(), "no arguments at all reads as {}");
  }

  @Test
  void resultsAreJsonAndStringsGoAsTheyAre() {
    assertEquals("[{\"title\":\"cats 1\",\"score\":0.9}]", search.call("c1", "{\"text\":\"cats\",\"limit\":3}").output());
    assertEquals("plain text", Tool.of("t", null, NoArgs.class, a -> "plain text").call("c", "{}").output());
    assertEquals("null", Tool.of("t", null, NoArgs.class, a -> null).call("c", "{}").output());
    assertEquals("{\"n\":1}", Tool.of("t", null, NoArgs.class, a -> Map.of("n", 1)).call("c", "{}").output());
  }

  @Test
  void aCheckedExceptionBecomesAnErrorOutput() {
    IOException io = new IOException("disk full");
    ToolResult r = Tool.of("t", null, NoArgs.class, a -> { throw io; }).call("c", "{}");
    assertEquals(ToolResult.Status.FAILED, r.status());
    assertEquals("{\"error\":\"disk full\"}", r.output());
    assertEquals(io, r.error());
    assertFalse(r.succeeded());
    ToolResult noMessage = Tool.of("t", null, NoArgs.class, a -> { throw new NullPointerException(); }).call("c", "{}");
    assertEquals("{\"error\":\"NullPointerException\"}", noMessage.output());
  }

  @Test
  void aMissingPrimitiveIsAnErrorNotAZero() {
    ToolResult r = search.call("c1", "{\"text\":\"cats\",\"limit\":null}");
    assertEquals(ToolResult.Status.INVALID_ARGUMENTS, r.status());
    assertEquals("{\"error\":\"invalid arguments for search: $.limit: must not be null\"}", r.output());
    assertTrue(r.error() instanceof TypedJson.MismatchException);
  }

  @Test
  void namesAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tool.of("get weather", "", NoArgs.class, a -> ""));
    assertEquals("a tool name is 1 to 64 of [a-zA-Z0-9_-], was 'get weather'", e.getMessage());
  }

  @Test
  void approvalIsOptIn() {
    assertFalse(search.needsApproval("{\"text\":\"x\",\"limit\":1}"));
    assertTrue(search.requiringApproval().needsApproval("{\"text\":\"x\",\"limit\":1}"));
    Tool<Query> big = search.requiringApproval(q -> q.limit() > 10);
    assertFalse(big.needsApproval("{\"text\":\"x\",\"limit\":1}"));
    assertTrue(big.needsApproval("{\"text\":\"x\",\"limit\":11}"));
    assertFalse(big.needsApproval("not json"), "arguments that do not parse fail without asking");
  }
}
