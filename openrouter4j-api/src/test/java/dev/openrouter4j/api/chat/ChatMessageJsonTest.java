package dev.openrouter4j.api.chat;

import static dev.openrouter4j.api.chat.Fixtures.parse;
import static dev.openrouter4j.api.chat.Fixtures.toTree;
import static dev.openrouter4j.api.chat.Fixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.openrouter4j.api.CacheControl;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatMessage.AssistantMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatMessageJsonTest {

  private static List<ChatMessage> parseMessages(String json) throws Exception {
    return Json.mapper().readValue(json, new TypeReference<List<ChatMessage>>() {});
  }

  @Test
  void factoriesEncodeRoleAndContent() {
    assertEquals(tree("{\"role\":\"system\",\"content\":\"s\"}"), toTree(ChatMessage.system("s")));
    assertEquals(tree("{\"role\":\"developer\",\"content\":\"d\"}"), toTree(ChatMessage.developer("d")));
    assertEquals(tree("{\"role\":\"user\",\"content\":\"u\"}"), toTree(ChatMessage.user("u")));
    assertEquals(tree("{\"role\":\"assistant\",\"content\":\"a\"}"), toTree(ChatMessage.assistant("a")));
    assertEquals(
        tree("{\"role\":\"tool\",\"content\":\"42\",\"tool_call_id\":\"call_9\"}"),
        toTree(ChatMessage.tool("call_9", "42")));
    assertEquals(
        tree("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}"),
        toTree(ChatMessage.user(List.of(ContentPart.text("hi")))));
  }

  static final String ALL_PARTS_JSON =
      """
      {"role": "user", "name": "ann", "content": [
        {"type": "text", "text": "cached", "cache_control": {"type": "ephemeral", "ttl": "1h"},
         "prompt_cache_breakpoint": {"mode": "explicit"}},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA", "detail": "low"}},
        {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}},
        {"type": "video_url", "video_url": {"url": "https://example.com/v.mp4"}},
        {"type": "input_video", "video_url": {"url": "https://example.com/old.mp4"}},
        {"type": "file", "file": {"filename": "a.pdf", "file_data": "data:application/pdf;base64,JVBE"}},
        {"type": "file", "file": {"file_id": "file-123"}}
      ]}
      """;

  @Test
  void everyContentPartVariantEncodesAsTheSpecSays() {
    ChatMessage built =
        new ChatMessage.UserMessage(
            MessageContent.of(
                ContentPart.text("cached").withCacheControl(CacheControl.ephemeral("1h")).withPromptCacheBreakpoint(),
                ContentPart.imageUrl("data:image/png;base64,AAAA", "low"),
                ContentPart.inputAudio("UklGRg==", "wav"),
                ContentPart.videoUrl("https://example.com/v.mp4"),
                new ContentPart.InputVideoPart(new ContentPart.VideoUrl("https://example.com/old.mp4")),
                ContentPart.file("a.pdf", "data:application/pdf;base64,JVBE"),
                ContentPart.fileId("file-123")),
            "ann");
    assertEquals(tree(ALL_PARTS_JSON), toTree(built));

    ChatMessage read = parse(ALL_PARTS_JSON, ChatMessage.class);
    assertEquals(built, read);
    List<ContentPart> parts = ((ChatMessage.UserMessage) read).content().parts();
    assertEquals("1h", assertInstanceOf(ContentPart.TextPart.class, parts.get(0)).cacheControl().ttl());
    assertEquals("wav", assertInstanceOf(ContentPart.AudioPart.class, parts.get(2)).inputAudio().format());
    assertInstanceOf(ContentPart.VideoPart.class, parts.get(3));
    assertEquals("input_video", assertInstanceOf(ContentPart.InputVideoPart.class, parts.get(4)).type());
    assertEquals("file-123", assertInstanceOf(ContentPart.FilePart.class, parts.get(6)).file().fileId());
  }

  @Test
  void contentKeepsItsShape() {
    MessageContent string = parse("\"plain\"", MessageContent.class);
    MessageContent array = parse("[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]", MessageContent.class);
    assertTrue(string.isString());
    assertFalse(array.isString());
    assertEquals("plain", string.asText());
    assertEquals("ab", array.asText());
    assertEquals(tree("\"plain\""), toTree(string));
    assertEquals(tree("[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]"), toTree(array));
    assertThrows(Exception.class, () -> Fixtures.parse("{\"role\":\"user\",\"content\":7}", ChatMessage.class));
  }

  static final String ASSISTANT_JSON =
      """
      {"role": "assistant", "content": null, "name": "bot", "refusal": "no",
       "reasoning": "thinking", "model": "anthropic/claude-sonnet-4.5",
       "tool_calls": [{"id": "call_a", "type": "function", "function": {"name": "f", "arguments": "{}"}}],
       "reasoning_details": [{"type": "reasoning.text", "text": "thinking", "signature": "sig", "format": "anthropic-claude-v1", "index": 0}],
       "images": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBO"}}],
       "audio": {"id": "audio_1", "data": "AAA=", "expires_at": 1700000000, "transcript": "hi"},
       "annotations": [{"type": "url_citation"}]}
      """;

  @Test
  void assistantMessageReadsEveryFieldAndKeepsUnknownOnes() throws Exception {
    AssistantMessage m = assertInstanceOf(AssistantMessage.class, parseMessages("[" + ASSISTANT_JSON + "]").get(0));
    assertNull(m.content());
    assertNull(m.text());
    assertEquals("bot", m.name());
    assertEquals("no", m.refusal());
    assertEquals("thinking", m.reasoning());
    assertEquals("anthropic/claude-sonnet-4.5", m.model());
    assertEquals(ToolCall.function("call_a", "f", "{}"), m.toolCalls().get(0));
    assertEquals(new ReasoningDetail.Text(null, "anthropic-claude-v1", 0, "thinking", "sig"), m.reasoningDetails().get(0));
    assertEquals("data:image/png;base64,iVBO", m.images().get(0).imageUrl().url());
    assertEquals("image_url", m.images().get(0).type());
    assertEquals(new AudioOutput("audio_1", "AAA=", 1700000000L, "hi"), m.audio());
    assertEquals(Map.of("annotations", List.of(Map.of("type", "url_citation"))), m.extra());

    // Everything but the explicit null content comes back out.
    var expected = (com.fasterxml.jackson.databind.node.ObjectNode) tree(ASSISTANT_JSON);
    expected.remove("content");
    assertEquals(expected, Fixtures.written(m));
    assertEquals(m, Fixtures.roundTrip(m, AssistantMessage.class));
  }

  @Test
  void assistantMessageReadsWithoutRoleWhereItIsTheDeclaredType() {
    AssistantMessage m = parse("{\"content\":\"hi\"}", AssistantMessage.class);
    assertEquals("hi", m.text());
    assertEquals("assistant", m.role());
    assertNull(m.extra());
  }

  @Test
  void unknownRoleAndUnknownPartTypeSurviveARead() throws Exception {
    String json =
        """
        [{"role": "critic", "content": "meh", "score": 3},
         {"role": "user", "content": [{"type": "hologram", "hologram": {"id": "h1"}}, {"type": "text", "text": "t"}]}]
        """;
    List<ChatMessage> messages = parseMessages(json);
    ChatMessage.Unknown critic = assertInstanceOf(ChatMessage.Unknown.class, messages.get(0));
    assertEquals("critic", critic.role());
    assertEquals("meh", critic.fields().get("content"));
    assertEquals(3, critic.fields().get("score"));

    ChatMessage.UserMessage user = assertInstanceOf(ChatMessage.UserMessage.class, messages.get(1));
    ContentPart.Unknown holo = assertInstanceOf(ContentPart.Unknown.class, user.content().parts().get(0));
    assertEquals("hologram", holo.type());
    assertEquals(Map.of("id", "h1"), holo.fields().get("hologram"));
    assertEquals("t", user.content().asText());

    assertEquals(tree(json), Json.mapper().valueToTree(messages));
  }
}
