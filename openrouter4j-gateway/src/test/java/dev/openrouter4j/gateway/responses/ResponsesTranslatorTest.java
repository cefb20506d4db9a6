package dev.openrouter4j.gateway.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.ReasoningPart;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.gateway.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Responses requests, as clients write them, in the canonical chat shape. */
class ResponsesTranslatorTest {
  static ResponsesRequest read(String json) {
    return Json.mapper().convertValue(tree(json), ResponsesRequest.class);
  }

  static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The canonical request as JSON, the form providers receive it in. */
  static JsonNode chat(String responsesJson) {
    return Json.mapper().valueToTree(ResponsesTranslator.toChat(read(responsesJson)));
  }

  static ApiError refused(String responsesJson) {
    return assertThrows(ApiError.class, () -> ResponsesTranslator.toChat(read(responsesJson)));
  }

  @Test
  void aStringInputIsOneUserMessageAfterTheInstructionsAsSystem() {
    JsonNode c = chat("{\"model\":\"m\",\"instructions\":\"Be brief.\",\"input\":\"Hi\",\"stream\":true}");
    assertEquals(tree("[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"}]"), c.get("messages"));
    assertEquals("m", c.path("model").asText());
    assertTrue(c.path("stream").asBoolean());
  }

  @Test
  void messageItemsKeepTheirRoleAndTheirPartsBecomeChatParts() {
    JsonNode c = chat("""
        {"input":[
          {"type":"message","role":"developer","content":[{"type":"input_text","text":"Rules."}]},
          {"role":"system","content":"Sys."},
          {"type":"message","role":"user","content":[
            {"type":"input_text","text":"Look:"},
            {"type":"input_image","detail":"high","image_url":"https://x/cat.png"},
            {"type":"input_image","detail":"auto","image_url":"data:image/png;base64,AAAA"},
            {"type":"input_file","filename":"a.pdf","file_data":"data:application/pdf;base64,JVBE"},
            {"type":"input_file","file_url":"https://x/b.pdf"},
            {"type":"input_audio","input_audio":{"data":"UklG","format":"wav"}},
            {"type":"input_video","video_url":"https://x/v.mp4"}]},
          {"type":"message","role":"assistant","id":"msg_1","status":"completed",
           "content":[{"type":"output_text","text":"Seen.","annotations":[]}]}
        ]}""");
    assertEquals(tree("""
        [{"role":"developer","content":[{"type":"text","text":"Rules."}]},
         {"role":"system","content":"Sys."},
         {"role":"user","content":[
           {"type":"text","text":"Look:"},
           {"type":"image_url","image_url":{"url":"https://x/cat.png","detail":"high"}},
           {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA","detail":"auto"}},
           {"type":"file","file":{"file_data":"data:application/pdf;base64,JVBE","filename":"a.pdf"}},
           {"type":"file","file":{"file_data":"https://x/b.pdf"}},
           {"type":"input_audio","input_audio":{"data":"UklG","format":"wav"}},
           {"type":"video_url","video_url":{"url":"https://x/v.mp4"}}]},
         {"role":"assistant","content":"Seen."}]"""), c.get("messages"));
  }

  @Test
  void anAssistantRefusalIsTheMessagesRefusal() {
    JsonNode c = chat("""
        {"input":[{"role":"user","content":"x"},
          {"type":"message","role":"assistant","content":[{"type":"refusal","refusal":"No."}]},
          {"role":"user","content":"please"}]}""");
    assertEquals(tree("{\"role\":\"assistant\",\"refusal\":\"No.\"}"), c.path("messages").get(1));
  }

  @Test
  void functionCallsOfOneTurnAreOneAssistantMessageAndTheirOutputsToolMessages() {
    JsonNode c = chat("""
        {"input":[
          {"role":"user","content":"Weather in Paris and Rome?"},
          {"type":"function_call","id":"fc_1","call_id":"call_a","name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"},
          {"type":"function_call","id":"fc_2","call_id":"call_b","name":"weather","arguments":"{\\"city\\":\\"Rome\\"}"},
          {"type":"function_call_output","call_id":"call_a","output":"18C"},
          {"type":"function_call_output","call_id":"call_b","output":[{"type":"input_text","text":"21C"}]}
        ]}""");
    assertEquals(tree("""
        [{"role":"user","content":"Weather in Paris and Rome?"},
         {"role":"assistant","tool_calls":[
           {"id":"call_a","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
           {"id":"call_b","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
         {"role":"tool","content":"18C","tool_call_id":"call_a"},
         {"role":"tool","content":[{"type":"text","text":"21C"}],"tool_call_id":"call_b"}]"""), c.get("messages"));
  }

