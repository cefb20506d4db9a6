package dev.openrouter4j.api.chat;

import static dev.openrouter4j.api.chat.Fixtures.parse;
import static dev.openrouter4j.api.chat.Fixtures.toTree;
import static dev.openrouter4j.api.chat.Fixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openrouter4j.api.CacheControl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolsAndFormatsJsonTest {

  @Test
  void functionToolEncodesNestedFunctionWithStrictAndCacheControl() {
    ChatTool tool =
        ChatTool.function("lookup", "Look a thing up", tree("{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}"))
            .withStrict(true)
            .withCacheControl(CacheControl.ephemeral());
    String json =
        """
        {"type": "function",
         "function": {"name": "lookup", "description": "Look a thing up",
                      "parameters": {"type": "object", "properties": {"q": {"type": "string"}}}, "strict": true},
         "cache_control": {"type": "ephemeral"}}
        """;
    assertEquals(tree(json), toTree(tool));
    ChatTool read = parse(json, ChatTool.class);
    assertEquals(tool, read);
    assertEquals("lookup", assertInstanceOf(ChatTool.FunctionTool.class, read).function().name());

    assertEquals(
        tree("{\"type\":\"function\",\"function\":{\"name\":\"now\",\"description\":\"The time\"}}"),
        toTree(ChatTool.function("now", "The time")));
  }

  @Test
  void everyNonFunctionToolTypeReadsAsServerTool() {
    ChatTool.ServerTool datetime =
        assertInstanceOf(ChatTool.ServerTool.class, parse("{\"type\":\"openrouter:datetime\",\"parameters\":{\"timezone\":\"Europe/Paris\"}}", ChatTool.class));
    assertEquals("openrouter:datetime", datetime.type());
    assertEquals(Map.of("timezone", "Europe/Paris"), datetime.parameters());
    assertNull(datetime.extra());

    // The web_search shorthand keeps its top-level options in extra and writes them back.
    String shorthand = "{\"type\":\"web_search_preview\",\"search_context_size\":\"high\",\"max_results\":4}";
    ChatTool.ServerTool preview = assertInstanceOf(ChatTool.ServerTool.class, parse(shorthand, ChatTool.class));
    assertEquals("web_search_preview", preview.type());
    assertEquals("high", preview.extra().get("search_context_size"));
    assertEquals(4, preview.extra().get("max_results"));
    assertEquals(tree(shorthand), toTree(preview));

    // A server tool type invented after this version still reads.
    String future = "{\"type\":\"openrouter:teleport\",\"parameters\":{\"to\":\"mars\"},\"beta\":true}";
    ChatTool.ServerTool teleport = assertInstanceOf(ChatTool.ServerTool.class, parse(future, ChatTool.class));
    assertEquals("openrouter:teleport", teleport.type());
    assertEquals(Map.of("beta", true), teleport.extra());
    assertEquals(tree(future), toTree(teleport));

    assertEquals(tree("{\"type\":\"openrouter:bash\"}"), toTree(ChatTool.server("openrouter:bash", null)));
  }

  @Test
  void toolChoiceShapes() {
    assertEquals(tree("\"auto\""), toTree(ToolChoice.auto()));
    assertEquals(tree("\"none\""), toTree(ToolChoice.none()));
    assertEquals(tree("\"required\""), toTree(ToolChoice.required()));
    assertEquals(tree("{\"type\":\"function\",\"function\":{\"name\":\"f\"}}"), toTree(ToolChoice.function("f")));
    assertEquals(tree("{\"type\":\"openrouter:web_search\"}"), toTree(ToolChoice.serverTool("openrouter:web_search")));

    assertEquals(ToolChoice.required(), parse("\"required\"", ToolChoice.class));
    assertEquals(ToolChoice.function("f"), parse("{\"type\":\"function\",\"function\":{\"name\":\"f\"}}", ToolChoice.class));
    assertEquals(ToolChoice.serverTool("openrouter:web_search"), parse("{\"type\":\"openrouter:web_search\"}", ToolChoice.class));
    assertThrows(Exception.class, () -> Fixtures.parse("{\"messages\":[],\"tool_choice\":[1]}", ChatRequest.class));
  }

  @Test
  void responseFormatVariants() {
    assertEquals(tree("{\"type\":\"text\"}"), toTree(ResponseFormat.text()));
    assertEquals(tree("{\"type\":\"json_object\"}"), toTree(ResponseFormat.jsonObject()));
    assertEquals(tree("{\"type\":\"python\"}"), toTree(ResponseFormat.python()));
    assertEquals(tree("{\"type\":\"grammar\",\"grammar\":\"root ::= \\\"yes\\\"\"}"), toTree(ResponseFormat.grammar("root ::= \"yes\"")));
    assertEquals(
        tree("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"schema\":{\"type\":\"object\"}}}"),
        toTree(ResponseFormat.jsonSchema("n", Map.of("type", "object"))));

    assertInstanceOf(ResponseFormat.Text.class, parse("{\"type\":\"text\"}", ResponseFormat.class));
    assertInstanceOf(ResponseFormat.JsonObject.class, parse("{\"type\":\"json_object\"}", ResponseFormat.class));
    assertInstanceOf(ResponseFormat.Python.class, parse("{\"type\":\"python\"}", ResponseFormat.class));
    assertEquals("g", assertInstanceOf(ResponseFormat.Grammar.class, parse("{\"type\":\"grammar\",\"grammar\":\"g\"}", ResponseFormat.class)).grammar());
    ResponseFormat.JsonSchema schema =
        assertInstanceOf(
            ResponseFormat.JsonSchema.class,
            parse("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"description\":\"d\",\"schema\":{\"type\":\"object\"},\"strict\":false}}", ResponseFormat.class));
    assertEquals(new ResponseFormat.JsonSchemaConfig("n", "d", Map.of("type", "object"), false), schema.jsonSchema());

    String regex = "{\"type\":\"regex\",\"pattern\":\"[0-9]+\"}";
    ResponseFormat.Unknown unknown = assertInstanceOf(ResponseFormat.Unknown.class, parse(regex, ResponseFormat.class));
    assertEquals("regex", unknown.type());
    assertEquals(Map.of("pattern", "[0-9]+"), unknown.fields());
    assertEquals(tree(regex), toTree(unknown));
  }

  @Test
  void predictionAcceptsStringOrTextParts() {
    assertEquals(tree("{\"type\":\"content\",\"content\":\"x\"}"), toTree(Prediction.content("x")));
    Prediction parts = parse("{\"type\":\"content\",\"content\":[{\"type\":\"text\",\"text\":\"a\"}]}", Prediction.class);
    assertEquals(Prediction.content(List.of(ContentPart.text("a"))), parts);
  }
}
