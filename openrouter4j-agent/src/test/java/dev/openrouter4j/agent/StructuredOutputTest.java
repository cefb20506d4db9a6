package dev.openrouter4j.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ResponseFormat;
import dev.openrouter4j.api.responses.OutputContent;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.TextFormat;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StructuredOutputTest extends LoopbackTest {
  /** Any annotation named Nullable will do; this one stands for JSpecify's (a TYPE_USE annotation). */
  @Target(ElementType.TYPE_USE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface Nullable {}

  enum Status {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("on-leave") ON_LEAVE,
    RETIRED
  }

  record Address(String street, @JsonPropertyDescription("The city, in English") String city) {}

  @JsonClassDescription("A person on the staff")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Employee(
      String fullName,
      int age,
      Status status,
      List<String> skills,
      List<Address> addresses,
      Optional<String> nickname,
      @Nullable Address office,
      Optional<Status> previousStatus) {}

  record Scores(String player, Map<String, Integer> byRound) {}

  static final String ANN =
      "{\"full_name\":\"Ann Lee\",\"age\":41,\"status\":\"on-leave\",\"skills\":[\"java\",\"sql\"],"
          + "\"addresses\":[{\"street\":\"1 Main St\",\"city\":\"Porto\"}],\"nickname\":null,\"office\":null,"
          + "\"previous_status\":\"active\"}";

  @Test
  void theSchemaOfANestedRecordIsStrictModeShaped() {
    JsonNode expected = Turns.tree("""
        {
          "$defs": {
            "Address": {
              "type": "object",
              "properties": {
                "street": {"type": "string"},
                "city": {"type": "string", "description": "The city, in English"}
              },
              "required": ["street", "city"],
              "additionalProperties": false
            }
          },
          "type": "object",
          "description": "A person on the staff",
          "properties": {
            "full_name": {"type": "string"},
            "age": {"type": "integer"},
            "status": {"type": "string", "enum": ["active", "on-leave", "RETIRED"]},
            "skills": {"type": "array", "items": {"type": "string"}},
            "addresses": {"type": "array", "items": {"$ref": "#/$defs/Address"}},
            "nickname": {"type": ["string", "null"]},
            "office": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/Address"}]},
            "previous_status": {"anyOf": [{"type": "null"}, {"type": "string", "enum": ["active", "on-leave", "RETIRED"]}]}
          },
          "required": ["full_name", "age", "status", "skills", "addresses", "nickname", "office", "previous_status"],
          "additionalProperties": false
        }""");
    assertEquals(expected, Turns.tree(Turns.write(StructuredOutput.schemaFor(Employee.class))));
  }

  @Test
  void propertiesKeepTheirDeclarationOrder() {
    assertEquals(List.of("full_name", "age", "status", "skills", "addresses", "nickname", "office", "previous_status"),
        List.copyOf(((Map<?, ?>) StructuredOutput.schemaFor(Employee.class).get("properties")).keySet()));
  }

  @Test
  void formatsAreStrictJsonSchemasNamedAfterTheType() {
    TextFormat.JsonSchema text = StructuredOutput.textFormat(Employee.class);
    assertEquals("Employee", text.name());
    assertEquals(Boolean.TRUE, text.strict());
    assertEquals(StructuredOutput.schemaFor(Employee.class), text.schema());

    ResponseFormat.JsonSchema chat = StructuredOutput.responseFormat(Employee.class);
    assertEquals("Employee", chat.jsonSchema().name());
    assertEquals(Boolean.TRUE, chat.jsonSchema().strict());
    assertEquals(Turns.tree("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"Employee\",\"schema\":"
        + Turns.write(StructuredOutput.schemaFor(Employee.class)) + ",\"strict\":true}}"), Turns.tree(Turns.write(chat)));
  }

  @Test
  void aTypeWithAMapIsNotSentAsStrict() {
    assertFalse(StructuredOutput.strictCompatible(Scores.class));
    assertNull(StructuredOutput.textFormat(Scores.class).strict());
    assertNull(StructuredOutput.responseFormat(Scores.class).jsonSchema().strict());
    assertEquals(Map.of("type", "integer"),
        ((Map<?, ?>) ((Map<?, ?>) StructuredOutput.schemaFor(Scores.class).get("properties")).get("byRound")).get("additionalProperties"));
  }

  @Test
  void parseReadsTheRecord() {
    Employee ann = StructuredOutput.parse(ANN, Employee.class);
    assertEquals("Ann Lee", ann.fullName());
    assertEquals(Status.ON_LEAVE, ann.status());
    assertEquals(List.of(new Address("1 Main St", "Porto")), ann.addresses());
    assertEquals(Optional.empty(), ann.nickname());
    assertNull(ann.office());
    assertEquals(Optional.of(Status.ACTIVE), ann.previousStatus());
  }

  @Test
  void nullablePropertiesMayBeLeftOut() {
    Employee ann = StructuredOutput.parse(
        "{\"full_name\":\"Ann\",\"age\":41,\"status\":\"RETIRED\",\"skills\":[],\"addresses\":[]}", Employee.class);
    assertEquals(Optional.empty(), ann.nickname());
    assertEquals(Optional.empty(), ann.previousStatus());
    assertNull(ann.office());
  }

  @Test
  void aReplyInACodeFenceIsUnwrapped() {
    assertEquals("Ann Lee", StructuredOutput.parse("```json\n" + ANN + "\n```", Employee.class).fullName());
  }

  @Test
  void aMismatchSaysWhatDidNotMatchAndKeepsTheText() {
    String bad = "{\"full_name\":\"Ann\",\"age\":\"forty\",\"status\":\"active\",\"skills\":[\"java\",null],"
        + "\"addresses\":[{\"street\":\"1 Main St\"}],\"extra\":1}";
    StructuredOutputException e = assertThrows(StructuredOutputException.class, () -> StructuredOutput.parse(bad, Employee.class));
    assertEquals("the model's output does not match Employee: $: unknown property 'extra' (expected full_name, age, status, "
        + "skills, addresses, nickname, office, previous_status); $.skills[1]: must not be null; "
        + "$.addresses[0]: missing required property 'city'", e.getMessage());
    assertEquals(bad, e.rawText());
    assertEquals(Employee.class, e.type());
  }

  @Test
  void aWrongTypeIsReportedWithItsPath() {
    String bad = ANN.replace("41", "\"forty\"");
    StructuredOutputException e = assertThrows(StructuredOutputException.class, () -> StructuredOutput.parse(bad, Employee.class));
    assertTrue(e.getMessage().startsWith("the model's output does not match Employee: $.age: Cannot deserialize value of type `int`"), e.getMessage());
    String badEnum = ANN.replace("on-leave", "sabbatical");
    e = assertThrows(StructuredOutputException.class, () -> StructuredOutput.parse(badEnum, Employee.class));
    assertTrue(e.getMessage().contains("$.status: "), e.getMessage());
    assertTrue(e.getMessage().contains("sabbatical"), e.getMessage());
  }

  @Test
  void textThatIsNotJsonSaysSo() {
    StructuredOutputException e = assertThrows(StructuredOutputException.class, () -> StructuredOutput.parse("Sure! Here it is.", Employee.class));
    assertTrue(e.getMessage().startsWith("the model's output does not match Employee: not valid JSON: "), e.getMessage());
    e = assertThrows(StructuredOutputException.class, () -> StructuredOutput.parse("  ", Employee.class));
    assertEquals("the model returned no text to read as Employee", e.getMessage());
  }

  @Test
  void aRefusalOrACutShortResponseIsNamedInTheException() {
    Response refused = Response.builder().status(Response.COMPLETED).output(new OutputItem.Message(
        "m1", "assistant", List.of(OutputContent.refusal("I can't help with that.")), Response.COMPLETED, null, null)).build();
    StructuredOutputException e = assertThrows(StructuredOutputException.class, () -> StructuredOutput.parse(refused, Employee.class));
    assertEquals("the model refused: I can't help with that.", e.getMessage());

    Response cut = Turns.response(Turns.message(ANN.substring(0, 40))).toBuilder()
        .status(Response.INCOMPLETE).incompleteDetails(Response.IncompleteDetails.of("max_output_tokens")).build();
    e = assertThrows(StructuredOutputException.class, () -> StructuredOutput.parse(cut, Employee.class));
    assertTrue(e.getMessage().endsWith("(the output was cut short: max_output_tokens)"), e.getMessage());
    assertEquals(ANN.substring(0, 40), e.rawText());
  }

  @Test
  void sendOverResponsesSetsTheFormatAndReadsTheReply() throws Exception {
    server.enqueue(Turns.json(Turns.response(Turns.message(ANN))));

    Employee ann = StructuredOutput.send(client,
        ResponsesRequest.builder().model("openai/gpt-4o").input("Who is Ann?").textFormat(TextFormat.text()).build(), Employee.class);

    assertEquals("Ann Lee", ann.fullName());
    JsonNode format = nextRequest().path("text").path("format");
    assertEquals("json_schema", format.path("type").asText());
    assertEquals("Employee", format.path("name").asText());
    assertTrue(format.path("strict").asBoolean());
    assertEquals(Turns.tree(Turns.write(StructuredOutput.schemaFor(Employee.class))), format.path("schema"));
  }

  @Test
  void sendOverChatSetsTheResponseFormatAndReadsTheFirstChoice() throws Exception {
    String content = Turns.write(ANN);
    server.enqueue(MockServer.Reply.json(200, "{\"id\":\"gen-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":" + content + "}}]}"));

    Employee ann = StructuredOutput.send(client,
        ChatRequest.builder().model("openai/gpt-4o").messages(ChatMessage.user("Who is Ann?")).build(), Employee.class);

    assertEquals(41, ann.age());
    MockServer.Recorded r = server.takeRequest();
    assertEquals("/api/v1/chat/completions", r.path());
    JsonNode format = Turns.tree(r.body()).path("response_format");
    assertEquals("json_schema", format.path("type").asText());
    assertEquals("Employee", format.path("json_schema").path("name").asText());
    assertTrue(format.path("json_schema").path("strict").asBoolean());
  }

  @Test
  void aChatReplyCutShortByLengthSaysSo() {
    server.enqueue(MockServer.Reply.json(200, "{\"id\":\"gen-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"finish_reason\":\"length\",\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"full_name\\\":\"}}]}"));
    StructuredOutputException e = assertThrows(StructuredOutputException.class, () -> StructuredOutput.send(client,
        ChatRequest.builder().model("m").messages(ChatMessage.user("?")).build(), Employee.class));
    assertTrue(e.getMessage().endsWith("(the output was cut short: length)"), e.getMessage());
    assertInstanceOf(dev.openrouter4j.errors.OpenRouterException.class, e);
  }
}
