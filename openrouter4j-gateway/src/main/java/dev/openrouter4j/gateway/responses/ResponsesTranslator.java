package dev.openrouter4j.gateway.responses;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.chat.ChatMessage;
import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.chat.ChatTool;
import dev.openrouter4j.api.chat.ResponseFormat;
import dev.openrouter4j.api.chat.ToolChoice;
import dev.openrouter4j.api.responses.InputItem;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.ResponsesTool;
import dev.openrouter4j.api.responses.ResponsesToolChoice;
import dev.openrouter4j.api.responses.TextFormat;
import dev.openrouter4j.gateway.http.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Responses request in the canonical (chat completions) shape that every provider adapter takes,
 * so the Responses API costs one translator and one encoder, not one per provider. Pure. The input
 * items become messages ({@link ResponsesMessages}); the settings map one to one, or near it:
 * {@code instructions} is a system message first, {@code max_output_tokens} is {@code
 * max_completion_tokens}, flat function tools get chat's {@code function:{}} wrapper, {@code
 * text.format} becomes {@code response_format} (json_schema nested), {@code text.verbosity} the
 * top-level {@code verbosity}, {@code top_logprobs} switches {@code logprobs} on. Properties the
 * wire model does not know travel on in {@code extraBody}, as for chat.
 *
 * <p>Stored state is the dialect's ({@code ResponseState}): {@link #toChat(ResponsesRequest, List)}
 * takes the conversation of {@code previous_response_id} already read. Without state, {@link
 * #toChat(ResponsesRequest)} refuses {@code previous_response_id} and {@code background} with a 400
 * naming the field. Always refused: {@code item_reference} items, stored {@code prompt}s, {@code
 * conversation}.
 */
public final class ResponsesTranslator {
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private ResponsesTranslator() {}

  /**
   * The canonical request without stored state; throws an {@link ApiError} (400) naming the first
   * field it cannot serve, {@code previous_response_id} and {@code background} among them.
   */
  public static ChatRequest toChat(ResponsesRequest r) {
    refuseStateful(r);
    return toChat(r, List.of());
  }

  /**
   * The canonical request continuing {@code previous}, the conversation of the stored responses that
   * {@code previous_response_id} names (oldest first; empty without one): those items, then the
   * request's input. {@code instructions} are the request's own (a previous response's are not
   * carried over, as in OpenAI's API).
   */
  public static ChatRequest toChat(ResponsesRequest r, List<InputItem> previous) {
    refuseUnsupported(r);
    ChatRequest.Builder b = ChatRequest.builder();
    List<ChatMessage> messages = new ArrayList<>();
    if (r.instructions() != null && !r.instructions().isEmpty()) messages.add(ChatMessage.system(r.instructions()));
    if (r.input() == null) throw ApiError.invalidField("input", "is required");
    List<InputItem> items = r.input().asItems();
    if (!previous.isEmpty()) {
      // only the request's own items are named in errors (input[i]); the stored ones were read before
      ResponsesMessages.toMessages(items);
      List<InputItem> all = new ArrayList<>(previous);
      all.addAll(items);
      items = all;
    }
    messages.addAll(ResponsesMessages.toMessages(items));
    if (messages.isEmpty()) throw ApiError.invalidField("input", "must contain at least one item");
    b.messages(messages);

    b.model(r.model()).models(r.models()).stream(r.stream());
    b.temperature(r.temperature()).topP(r.topP()).topK(r.topK());
    b.frequencyPenalty(r.frequencyPenalty()).presencePenalty(r.presencePenalty());
    b.maxCompletionTokens(r.maxOutputTokens());
    if (r.topLogprobs() != null) b.logprobs(true).topLogprobs(r.topLogprobs());
    tools(r, b);
    b.parallelToolCalls(r.parallelToolCalls());
    b.responseFormat(r.text() == null ? null : responseFormat(r.text().format()));
    b.reasoning(r.reasoning());
    b.metadata(r.metadata()).user(r.user()).sessionId(r.sessionId());
    b.promptCacheKey(r.promptCacheKey()).promptCacheOptions(r.promptCacheOptions()).cacheControl(r.cacheControl());
    b.serviceTier(r.serviceTier()).provider(r.provider()).plugins(r.plugins());
    b.modalities(r.modalities()).imageConfig(r.imageConfig());
    b.trace(r.trace()).debug(r.debug()).stopServerToolsWhen(r.stopServerToolsWhen());

    Map<String, Object> extra = new LinkedHashMap<>();
    if (r.extraBody() != null) extra.putAll(r.extraBody());
    if (r.text() != null && r.text().verbosity() != null) extra.put("verbosity", r.text().verbosity());
    if (r.safetyIdentifier() != null) extra.put("safety_identifier", r.safetyIdentifier());
    b.extraBody(extra.isEmpty() ? null : extra);
    return b.build();
  }

  private static void refuseStateful(ResponsesRequest r) {
    if (r.previousResponseId() != null) {
      throw unsupported("previous_response_id", "previous_response_id is not supported yet: this gateway keeps no responses, so send the whole conversation in input");
    }
    if (Boolean.TRUE.equals(r.background())) {
      throw unsupported("background", "background is not supported yet: responses are not kept for later retrieval");
    }
  }

  private static void refuseUnsupported(ResponsesRequest r) {
    if (r.prompt() != null) throw unsupported("prompt", "prompt (a stored prompt template) is not supported: send instructions and input instead");
    if (r.extraBody() != null && r.extraBody().get("conversation") != null) {
      throw unsupported("conversation", "conversation is not supported yet: send the whole conversation in input");
    }
  }

  static ApiError unsupported(String field, String message) {
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("error_type", "invalid_request");
    md.put("param", field);
    return new ApiError(400, message, md, -1);
  }

  /** Function tools and OpenRouter's server tools; {@code allowed_tools} narrows the list. */
  private static void tools(ResponsesRequest r, ChatRequest.Builder b) {
    List<ChatTool> tools = new ArrayList<>();
    if (r.tools() != null) {
      for (int i = 0; i < r.tools().size(); i++) tools.add(tool(r.tools().get(i), "tools[" + i + "]"));
    }
    ResponsesToolChoice choice = r.toolChoice();
    if (choice instanceof ResponsesToolChoice.AllowedTools allowed) {
      tools = allowedOnly(tools, allowed);
      b.toolChoice(new ToolChoice("required".equals(allowed.mode()) ? "required" : "auto", null, null));
    } else {
      b.toolChoice(toolChoice(choice));
    }
    b.tools(tools.isEmpty() ? null : tools);
  }

  static ChatTool tool(ResponsesTool tool, String field) {
    return switch (tool) {
      case ResponsesTool.Function f -> {
        if (f.name() == null || f.name().isEmpty()) throw ApiError.invalidField(field + ".name", "is required");
        yield new ChatTool.FunctionTool(new ChatTool.FunctionDefinition(f.name(), f.description(), f.parameters(), f.strict()), null);
      }
      case ResponsesTool.WebSearch w -> {
        Map<String, Object> fields = Json.mapper().convertValue(w, MAP);
        fields.remove("type");
        yield new ChatTool.ServerTool(w.type(), null, fields.isEmpty() ? null : fields);
      }
      case ResponsesTool.Generic g when g.type() != null && g.type().startsWith("openrouter:") -> {
        Map<String, Object> fields = g.fields() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(g.fields());
        Object parameters = fields.remove("parameters");
        @SuppressWarnings("unchecked")
        Map<String, Object> params = parameters instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        yield new ChatTool.ServerTool(g.type(), params, fields.isEmpty() ? null : fields);
      }
      default -> throw ApiError.invalidField(field + ".type", "tool type '" + tool.type() + "' is not supported by this gateway; use function tools or OpenRouter's openrouter:* server tools");
    };
  }

  static ToolChoice toolChoice(ResponsesToolChoice choice) {
    return switch (choice) {
      case null -> null;
      case ResponsesToolChoice.Mode m -> new ToolChoice(m.value(), null, null);
      case ResponsesToolChoice.Function f -> ToolChoice.function(f.name());
      case ResponsesToolChoice.Other o -> ToolChoice.serverTool(o.type());
      case ResponsesToolChoice.AllowedTools a -> throw new IllegalStateException("allowed_tools narrows the tools instead");
    };
  }

  /** {@code allowed_tools}: the tools named there ({@code {type:"function", name}} or {@code {type}}), in the request's order. */
  private static List<ChatTool> allowedOnly(List<ChatTool> tools, ResponsesToolChoice.AllowedTools allowed) {
    Set<String> names = new LinkedHashSet<>();
    Set<String> types = new LinkedHashSet<>();
    if (allowed.tools() != null) {
      for (Map<String, Object> t : allowed.tools()) {
        if ("function".equals(t.get("type")) && t.get("name") instanceof String name) names.add(name);
        else if (t.get("type") instanceof String type) types.add(type);
      }
    }
    List<ChatTool> out = new ArrayList<>();
    for (ChatTool t : tools) {
      if (t instanceof ChatTool.FunctionTool f ? names.contains(f.function().name()) : types.contains(t.type())) out.add(t);
    }
    if (out.isEmpty()) throw ApiError.invalidField("tool_choice.tools", "names none of the request's tools");
    return out;
  }

  /** {@code text.format} as chat's {@code response_format}; plain text is the default, so it sends none. */
  static ResponseFormat responseFormat(TextFormat format) {
    return switch (format) {
      case null -> null;
      case TextFormat.Text t -> null;
      case TextFormat.JsonObject o -> ResponseFormat.jsonObject();
      case TextFormat.JsonSchema s -> {
        if (s.schema() == null) throw ApiError.invalidField("text.format.schema", "is required for type json_schema");
        yield new ResponseFormat.JsonSchema(new ResponseFormat.JsonSchemaConfig(s.name(), s.description(), s.schema(), s.strict()));
      }
      case TextFormat.Unknown u -> throw ApiError.invalidField("text.format.type", "unknown format '" + u.type() + "'; expected text, json_object or json_schema");
    };
  }
}
