package dev.openrouter4j.gateway.responses;

import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.responses.Input;
import dev.openrouter4j.api.responses.OutputItem;
import dev.openrouter4j.api.responses.Response;
import dev.openrouter4j.api.responses.ResponseError;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.api.responses.ResponsesToolChoice;
import dev.openrouter4j.api.responses.ResponsesUsage;
import dev.openrouter4j.api.responses.TextConfig;
import dev.openrouter4j.api.responses.TextFormat;
import dev.openrouter4j.gateway.encode.Generation;
import java.util.List;
import java.util.Map;

/**
 * Everything in a {@link Response} that the model does not say: the answer's identity (the
 * generation's id, creation time and model) and the request's settings echoed back. A setting the
 * request left out is echoed with the API's default where the Open Responses schema wants a value
 * (temperature 1, top_p 1, penalties 0, tool_choice auto, truncation disabled, service_tier auto,
 * text format text, top_logprobs 0) and as null where it allows one. {@code store} and {@code
 * background} say what the gateway did: the dialect passes the request with {@code store} as it was
 * decided (true only when the response is kept).
 */
final class ResponseEnvelope {
  private final Response template;

  ResponseEnvelope(Generation generation, ResponsesRequest request) {
    String model = generation.model() != null ? generation.model() : request.model() != null ? request.model() : "";
    this.template =
        Response.builder()
            .id(generation.id())
            .createdAt(generation.created())
            .model(model)
            .instructions(request.instructions() == null ? null : Input.of(request.instructions()))
            .metadata(request.metadata() == null ? Map.of() : request.metadata())
            .temperature(or(request.temperature(), 1.0))
            .topP(or(request.topP(), 1.0))
            .presencePenalty(or(request.presencePenalty(), 0.0))
            .frequencyPenalty(or(request.frequencyPenalty(), 0.0))
            .tools(request.tools() == null ? List.of() : request.tools())
            .toolChoice(request.toolChoice() == null ? ResponsesToolChoice.auto() : request.toolChoice())
            .parallelToolCalls(or(request.parallelToolCalls(), true))
            .background(Boolean.TRUE.equals(request.background()))
            .store(Boolean.TRUE.equals(request.store()))
            .previousResponseId(request.previousResponseId())
            .maxOutputTokens(request.maxOutputTokens())
            .maxToolCalls(request.maxToolCalls())
            .promptCacheKey(request.promptCacheKey())
            .reasoning(Response.ReasoningConfig.from(request.reasoning()))
            .safetyIdentifier(request.safetyIdentifier())
            .serviceTier(request.serviceTier() == null ? "auto" : wire(request.serviceTier()))
            .textConfig(text(request.text()))
            .topLogprobs(or(request.topLogprobs(), 0))
            .truncation(request.truncation() == null ? "disabled" : wire(request.truncation()))
            .user(request.user())
            .build();
  }

  /** The response as it stands: in progress, or finished with {@code status}. */
  Response snapshot(
      String status,
      List<OutputItem> output,
      ResponsesUsage usage,
      ResponseError error,
      String errorType,
      Response.IncompleteDetails incomplete,
      Long completedAt) {
    return template.toBuilder()
        .status(status)
        .output(output)
        .outputText(outputText(output))
        .usage(usage)
        .error(error)
        .errorType(errorType)
        .incompleteDetails(incomplete)
        .completedAt(completedAt)
        .build();
  }

  private static String outputText(List<OutputItem> output) {
    StringBuilder sb = new StringBuilder();
    for (OutputItem item : output) {
      if (item instanceof OutputItem.Message m) sb.append(m.text());
    }
    return sb.toString();
  }

  private static TextConfig text(TextConfig text) {
    if (text == null) return TextConfig.of(TextFormat.text());
    if (text.format() != null) return text;
    return new TextConfig(TextFormat.text(), text.verbosity(), text.extra());
  }

  private static <T> T or(T value, T otherwise) {
    return value != null ? value : otherwise;
  }

  private static String wire(Enum<?> value) {
    return Json.mapper().convertValue(value, String.class);
  }
}