  @Test
  void aReasoningItemIsSentBackAsReasoningDetailsWithItsSignatureAndEncryptedContent() {
    JsonNode c = chat("""
        {"input":[
          {"role":"user","content":"2+2?"},
          {"type":"reasoning","id":"rs_1","format":"anthropic-claude-v1","summary":[{"type":"summary_text","text":"Adding."}],
           "content":[{"type":"reasoning_text","text":"2 and 2 make 4."}],"signature":"sig=="},
          {"type":"reasoning","id":"rs_2","summary":[],"encrypted_content":"gAAAA"},
          {"type":"message","role":"assistant","content":[{"type":"output_text","text":"4"}]},
          {"role":"user","content":"and 3+3?"}
        ]}""");
    assertEquals(tree("""
        {"role":"assistant","content":"4","reasoning_details":[
          {"type":"reasoning.summary","id":"rs_1","format":"anthropic-claude-v1","index":0,"summary":"Adding."},
          {"type":"reasoning.text","id":"rs_1","format":"anthropic-claude-v1","index":1,"text":"2 and 2 make 4.","signature":"sig=="},
          {"type":"reasoning.encrypted","id":"rs_2","index":2,"data":"gAAAA"}]}"""), c.path("messages").get(1));
    assertEquals(3, c.path("messages").size());
  }

  @Test
  void aFunctionCallingRoundTripSendsTheResponsesOutputBackAsOneAssistantTurn() {
    Response first = Response.builder().id("gen-1").status("completed").output(
        new OutputItem.Reasoning("rs_1", List.of(), List.of(ReasoningPart.reasoningText("Need the weather.")), null, "sig", "anthropic-claude-v1", "completed", null),
        OutputItem.message("msg_1", "completed", "Checking."),
        OutputItem.functionCall("fc_1", "call_1", "weather", "{\"city\":\"Oslo\"}", "completed")).build();
    List<InputItem> input = new ArrayList<>();
    input.add(InputItem.user("Weather in Oslo?"));
    input.addAll(first.outputAsInput());
    input.add(InputItem.functionCallOutput("call_1", "{\"temp\":3}"));
    ChatRequest c = ResponsesTranslator.toChat(ResponsesRequest.builder().model("m").input(input).build());
    assertEquals(tree("""
        [{"role":"user","content":"Weather in Oslo?"},
         {"role":"assistant","content":"Checking.",
          "tool_calls":[{"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}],
          "reasoning_details":[{"type":"reasoning.text","id":"rs_1","format":"anthropic-claude-v1","index":0,"text":"Need the weather.","signature":"sig"}]},
         {"role":"tool","content":"{\\"temp\\":3}","tool_call_id":"call_1"}]"""), Json.mapper().valueToTree(c.messages()));
  }

  @Test
  void anAssistantMessageAfterAToolCallStartsANewTurn() {
    JsonNode c = chat("""
        {"input":[{"role":"user","content":"q"},
          {"type":"function_call","call_id":"c1","name":"f","arguments":"{}"},
          {"type":"message","role":"assistant","content":"after the call"}]}""");
    assertEquals(3, c.path("messages").size());
    assertEquals("after the call", c.path("messages").get(2).path("content").asText());
  }

  @Test
  void flatFunctionToolsAreWrappedAndToolChoiceAndParallelCallsCarryOver() {
    JsonNode c = chat("""
        {"input":"x","parallel_tool_calls":false,"tool_choice":{"type":"function","name":"weather"},
         "tools":[{"type":"function","name":"weather","description":"Get it","parameters":{"type":"object"},"strict":true},
                  {"type":"openrouter:web_search","parameters":{"max_results":3}},
                  {"type":"web_search_preview","search_context_size":"low"}]}""");
    assertEquals(tree("""
        [{"type":"function","function":{"name":"weather","description":"Get it","parameters":{"type":"object"},"strict":true}},
         {"type":"openrouter:web_search","parameters":{"max_results":3}},
         {"type":"web_search_preview","search_context_size":"low"}]"""), c.get("tools"));
    assertEquals(tree("{\"type\":\"function\",\"function\":{\"name\":\"weather\"}}"), c.get("tool_choice"));
    assertEquals(false, c.path("parallel_tool_calls").asBoolean(true));
    assertEquals("required", chat("{\"input\":\"x\",\"tool_choice\":\"required\"}").path("tool_choice").asText());
  }

  @Test
  void allowedToolsNarrowsTheToolListAndSetsTheMode() {
    JsonNode c = chat("""
        {"input":"x","tool_choice":{"type":"allowed_tools","mode":"required","tools":[{"type":"function","name":"b"}]},
         "tools":[{"type":"function","name":"a","parameters":null},{"type":"function","name":"b","parameters":null}]}""");
    assertEquals(1, c.path("tools").size());
    assertEquals("b", c.path("tools").get(0).path("function").path("name").asText());
    assertEquals("required", c.path("tool_choice").asText());
  }

  @Test
  void structuredOutputIsChatsNestedJsonSchemaAndVerbosityATopLevelKey() {
    JsonNode c = chat("""
        {"input":"x","text":{"verbosity":"low","format":{"type":"json_schema","name":"person","strict":true,
          "schema":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}}}}""");
    assertEquals(tree("""
        {"type":"json_schema","json_schema":{"name":"person","strict":true,
          "schema":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}}}"""), c.get("response_format"));
    assertEquals("low", c.path("verbosity").asText());
    assertEquals(tree("{\"type\":\"json_object\"}"), chat("{\"input\":\"x\",\"text\":{\"format\":{\"type\":\"json_object\"}}}").get("response_format"));
    assertNull(chat("{\"input\":\"x\",\"text\":{\"format\":{\"type\":\"text\"}}}").get("response_format"), "plain text is the default");
  }

