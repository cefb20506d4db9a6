package dev.openrouter4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openrouter4j.api.RequestLimits.Api;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {
  static final String MSG = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

  static Optional<RequestLimits.Violation> chat(String fields) throws Exception {
    JsonNode body = Json.mapper().readTree("{" + MSG + (fields.isEmpty() ? "" : "," + fields) + "}");
    return RequestLimits.check(body, Api.CHAT);
  }

  @Test
  void aPlainChatRequestPasses() throws Exception {
    assertEquals(Optional.empty(), chat("\"temperature\":0.7,\"max_tokens\":150,\"stop\":[\"a\",\"b\",\"c\",\"d\"]"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"temperature\":2.5 | temperature",
        "\"temperature\":-0.1 | temperature",
        "\"temperature\":\"hot\" | temperature",
        "\"top_p\":1.5 | top_p",
        "\"frequency_penalty\":-3 | frequency_penalty",
        "\"presence_penalty\":2.01 | presence_penalty",
        "\"top_logprobs\":21 | top_logprobs",
        "\"stop\":[\"1\",\"2\",\"3\",\"4\",\"5\"] | stop",
        "\"stop\":7 | stop",
        "\"session_id\":\"" + "x" + "\" | none",
        "\"provider\":{\"orderr\":[\"a\"]} | provider.orderr",
        "\"provider\":{\"only\":\"openai\"} | provider.only",
        "\"plugins\":[{\"enabled\":true}] | plugins[0].id",
        "\"models\":[1] | models[0]",
        "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"has space\"}}] | tools[0].function.name",
        "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"" + "ok_name" + "\"}} | none",
        "\"metadata\":{\"a[0]\":\"v\"} | metadata",
        "\"metadata\":{\"n\":5} | metadata.n",
      })
  void eachBrokenLimitNamesItsField(String fields, String field) throws Exception {
    assertViolation(chat(fields), field, fields);
  }

  /** {@code v} names {@code field}, or is empty when {@code field} is "none". */
  static void assertViolation(Optional<RequestLimits.Violation> v, String field, String input) {
    if (field.equals("none")) {
      assertEquals(Optional.empty(), v);
    } else {
      assertTrue(v.isPresent(), "expected a violation for " + input);
      assertEquals(field, v.get().field(), v.get().toString());
    }
  }

  @Test
  void metadataLimitsAreSixteenPairsSixtyFourCharKeysAndFiveHundredTwelveCharValues() throws Exception {
    StringBuilder sixteen = new StringBuilder();
    for (int i = 0; i < 16; i++) sixteen.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    assertEquals(Optional.empty(), chat("\"metadata\":{" + sixteen + "}"));
    assertEquals("metadata", chat("\"metadata\":{" + sixteen + ",\"k16\":\"v\"}").orElseThrow().field());
    assertEquals(Optional.empty(), chat("\"metadata\":{\"" + "k".repeat(64) + "\":\"" + "v".repeat(512) + "\"}"));
    assertEquals("metadata", chat("\"metadata\":{\"" + "k".repeat(65) + "\":\"v\"}").orElseThrow().field());
    assertEquals("metadata.k", chat("\"metadata\":{\"k\":\"" + "v".repeat(513) + "\"}").orElseThrow().field());
  }

  @Test
  void messagesAreRequiredNonEmptyAndEachHasARole() throws Exception {
    assertEquals("messages", RequestLimits.check(Json.mapper().readTree("{}"), Api.CHAT).orElseThrow().field());
    assertEquals("messages", RequestLimits.check(Json.mapper().readTree("{\"messages\":[]}"), Api.CHAT).orElseThrow().field());
    assertEquals(
        "messages[1].role",
        RequestLimits.check(Json.mapper().readTree("{\"messages\":[{\"role\":\"user\"},{\"content\":\"x\"}]}"), Api.CHAT)
            .orElseThrow()
            .field());
  }

  @Test
  void responsesChecksUserLengthInputShapeAndFlatToolNames() throws Exception {
    assertEquals(Optional.empty(), RequestLimits.check(Json.mapper().readTree("{\"input\":\"hi\"}"), Api.RESPONSES));
    assertEquals("user", RequestLimits.check(Json.mapper().readTree("{\"user\":\"" + "u".repeat(257) + "\"}"), Api.RESPONSES).orElseThrow().field());
    assertEquals("input", RequestLimits.check(Json.mapper().readTree("{\"input\":5}"), Api.RESPONSES).orElseThrow().field());
    assertEquals(
        "tools[0].name",
        RequestLimits.check(Json.mapper().readTree("{\"tools\":[{\"type\":\"function\",\"name\":\"a.b\"}]}"), Api.RESPONSES)
            .orElseThrow()
            .field());
    assertEquals(
        "text.format.name",
        RequestLimits.check(Json.mapper().readTree("{\"text\":{\"format\":{\"type\":\"json_schema\",\"schema\":{}}}}"), Api.RESPONSES)
            .orElseThrow()
            .field());
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefused() throws Exception {
    assertEquals("body", RequestLimits.check(Json.mapper().readTree("[1]"), Api.CHAT).orElseThrow().field());
  }

  static Optional<RequestLimits.Violation> embeddings(String body) throws Exception {
    return RequestLimits.check(Json.mapper().readTree(body), Api.EMBEDDINGS);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"model\":\"m\",\"input\":\"hello\"} | none",
        "{\"model\":\"m\",\"input\":[\"a\",\"b\"],\"dimensions\":256,\"encoding_format\":\"base64\"} | none",
        "{\"model\":\"m\",\"input\":[1,2,3]} | none",
        "{\"model\":\"m\",\"input\":[[1,2],[3]]} | none",
        "{\"model\":\"m\",\"input\":[{\"content\":[{\"type\":\"text\",\"text\":\"a\"}]}]} | none",
        "{\"input\":\"hello\"} | model",
        "{\"model\":\" \",\"input\":\"hello\"} | model",
        "{\"model\":\"m\"} | input",
        "{\"model\":\"m\",\"input\":\"\"} | input",
        "{\"model\":\"m\",\"input\":[]} | input",
        "{\"model\":\"m\",\"input\":{\"text\":\"a\"}} | input",
        "{\"model\":\"m\",\"input\":[\"a\",\"\"]} | input[1]",
        "{\"model\":\"m\",\"input\":[\"a\",1]} | input[1]",
        "{\"model\":\"m\",\"input\":[1.5]} | input[0]",
        "{\"model\":\"m\",\"input\":[[1],[]]} | input[1]",
        "{\"model\":\"m\",\"input\":[[1,\"x\"]]} | input[0]",
        "{\"model\":\"m\",\"input\":[{\"content\":[]}]} | input[0].content",
        "{\"model\":\"m\",\"input\":[{\"content\":[{\"text\":\"a\"}]}]} | input[0].content[0].type",
        "{\"model\":\"m\",\"input\":[true]} | input[0]",
        "{\"model\":\"m\",\"input\":\"a\",\"dimensions\":0} | dimensions",
        "{\"model\":\"m\",\"input\":\"a\",\"dimensions\":1.5} | dimensions",
        "{\"model\":\"m\",\"input\":\"a\",\"encoding_format\":\"int8\"} | encoding_format",
        "{\"model\":\"m\",\"input\":\"a\",\"provider\":{\"orderr\":[]}} | provider.orderr",
        "{\"model\":\"m\",\"input\":\"a\",\"temperature\":9} | none",
      })
  void embeddingsRequestsFollowTheSchemasShapes(String body, String field) throws Exception {
    assertViolation(embeddings(body), field, body);
  }
}
