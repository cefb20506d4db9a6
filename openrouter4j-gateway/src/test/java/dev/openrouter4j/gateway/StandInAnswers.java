package dev.openrouter4j.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.gateway.provider.anthropic.AnthropicRequestTranslator;
import dev.openrouter4j.gateway.StandInUpstream.Recorded;
import dev.openrouter4j.gateway.StandInUpstream.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the stand-in upstreams of {@link OfficialClientsTest} answer: one turn of a small weather
 * conversation, chosen from the request the gateway sent, in the upstream's own wire format (OpenAI
 * chat completions or Anthropic messages), streamed or whole as the gateway asked.
 *
 * <ul>
 *   <li>the last message is a tool result: text that repeats it, naming the city from the call it
 *       answers (so a reply proves the call and its output reached the upstream paired); a result
 *       for a call the conversation does not contain is a 400, as the real APIs answer;
 *   <li>otherwise, with tools: a call of {@code get_weather} for {@link #CITY};
 *   <li>otherwise, asked for JSON (OpenAI: a {@code json_schema} response format; Anthropic: the
 *       gateway's forced structured-output tool, called with it as input, or "JSON" in the prompt):
 *       {@link #JSON_TEXT};
 *   <li>otherwise {@link #TEXT}; with {@link #FAIL_MID_STREAM} in the prompt, streamed, its first
 *       {@link #PIECES_BEFORE_FAILURE} words and then a failure (OpenAI: the connection cut;
 *       Anthropic: its {@code overloaded_error} event), not streamed, an error status.
 * </ul>
 *
 * Asked to reason (OpenAI: {@code reasoning_effort}; Anthropic: {@code thinking}), the answer
 * starts with {@link #THINKING}: OpenAI-compatible upstreams as {@code reasoning} deltas (as
 * OpenRouter and DeepSeek-style upstreams send it) with {@code reasoning_tokens} in the usage,
 * Anthropic as a thinking block signed {@link #SIGNATURE}. Like Anthropic, the Anthropic stand-in
 * then refuses (400) a tool result whose call is not preceded by that thinking block, signature
 * and all.
 *
 * <p>Texts are streamed a word per delta, arguments five characters per delta; every answer reports
 * {@link #INPUT_TOKENS} prompt tokens and one completion token per delta, and a text stops at the
 * request's token limit ({@code max_completion_tokens}, {@code max_tokens}) with the upstream's
 * "length" reason. The Node scripts hold the same constants (common.mjs).
 */
final class StandInAnswers {
  static final String TEXT = "The sea breathes slowly, and the salt wind folds the evening light.";
  static final String CITY = "Paris";
  static final String JSON_TEXT = "{\"city\":\"Paris\",\"temperature\":21,\"conditions\":\"sunny\"}";
  static final String OPENAI_CALL_ID = "call_standin0001";
  static final String ANTHROPIC_CALL_ID = "toolu_standin0001";
  static final int INPUT_TOKENS = 42;
  static final String FAIL_MID_STREAM = "[fail mid-stream]";
  static final int PIECES_BEFORE_FAILURE = 3;
  static final String THINKING = "The user wants the weather, so I should call the tool and report what it says.";
  static final String SIGNATURE = "EqQBCkYIBxgCKkBstandinsignatureAAAA==";

  private StandInAnswers() {}

  sealed interface Turn permits Text, Call, Failure {}

  record Text(String text) implements Turn {}

  /** Text that breaks off after {@link #PIECES_BEFORE_FAILURE} pieces. */
  record Failure(String text) implements Turn {}

  record Call(String id, String name, String arguments) implements Turn {}

  /** The sentence answering a tool result: what the Node scripts expect back. */
  static String weatherSentence(String city, String toolOutput) {
    return "The weather in " + city + ": " + toolOutput;
  }

  /** Pieces a text is streamed in: words with their trailing space; arguments in short runs. */
  static List<String> pieces(String text, int size) {
    List<String> out = new ArrayList<>();
    if (size > 0) {
      for (int i = 0; i < text.length(); i += size) out.add(text.substring(i, Math.min(text.length(), i + size)));
      return out;
    }
    for (String word : text.split("(?<= )")) out.add(word);
    return out;
  }

  // ---- OpenAI chat completions ----

  static Reply openAi(Recorded recorded) {
    JsonNode body = read(recorded.body());
    JsonNode messages = body.path("messages");
    JsonNode last = messages.path(messages.size() - 1);
    Turn turn;
    if (last.path("role").asText().equals("tool")) {
      String callId = last.path("tool_call_id").asText();
      JsonNode call = null;
      for (JsonNode m : messages) {
        for (JsonNode c : m.path("tool_calls")) if (c.path("id").asText().equals(callId)) call = c;
      }
      if (call == null) return Reply.json(400, "{\"error\":{\"message\":\"Invalid parameter: 'tool_call_id' " + callId
          + " does not answer a tool call\",\"type\":\"invalid_request_error\",\"code\":null}}");
      String city = read(call.path("function").path("arguments").asText()).path("city").asText();
      turn = new Text(weatherSentence(city, textOf(last.path("content"), "text")));
    } else if (body.path("tools").size() > 0) {
      turn = new Call(OPENAI_CALL_ID, "get_weather", "{\"city\":\"" + CITY + "\"}");
    } else if (body.path("response_format").path("type").asText().equals("json_schema")) {
      turn = new Text(JSON_TEXT);
    } else if (textOf(last.path("content"), "text").contains(FAIL_MID_STREAM)) {
      turn = new Failure(TEXT);
    } else {
      turn = new Text(TEXT);
    }
    String model = body.path("model").asText();
    Integer limit = body.has("max_completion_tokens") ? Integer.valueOf(body.path("max_completion_tokens").asInt())
        : body.has("max_tokens") ? Integer.valueOf(body.path("max_tokens").asInt()) : null;
    boolean stream = body.path("stream").asBoolean();
    if (turn instanceof Failure && !stream) {
      return Reply.json(500, "{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}");
    }
    String thinking = body.has("reasoning_effort") ? THINKING : null;
    Reply reply = stream ? Reply.sse(openAiStream(model, turn, limit, thinking).toArray(String[]::new))
        : Reply.json(200, openAiCompletion(model, turn, limit, thinking));
    return turn instanceof Failure ? reply.thenCut() : reply;
  }

  /** A text's pieces up to the token limit, and whether the limit cut it. */
  record Pieces(List<String> pieces, boolean cut) {
    static Pieces of(String text, Integer limit) {
      List<String> all = StandInAnswers.pieces(text, 0);
      if (limit == null || all.size() <= limit) return new Pieces(all, false);
      return new Pieces(all.subList(0, limit), true);
    }
  }

  private static List<String> openAiStream(String model, Turn turn, Integer limit, String thinking) {
    List<String> events = new ArrayList<>();
    List<String> reasoning = thinking == null ? List.of() : pieces(thinking, 0);
    for (String p : reasoning) events.add(chunk(model, Json.mapper().createObjectNode().put("role", "assistant").put("reasoning", p), null));
    List<String> pieces;
    String finish;
    if (turn instanceof Call c) {
      ObjectNode delta = Json.mapper().createObjectNode().put("role", "assistant").putNull("content");
      delta.putArray("tool_calls").addObject().put("index", 0).put("id", c.id()).put("type", "function")
          .putObject("function").put("name", c.name()).put("arguments", "");
      events.add(chunk(model, delta, null));
      pieces = pieces(c.arguments(), 5);
      for (String p : pieces) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", p);
        events.add(chunk(model, d, null));
      }
      finish = "tool_calls";
    } else if (turn instanceof Failure f) {
      events.add(chunk(model, Json.mapper().createObjectNode().put("role", "assistant").put("content", ""), null));
      for (String p : pieces(f.text(), 0).subList(0, PIECES_BEFORE_FAILURE)) {
        events.add(chunk(model, Json.mapper().createObjectNode().put("content", p), null));
      }
      return events; // and the connection is cut
    } else {
      Text t = (Text) turn;
      events.add(chunk(model, Json.mapper().createObjectNode().put("role", "assistant").put("content", ""), null));
      Pieces text = Pieces.of(t.text(), limit);
      pieces = text.pieces();
      for (String p : pieces) events.add(chunk(model, Json.mapper().createObjectNode().put("content", p), null));
      finish = text.cut() ? "length" : "stop";
    }
    events.add(chunk(model, Json.mapper().createObjectNode(), finish));
    ObjectNode usage = chunkBase(model);
    usage.putArray("choices");
    usage.set("usage", openAiUsage(pieces.size(), reasoning.size()));
    events.add("data: " + usage + "\n\n");
    events.add("data: [DONE]\n\n");
    return events;
  }

  private static ObjectNode chunkBase(String model) {
    return Json.mapper().createObjectNode().put("id", "chatcmpl-standin").put("object", "chat.completion.chunk")
        .put("created", 1782955817).put("model", model);
  }

  private static String chunk(String model, ObjectNode delta, String finish) {
    ObjectNode chunk = chunkBase(model);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finish == null) choice.putNull("finish_reason");
    else choice.put("finish_reason", finish);
    return "data: " + chunk + "\n\n";
  }

  private static ObjectNode openAiUsage(int answerTokens, int reasoningTokens) {
    int completionTokens = answerTokens + reasoningTokens;
    ObjectNode usage = Json.mapper().createObjectNode().put("prompt_tokens", INPUT_TOKENS).put("completion_tokens", completionTokens)
        .put("total_tokens", INPUT_TOKENS + completionTokens);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoningTokens);
    return usage;
  }

  private static String openAiCompletion(String model, Turn turn, Integer limit, String thinking) {
    ObjectNode json = Json.mapper().createObjectNode().put("id", "chatcmpl-standin").put("object", "chat.completion")
        .put("created", 1782955817).put("model", model);
    ObjectNode choice = json.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    int tokens;
    if (turn instanceof Call c) {
      message.putNull("content");
      message.putArray("tool_calls").addObject().put("id", c.id()).put("type", "function")
          .putObject("function").put("name", c.name()).put("arguments", c.arguments());
      choice.put("finish_reason", "tool_calls");
      tokens = pieces(c.arguments(), 5).size();
    } else {
      Pieces text = Pieces.of(((Text) turn).text(), limit);
      message.put("content", String.join("", text.pieces())).putNull("refusal");
      choice.put("finish_reason", text.cut() ? "length" : "stop");
      tokens = text.pieces().size();
    }
    choice.putNull("logprobs");
    if (thinking != null) message.put("reasoning", thinking);
    json.set("usage", openAiUsage(tokens, thinking == null ? 0 : pieces(thinking, 0).size()));
    return json.toString();
  }

  // ---- Anthropic messages ----

  static Reply anthropic(Recorded recorded) {
    JsonNode body = read(recorded.body());
    JsonNode messages = body.path("messages");
    JsonNode last = messages.path(messages.size() - 1);
    JsonNode result = null;
    for (JsonNode block : last.path("content")) if (block.path("type").asText().equals("tool_result")) result = block;
    Turn turn;
    if (result != null) {
      String callId = result.path("tool_use_id").asText();
      JsonNode call = null;
      for (JsonNode m : messages) {
        for (JsonNode b : m.path("content")) if (b.path("type").asText().equals("tool_use") && b.path("id").asText().equals(callId)) call = b;
      }
      if (call == null) return Reply.json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
          + "\"messages: unexpected `tool_use_id` found in `tool_result` blocks: " + callId + "\"}}");
      if (thinkingOn(body) && !startsWithOurThinking(messages, callId)) {
        return Reply.json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
            + "\"messages: When thinking is enabled, an assistant message with tool_use must start with its thinking block, signature included\"}}");
      }
      turn = new Text(weatherSentence(call.path("input").path("city").asText(), textOf(result.path("content"), "text")));
    } else if (body.path("tool_choice").path("name").asText().equals(AnthropicRequestTranslator.STRUCTURED_OUTPUT_TOOL)) {
      // the gateway's structured output: Anthropic calls the forced tool, the JSON being its input
      turn = new Call(ANTHROPIC_CALL_ID, AnthropicRequestTranslator.STRUCTURED_OUTPUT_TOOL, JSON_TEXT);
    } else if (body.path("tools").size() > 0) {
      turn = new Call(ANTHROPIC_CALL_ID, "get_weather", "{\"city\":\"" + CITY + "\"}");
    } else if (textOf(last.path("content"), "text").contains("JSON")) {
      turn = new Text(JSON_TEXT);
    } else if (textOf(last.path("content"), "text").contains(FAIL_MID_STREAM)) {
      turn = new Failure(TEXT);
    } else {
      turn = new Text(TEXT);
    }
    String model = body.path("model").asText();
    int limit = body.path("max_tokens").asInt();
    boolean stream = body.path("stream").asBoolean();
    String thinking = thinkingOn(body) ? THINKING : null;
    if (turn instanceof Failure && !stream) return Reply.json(529, OVERLOADED);
    return stream ? Reply.sse(anthropicStream(model, turn, limit, thinking).toArray(String[]::new))
        : Reply.json(200, anthropicMessage(model, turn, limit, thinking));
  }

  private static boolean thinkingOn(JsonNode body) {
    return body.path("thinking").path("type").asText().equals("enabled");
  }

  /** Whether the assistant message holding call {@code callId} starts with the thinking block this stand-in signed. */
  private static boolean startsWithOurThinking(JsonNode messages, String callId) {
    for (JsonNode m : messages) {
      boolean holdsCall = false;
      for (JsonNode b : m.path("content")) holdsCall |= b.path("type").asText().equals("tool_use") && b.path("id").asText().equals(callId);
      if (!holdsCall) continue;
      JsonNode first = m.path("content").path(0);
      return first.path("type").asText().equals("thinking") && first.path("signature").asText().equals(SIGNATURE)
          && first.path("thinking").asText().equals(THINKING);
    }
    return false;
  }

  private static final String OVERLOADED = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";

  private static List<String> anthropicStream(String model, Turn turn, int limit, String thinking) {
    List<String> events = new ArrayList<>();
    ObjectNode start = Json.mapper().createObjectNode().put("type", "message_start");
    ObjectNode message = anthropicMessageBase(model);
    message.putArray("content");
    message.putNull("stop_reason");
    message.putNull("stop_sequence");
    message.putObject("usage").put("input_tokens", INPUT_TOKENS).put("output_tokens", 1);
    start.set("message", message);
    events.add(event("message_start", start));
    int index = 0;
    int thinkingTokens = 0;
    if (thinking != null) {
      ObjectNode thinkingStart = Json.mapper().createObjectNode().put("type", "content_block_start").put("index", 0);
      thinkingStart.putObject("content_block").put("type", "thinking").put("thinking", "").put("signature", "");
      events.add(event("content_block_start", thinkingStart));
      for (String p : pieces(thinking, 0)) {
        ObjectNode delta = Json.mapper().createObjectNode().put("type", "content_block_delta").put("index", 0);
        delta.putObject("delta").put("type", "thinking_delta").put("thinking", p);
        events.add(event("content_block_delta", delta));
        thinkingTokens++;
      }
      ObjectNode signature = Json.mapper().createObjectNode().put("type", "content_block_delta").put("index", 0);
      signature.putObject("delta").put("type", "signature_delta").put("signature", SIGNATURE);
      events.add(event("content_block_delta", signature));
      events.add(event("content_block_stop", Json.mapper().createObjectNode().put("type", "content_block_stop").put("index", 0)));
      index = 1;
    }
    ObjectNode blockStart = Json.mapper().createObjectNode().put("type", "content_block_start").put("index", index);
    List<String> pieces;
    String deltaType;
    String deltaKey;
    String stop;
    if (turn instanceof Call c) {
      blockStart.putObject("content_block").put("type", "tool_use").put("id", c.id()).put("name", c.name()).putObject("input");
      pieces = pieces(c.arguments(), 5);
      deltaType = "input_json_delta";
      deltaKey = "partial_json";
      stop = "tool_use";
    } else if (turn instanceof Failure f) {
      blockStart.putObject("content_block").put("type", "text").put("text", "");
      pieces = pieces(f.text(), 0).subList(0, PIECES_BEFORE_FAILURE);
      deltaType = "text_delta";
      deltaKey = "text";
      stop = null;
    } else {
      blockStart.putObject("content_block").put("type", "text").put("text", "");
      Pieces text = Pieces.of(((Text) turn).text(), limit);
      pieces = text.pieces();
      deltaType = "text_delta";
      deltaKey = "text";
      stop = text.cut() ? "max_tokens" : "end_turn";
    }
    events.add(event("content_block_start", blockStart));
    events.add("event: ping\ndata: {\"type\": \"ping\"}\n\n");
    for (String p : pieces) {
      ObjectNode delta = Json.mapper().createObjectNode().put("type", "content_block_delta").put("index", index);
      delta.putObject("delta").put("type", deltaType).put(deltaKey, p);
      events.add(event("content_block_delta", delta));
    }
    if (stop == null) { // the failure as Anthropic streams it
      events.add(event("error", read(OVERLOADED)));
      return events;
    }
    events.add(event("content_block_stop", Json.mapper().createObjectNode().put("type", "content_block_stop").put("index", index)));
    ObjectNode messageDelta = Json.mapper().createObjectNode().put("type", "message_delta");
    messageDelta.putObject("delta").put("stop_reason", stop).putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", thinkingTokens + pieces.size());
    events.add(event("message_delta", messageDelta));
    events.add(event("message_stop", Json.mapper().createObjectNode().put("type", "message_stop")));
    return events;
  }

  private static ObjectNode anthropicMessageBase(String model) {
    return Json.mapper().createObjectNode().put("id", "msg_standin0001").put("type", "message").put("role", "assistant").put("model", model);
  }

  private static String event(String name, JsonNode data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  private static String anthropicMessage(String model, Turn turn, int limit, String thinking) {
    ObjectNode json = anthropicMessageBase(model);
    ArrayNode content = json.putArray("content");
    int tokens;
    int thinkingTokens = 0;
    if (thinking != null) {
      content.addObject().put("type", "thinking").put("thinking", thinking).put("signature", SIGNATURE);
      thinkingTokens = pieces(thinking, 0).size();
    }
    if (turn instanceof Call c) {
      content.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name()).set("input", read(c.arguments()));
      json.put("stop_reason", "tool_use");
      tokens = pieces(c.arguments(), 5).size();
    } else {
      Pieces text = Pieces.of(((Text) turn).text(), limit);
      content.addObject().put("type", "text").put("text", String.join("", text.pieces()));
      json.put("stop_reason", text.cut() ? "max_tokens" : "end_turn");
      tokens = text.pieces().size();
    }
    json.putNull("stop_sequence");
    json.putObject("usage").put("input_tokens", INPUT_TOKENS).put("output_tokens", thinkingTokens + tokens);
    return json.toString();
  }

  // ---- the Responses API (OpenRouter's /responses) ----

  static final String RESPONSES_CALL_ID = "call_standin0002";
  /** The opaque reasoning the Responses stand-in returns, and requires back with its call (as OpenAI does). */
  static final String ENCRYPTED = "gAAAAABstandinencryptedreasoning==";
  /** What the Responses stand-in reports as its own cost: not what the gateway charges (its pricing does). */
  static final double UPSTREAM_COST = 0.5;

  /**
   * A Responses API upstream (what OpenRouter and OpenAI serve at {@code /responses}), answering the
   * same turns from the request's {@code input}: a {@code function_call_output} item is answered
   * with the sentence naming the city of the call it answers (a 400 when the input lacks that call,
   * as the real APIs answer); asked to reason ({@code reasoning}), the answer starts with a
   * reasoning item of {@link #THINKING} as {@code reasoning_text} (OpenRouter streams it so) with
   * {@link #ENCRYPTED} as its {@code encrypted_content}, and, like OpenAI without stored items,
   * a call's output is refused unless that reasoning item comes back before the call. Streamed as
   * OpenRouter streams it (a keep-alive comment, data lines only, {@code [DONE]}); a failure
   * mid-stream is {@code response.failed} after {@link #PIECES_BEFORE_FAILURE} words; the token
   * limit is {@code max_output_tokens} and cuts a text as {@code response.incomplete}.
   */
  static Reply responses(Recorded recorded) {
    JsonNode body = read(recorded.body());
    JsonNode input = body.path("input");
    List<JsonNode> items = new ArrayList<>();
    if (input.isTextual()) items.add(Json.mapper().createObjectNode().put("type", "message").put("role", "user").put("content", input.asText()));
    else input.forEach(items::add);
    JsonNode last = items.isEmpty() ? Json.mapper().createObjectNode() : items.get(items.size() - 1);
    boolean thinkingOn = body.has("reasoning") && !body.path("reasoning").isNull();
    Turn turn;
    if (last.path("type").asText().equals("function_call_output")) {
      String callId = last.path("call_id").asText();
      int at = -1;
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        if (item.path("type").asText().equals("function_call") && item.path("call_id").asText().equals(callId)) at = i;
      }
      if (at < 0) return Reply.json(400, "{\"error\":{\"code\":400,\"message\":\"No tool call found for function call output with call_id " + callId + ".\"}}");
      if (thinkingOn && !(at > 0 && items.get(at - 1).path("type").asText().equals("reasoning")
          && items.get(at - 1).path("encrypted_content").asText().equals(ENCRYPTED))) {
        return Reply.json(400, "{\"error\":{\"code\":400,\"message\":\"Item '" + items.get(at).path("id").asText()
            + "' of type 'function_call' was provided without its required 'reasoning' item.\"}}");
      }
      String city = read(items.get(at).path("arguments").asText()).path("city").asText();
      turn = new Text(weatherSentence(city, last.path("output").asText()));
    } else if (body.path("tools").size() > 0) {
      turn = new Call(RESPONSES_CALL_ID, "get_weather", "{\"city\":\"" + CITY + "\"}");
    } else if (body.path("text").path("format").path("type").asText().equals("json_schema")) {
      turn = new Text(JSON_TEXT);
    } else if (textOf(last.path("content"), "text").contains(FAIL_MID_STREAM)) {
      turn = new Failure(TEXT);
    } else {
      turn = new Text(TEXT);
    }
    Integer limit = body.has("max_output_tokens") ? Integer.valueOf(body.path("max_output_tokens").asInt()) : null;
    boolean stream = body.path("stream").asBoolean();
    if (turn instanceof Failure && !stream) {
      return Reply.json(500, "{\"error\":{\"code\":500,\"message\":\"Internal Server Error\"}}");
    }
    ResponsesTurn r = new ResponsesTurn(body.path("model").asText(), turn, limit, thinkingOn ? THINKING : null);
    return stream ? Reply.sse(r.stream().toArray(String[]::new)) : Reply.json(200, r.response(r.status()).toString());
  }

  /** One Responses answer: its output items, built once, streamed or whole. */
  private static final class ResponsesTurn {
    final String model;
    final Turn turn;
    final String thinking;
    final List<String> pieces;
    final boolean cut;
    final List<ObjectNode> output = new ArrayList<>();
    int sequence;

    ResponsesTurn(String model, Turn turn, Integer limit, String thinking) {
      this.model = model;
      this.turn = turn;
      this.thinking = thinking;
      if (turn instanceof Call c) {
        pieces = pieces(c.arguments(), 5);
        cut = false;
      } else if (turn instanceof Failure f) {
        pieces = pieces(f.text(), 0).subList(0, PIECES_BEFORE_FAILURE);
        cut = false;
      } else {
        Pieces text = Pieces.of(((Text) turn).text(), limit);
        pieces = text.pieces();
        cut = text.cut();
      }
      if (thinking != null) {
        ObjectNode reasoning = Json.mapper().createObjectNode().put("type", "reasoning").put("id", "rs_standin0001");
        reasoning.putArray("summary");
        reasoning.putArray("content").addObject().put("type", "reasoning_text").put("text", thinking);
        reasoning.put("encrypted_content", ENCRYPTED);
        output.add(reasoning);
      }
      if (turn instanceof Call c) {
        output.add(Json.mapper().createObjectNode().put("type", "function_call").put("id", "fc_standin0001").put("call_id", c.id())
            .put("name", c.name()).put("arguments", c.arguments()).put("status", "completed"));
      } else {
        ObjectNode message = Json.mapper().createObjectNode().put("type", "message").put("id", "msg_standin0001").put("role", "assistant")
            .put("status", cut ? "incomplete" : "completed");
        message.putArray("content").addObject().put("type", "output_text").put("text", String.join("", pieces)).putArray("annotations");
        output.add(message);
      }
    }

    String status() {
      return turn instanceof Failure ? "failed" : cut ? "incomplete" : "completed";
    }

    ObjectNode response(String status) {
      ObjectNode r = Json.mapper().createObjectNode().put("object", "response").put("id", "gen-1782955817-standinstandinstandi")
          .put("created_at", 1782955817).put("status", status).put("model", model);
      ArrayNode out = r.putArray("output");
      if (!status.equals("in_progress")) output.forEach(out::add);
      if (status.equals("incomplete")) r.putObject("incomplete_details").put("reason", "max_output_tokens");
      else r.putNull("incomplete_details");
      if (status.equals("failed")) r.putObject("error").put("code", "server_error").put("message", "The upstream model broke off.");
      else r.putNull("error");
      r.put("store", false);
      if (status.equals("in_progress")) {
        r.putNull("usage");
      } else {
        int reasoningTokens = thinking == null ? 0 : pieces(thinking, 0).size();
        int outputTokens = pieces.size() + reasoningTokens;
        ObjectNode usage = r.putObject("usage").put("input_tokens", INPUT_TOKENS).put("output_tokens", outputTokens)
            .put("total_tokens", INPUT_TOKENS + outputTokens);
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.putObject("output_tokens_details").put("reasoning_tokens", reasoningTokens);
        usage.put("cost", UPSTREAM_COST).put("is_byok", false);
      }
      return r;
    }

    private String event(ObjectNode data) {
      data.put("sequence_number", sequence++);
      return "data: " + data + "\n\n";
    }

    private ObjectNode typed(String type) {
      return Json.mapper().createObjectNode().put("type", type);
    }

    private ObjectNode itemEvent(String type, int index, JsonNode item) {
      ObjectNode e = typed(type).put("output_index", index);
      e.set("item", item);
      return e;
    }

    /** An item as {@code output_item.added} shows it: no content or arguments yet. */
    private static ObjectNode begun(ObjectNode item) {
      ObjectNode added = item.deepCopy();
      switch (item.path("type").asText()) {
        case "reasoning" -> {
          added.remove("content");
          added.remove("encrypted_content");
        }
        case "function_call" -> added.put("arguments", "").put("status", "in_progress");
        default -> added.put("status", "in_progress").putArray("content");
      }
      return added;
    }

    List<String> stream() {
      List<String> events = new ArrayList<>();
      events.add(": OPENROUTER PROCESSING\n\n");
      ObjectNode created = typed("response.created");
      created.set("response", response("in_progress"));
      events.add(event(created));
      ObjectNode inProgress = typed("response.in_progress");
      inProgress.set("response", response("in_progress"));
      events.add(event(inProgress));
      for (int index = 0; index < output.size(); index++) {
        ObjectNode item = output.get(index);
        String id = item.path("id").asText();
        events.add(event(itemEvent("response.output_item.added", index, begun(item))));
        switch (item.path("type").asText()) {
          case "reasoning" -> {
            events.add(event(part("response.content_part.added", id, index, "reasoning_text", "")));
            for (String p : pieces(thinking, 0)) events.add(event(delta("response.reasoning_text.delta", id, index, p)));
            events.add(event(delta("response.reasoning_text.done", id, index, null).put("text", thinking)));
            events.add(event(part("response.content_part.done", id, index, "reasoning_text", thinking)));
          }
          case "function_call" -> {
            for (String p : pieces) {
              events.add(event(typed("response.function_call_arguments.delta").put("item_id", id).put("output_index", index).put("delta", p)));
            }
            events.add(event(typed("response.function_call_arguments.done").put("item_id", id).put("output_index", index)
                .put("name", item.path("name").asText()).put("arguments", item.path("arguments").asText())));
          }
          default -> {
            events.add(event(part("response.content_part.added", id, index, "output_text", "")));
            for (String p : pieces) events.add(event(delta("response.output_text.delta", id, index, p)));
            if (turn instanceof Failure) {
              ObjectNode failed = typed("response.failed");
              failed.set("response", response("failed"));
              events.add(event(failed));
              events.add("data: [DONE]\n\n");
              return events;
            }
            String text = String.join("", pieces);
            events.add(event(delta("response.output_text.done", id, index, null).put("text", text)));
            events.add(event(part("response.content_part.done", id, index, "output_text", text)));
          }
        }
        events.add(event(itemEvent("response.output_item.done", index, item)));
      }
      String status = status();
      ObjectNode terminal = typed(status.equals("incomplete") ? "response.incomplete" : "response.completed");
      terminal.set("response", response(status));
      events.add(event(terminal));
      events.add("data: [DONE]\n\n");
      return events;
    }

    private ObjectNode delta(String type, String itemId, int index, String delta) {
      ObjectNode e = typed(type).put("item_id", itemId).put("output_index", index).put("content_index", 0);
      if (delta != null) e.put("delta", delta);
      return e;
    }

    private ObjectNode part(String type, String itemId, int index, String partType, String text) {
      ObjectNode e = typed(type).put("item_id", itemId).put("output_index", index).put("content_index", 0);
      ObjectNode part = e.putObject("part").put("type", partType).put("text", text);
      if (partType.equals("output_text")) part.putArray("annotations");
      return e;
    }
  }

  // ---- shared ----

  /** A message's content as text: a string as it is, a list of blocks as their {@code key} fields joined. */
  static String textOf(JsonNode content, String key) {
    if (content.isTextual()) return content.asText();
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) text.append(part.path(key).asText(""));
    return text.toString();
  }

  private static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