  @Test
  void settingsCarryOverUnderTheirChatNames() {
    JsonNode c = chat("""
        {"input":"x","model":"a/b","models":["c/d"],"max_output_tokens":99,"temperature":0.5,"top_p":0.9,"top_k":40,
         "top_logprobs":3,"frequency_penalty":0.1,"presence_penalty":0.2,"metadata":{"k":"v"},"user":"u1",
         "session_id":"s1","safety_identifier":"safe1","prompt_cache_key":"pk","service_tier":"flex",
         "provider":{"order":["p1"]},"plugins":[{"id":"web"}],"modalities":["text","image"],"image_config":{"aspect_ratio":"1:1"},
         "reasoning":{"effort":"high","summary":"auto"},"store":true,"include":["reasoning.encrypted_content"],"x-simulate-tokens":"3"}""");
    assertEquals(99, c.path("max_completion_tokens").asInt());
    assertNull(c.get("max_tokens"));
    assertTrue(c.path("logprobs").asBoolean());
    assertEquals(3, c.path("top_logprobs").asInt());
    assertEquals(tree("{\"k\":\"v\"}"), c.get("metadata"));
    assertEquals(tree("[\"c/d\"]"), c.get("models"));
    assertEquals(tree("{\"effort\":\"high\",\"summary\":\"auto\"}"), c.get("reasoning"));
    assertEquals(tree("{\"order\":[\"p1\"]}"), c.get("provider"));
    assertEquals(tree("{\"aspect_ratio\":\"1:1\"}"), c.get("image_config"));
    assertEquals(tree("[\"text\",\"image\"]"), c.get("modalities"));
    for (String key : List.of("temperature", "top_p", "top_k", "frequency_penalty", "presence_penalty", "user", "session_id",
        "safety_identifier", "prompt_cache_key", "service_tier", "plugins")) {
      assertTrue(c.has(key), key + " is missing from " + c);
    }
    assertEquals("3", c.path("x-simulate-tokens").asText(), "unknown keys travel on, as for chat");
    for (String key : List.of("store", "include", "input", "instructions", "max_output_tokens", "text")) {
      assertNull(c.get(key), key + " is a Responses-only key");
    }
  }

  @Test
  void storeIsAcceptedWhateverItsValue() {
    assertEquals(1, chat("{\"input\":\"x\",\"store\":true}").path("messages").size());
    assertEquals(1, chat("{\"input\":\"x\",\"store\":false}").path("messages").size());
  }

  @Test
  void previousResponseIdIsRefusedUntilResponsesAreStored() {
    ApiError e = refused("{\"input\":\"x\",\"previous_response_id\":\"resp_1\"}");
    assertEquals(400, e.status());
    assertTrue(e.getMessage().startsWith("previous_response_id is not supported yet"), e.getMessage());
    assertEquals("previous_response_id", e.metadata().get("param"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"input\":[{\"type\":\"item_reference\",\"id\":\"msg_1\"}]} | input[0]",
        "{\"input\":[{\"role\":\"user\",\"content\":\"a\"},{\"type\":\"local_shell_call\",\"id\":\"x\"}]} | input[1].type",
        "{\"input\":[{\"type\":\"message\",\"role\":\"critic\",\"content\":\"a\"}]} | input[0].role",
        "{\"input\":[{\"type\":\"function_call\",\"name\":\"f\",\"arguments\":\"{}\"}]} | input[0].call_id",
        "{\"input\":[{\"type\":\"function_call_output\",\"output\":\"x\"}]} | input[0].call_id",
        "{\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_image\",\"detail\":\"auto\",\"file_id\":\"file_1\"}]}]} | input[0].content[0].image_url",
        "{\"input\":[{\"role\":\"system\",\"content\":[{\"type\":\"input_image\",\"detail\":\"auto\",\"image_url\":\"u\"}]}]} | input[0].content[0].type",
        "{\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_hologram\"}]}]} | input[0].content[0].type",
        "{\"model\":\"m\"} | input",
        "{\"input\":[]} | input",
        "{\"input\":\"x\",\"tools\":[{\"type\":\"file_search\",\"vector_store_ids\":[\"vs\"]}]} | tools[0].type",
        "{\"input\":\"x\",\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"n\"}}} | text.format.schema",
        "{\"input\":\"x\",\"text\":{\"format\":{\"type\":\"yaml\"}}} | text.format.type",
        "{\"input\":\"x\",\"background\":true} | background",
        "{\"input\":\"x\",\"prompt\":{\"id\":\"pmpt_1\"}} | prompt",
        "{\"input\":\"x\",\"conversation\":\"conv_1\"} | conversation",
      })
  void whatTheGatewayCannotServeIsA400NamingTheField(String json, String field) {
    ApiError e = refused(json);
    assertEquals(400, e.status());
    assertEquals(field, e.metadata().get("param"), e.getMessage());
  }
}
