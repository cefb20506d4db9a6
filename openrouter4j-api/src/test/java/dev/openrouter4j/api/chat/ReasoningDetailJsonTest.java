package dev.openrouter4j.api.chat;

import static dev.openrouter4j.api.chat.Fixtures.toTree;
import static dev.openrouter4j.api.chat.Fixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.openrouter4j.api.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasoningDetailJsonTest {

  static final String DETAILS =
      """
      [
        {"type": "reasoning.text", "text": "step 1", "signature": "sig==", "format": "anthropic-claude-v1", "index": 0},
        {"type": "reasoning.summary", "summary": "short", "id": "rs_1", "format": "openai-responses-v1", "index": 1},
        {"type": "reasoning.encrypted", "data": "gAAAA", "id": "rs_2", "format": "openai-responses-v1", "index": 2},
        {"type": "reasoning.server_tool_call", "tool_name": "openrouter:fusion", "arguments": "{\\"prompt\\":\\"p\\"}",
         "result": "{\\"status\\":\\"ok\\"}", "tool_call_id": "call_abc123", "index": 3},
        {"type": "reasoning.dream", "imagery": "vivid", "id": "rd_9", "format": "future-v1", "index": 4}
      ]
      """;

  @Test
  void everyVariantReadsAndWritesBack() throws Exception {
    List<ReasoningDetail> details = Json.mapper().readValue(DETAILS, new TypeReference<List<ReasoningDetail>>() {});
    assertEquals(new ReasoningDetail.Text(null, "anthropic-claude-v1", 0, "step 1", "sig=="), details.get(0));
    assertEquals(new ReasoningDetail.Summary("rs_1", "openai-responses-v1", 1, "short"), details.get(1));
    assertEquals(new ReasoningDetail.Encrypted("rs_2", "openai-responses-v1", 2, "gAAAA"), details.get(2));
    ReasoningDetail.ServerToolCall call = assertInstanceOf(ReasoningDetail.ServerToolCall.class, details.get(3));
    assertEquals("openrouter:fusion", call.toolName());
    assertEquals("{\"prompt\":\"p\"}", call.arguments());
    assertEquals("{\"status\":\"ok\"}", call.result());
    assertEquals("call_abc123", call.toolCallId());

    ReasoningDetail.Unknown dream = assertInstanceOf(ReasoningDetail.Unknown.class, details.get(4));
    assertEquals("reasoning.dream", dream.type());
    assertEquals("rd_9", dream.id());
    assertEquals("future-v1", dream.format());
    assertEquals(4, dream.index());
    assertEquals("vivid", dream.fields().get("imagery"));

    assertEquals(tree(DETAILS), Json.mapper().valueToTree(details));
  }

  @Test
  void typeIsWrittenFirstAndNullsAreOmitted() throws Exception {
    String json = Json.mapper().writeValueAsString(new ReasoningDetail.Encrypted(null, null, null, "x"));
    assertEquals("{\"type\":\"reasoning.encrypted\",\"data\":\"x\"}", json);
    assertEquals(tree("{\"type\":\"reasoning.summary\",\"summary\":\"s\"}"), toTree(new ReasoningDetail.Summary(null, null, null, "s")));
  }
}
