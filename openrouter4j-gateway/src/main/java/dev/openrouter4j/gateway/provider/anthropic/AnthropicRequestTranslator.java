package dev.openrouter4j.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatTool;
import dev.openrouter4j.api.chat.ResponseFormat;
import dev.openrouter4j.api.chat.ToolChoice;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import java.util.List;

/**
 * A canonical (chat completions) request as an Anthropic Messages API body; a pure function.
 *
 * <p>Left out on purpose: sampling knobs Anthropic lacks ({@code seed}, penalties, {@code
 * logit_bias}, {@code logprobs}, {@code n}-style options), OpenRouter routing fields and {@code
 * extra_body} (its keys are OpenRouter's vocabulary, not Anthropic's).
 *
 * <p>{@code response_format} ({@code json_schema}, {@code json_object}) becomes one forced tool
 * whose input schema is the requested schema ({@link #STRUCTURED_OUTPUT_TOOL}): the model must
 * answer by calling it, and the decoder turns the call's input back into the answer's text. This
 * works on every Claude model. It cannot be combined with the client's own tools or with thinking
 * (Anthropic forbids forcing a tool while thinking), and the schema's root must be an object (a tool
 * input is): those requests get a 400 that lets routing try another endpoint. Temperature and top_k go through even with thinking on;
 * Anthropic then rejects them itself, which is clearer than silently dropping them.
 */
public final class AnthropicRequestTranslator {
  /** The forced tool that carries a structured answer; the decoder reads its input as the answer's text. */
  public static final String STRUCTURED_OUTPUT_TOOL = "openrouter4j_structured_output";

  /** Anthropic requires {@code max_tokens}; this is used when neither request nor endpoint says. */
  static final int DEFAULT_MAX_TOKENS = 4096;

  private AnthropicRequestTranslator() {}

  /** Throws {@link dev.openrouter4j.gateway.provider.UpstreamException} (400) for what Anthropic cannot take. */
  public static ObjectNode translate(UpstreamRequest upstream) {
    ChatRequest req = upstream.request();
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", upstream.upstreamModel());

    int maxTokens = maxTokens(upstream);
    Integer budget = AnthropicThinking.budget(req.reasoning(), req.reasoningEffort());
    body.put("max_tokens", budget == null ? maxTokens : AnthropicThinking.maxTokens(maxTokens, budget));

    AnthropicMessages.write(req.messages(), body);
    if (budget != null) body.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
    if (req.temperature() != null) body.put("temperature", req.temperature());
    if (req.topP() != null) body.put("top_p", req.topP());
    if (req.topK() != null) body.put("top_k", req.topK());
    if (req.stop() != null) {
      ArrayNode stops = body.putArray("stop_sequences");
      req.stop().asList().forEach(stops::add);
    }
    if (structured(req)) writeStructuredOutput(req, budget != null, body);
    else writeTools(req, body);
    if (req.user() != null) body.putObject("metadata").put("user_id", req.user());
    if (req.cacheControl() != null) body.set("cache_control", Json.mapper().valueToTree(req.cacheControl()));
    if (upstream.stream()) body.put("stream", true);
    return body;
  }

  static int maxTokens(UpstreamRequest upstream) {
    ChatRequest req = upstream.request();
    if (req.maxCompletionTokens() != null) return req.maxCompletionTokens();
    if (req.maxTokens() != null) return req.maxTokens();
    if (upstream.endpoint() != null && upstream.endpoint().maxCompletionTokens() != null) {
      return upstream.endpoint().maxCompletionTokens();
    }
    return DEFAULT_MAX_TOKENS;
  }

  /** Whether the request asks for JSON ({@code json_schema} or {@code json_object}), answered through the forced tool. */
  public static boolean structured(ChatRequest req) {
    return req.responseFormat() instanceof ResponseFormat.JsonSchema || req.responseFormat() instanceof ResponseFormat.JsonObject;
  }

  private static void writeStructuredOutput(ChatRequest req, boolean thinking, ObjectNode body) {
    if (req.tools() != null && !req.tools().isEmpty()) throw AnthropicErrors.unsupported("response_format together with tools");
    if (thinking) throw AnthropicErrors.unsupported("response_format together with reasoning");
    ObjectNode tool = Json.mapper().createObjectNode().put("name", STRUCTURED_OUTPUT_TOOL);
    JsonNode schema = null;
    String description = null;
    if (req.responseFormat() instanceof ResponseFormat.JsonSchema js && js.jsonSchema() != null) {
      schema = js.jsonSchema().schema() == null ? null : Json.mapper().valueToTree(js.jsonSchema().schema());
      description = js.jsonSchema().description();
    }
    if (schema == null) schema = Json.mapper().createObjectNode().put("type", "object");
    if (!"object".equals(schema.path("type").asText())) {
      throw AnthropicErrors.unsupported("a response_format schema whose root is not an object");
    }
    tool.put("description", description != null && !description.isBlank()
        ? description
        : "Give your answer by calling this tool, its input being the answer as JSON that matches the schema.");
    tool.set("input_schema", schema);
    body.putArray("tools").add(tool);
    body.putObject("tool_choice").put("type", "tool").put("name", STRUCTURED_OUTPUT_TOOL);
  }

  private static void writeTools(ChatRequest req, ObjectNode body) {
    List<ChatTool> tools = req.tools();
    // Anthropic rejects a tool_choice without tools; with none there is nothing to choose from anyway.
    if (tools == null || tools.isEmpty()) return;
    ArrayNode out = body.putArray("tools");
    for (ChatTool tool : tools) out.add(tool(tool));
    ObjectNode choice = toolChoice(req.toolChoice());
    if (Boolean.FALSE.equals(req.parallelToolCalls())) {
      if (choice == null) choice = Json.mapper().createObjectNode().put("type", "auto");
      // tool_choice none has no such field: with no calls there is nothing to parallelise.
      if (!choice.path("type").asText().equals("none")) choice.put("disable_parallel_tool_use", true);
    }
    if (choice != null) body.set("tool_choice", choice);
  }

  private static ObjectNode tool(ChatTool tool) {
    if (!(tool instanceof ChatTool.FunctionTool f)) throw AnthropicErrors.unsupported("the server tool " + tool.type());
    ObjectNode out = Json.mapper().createObjectNode().put("name", f.function().name());
    if (f.function().description() != null) out.put("description", f.function().description());
    JsonNode schema = f.function().parameters() == null ? null : Json.mapper().valueToTree(f.function().parameters());
    if (schema == null) {
      // A tool without parameters still needs an input schema.
      schema = Json.mapper().createObjectNode().put("type", "object").set("properties", Json.mapper().createObjectNode());
    }
    out.set("input_schema", schema);
    if (f.cacheControl() != null) out.set("cache_control", Json.mapper().valueToTree(f.cacheControl()));
    return out;
  }

  private static ObjectNode toolChoice(ToolChoice choice) {
    if (choice == null) return null;
    ObjectNode out = Json.mapper().createObjectNode();
    if (choice.mode() != null) {
      return switch (choice.mode()) {
        case "auto" -> out.put("type", "auto");
        case "required" -> out.put("type", "any");
        case "none" -> out.put("type", "none");
        default -> throw AnthropicErrors.unsupported("tool_choice " + choice.mode());
      };
    }
    if (choice.type().equals("function") && choice.functionName() != null) {
      return out.put("type", "tool").put("name", choice.functionName());
    }
    throw AnthropicErrors.unsupported("tool_choice of type " + choice.type());
  }
}
