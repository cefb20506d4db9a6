package dev.openrouter4j.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatTool;
import dev.openrouter4j.api.chat.ToolChoice;
import dev.openrouter4j.gateway.provider.UpstreamRequest;
import java.util.List;

/**
 * A canonical (chat completions) request as an Anthropic Messages API body; a pure function.
 *
 * <p>Left out on purpose: sampling knobs Anthropic lacks ({@code seed}, penalties, {@code
 * logit_bias}, {@code logprobs}, {@code n}-style options), {@code response_format} (no native
 * JSON mode; {@code require_parameters} and the endpoint's {@code supports} list decide whether such
 * a request may come here at all), OpenRouter routing fields and {@code extra_body} (its keys are
 * OpenRouter's vocabulary, not Anthropic's). Temperature and top_k go through even with thinking on;
 * Anthropic then rejects them itself, which is clearer than silently dropping them.
 */
public final class AnthropicRequestTranslator {
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
    writeTools(req, body);
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
