package dev.openrouter4j.gateway.provider;

import dev.openrouter4j.api.chat.ChatRequest;
import dev.openrouter4j.api.responses.ResponsesRequest;
import dev.openrouter4j.gateway.config.EndpointConfig;
import dev.openrouter4j.gateway.encode.Generation;
import io.vertx.core.Future;
import java.util.Map;

/**
 * One attempt at one endpoint. {@code request} is the canonical request (chat completions shape)
 * with {@code model} already set to {@code upstreamModel}; routing-only fields ({@code models},
 * {@code provider}, {@code plugins}) are left for an adapter that forwards them (the {@code
 * openrouter} kind) to use. {@code stream} is what the client asked for; an adapter may stream from
 * the upstream either way. {@code headers} are client headers worth forwarding ({@code
 * x-session-id}, {@code HTTP-Referer}, {@code X-OpenRouter-Title}). {@code abandoned} completes when
 * the client has gone away: an adapter still waiting for the upstream's answer aborts it then.
 * {@code chatRelay}, when not null, says the client reads chat completions (chunks, or one
 * {@code chat.completion}) and who answers (the generation's id, model, provider and pricing): an
 * adapter whose upstream speaks that format may then pass the answer on as {@link
 * EventSink#relayed} bytes (the relay fast path). {@code responses}, when not null, is the
 * client's own Responses request (the client speaks the Responses API), with the conversation of its
 * {@code previous_response_id} already in {@code input} and the gateway's state fields ({@code
 * previous_response_id}, {@code background}) cleared: an adapter whose upstream serves the
 * Responses API sends that instead of the canonical request, so nothing chat cannot say is lost.
 * Its events are still canonical events.
 */
public record UpstreamRequest(
    ChatRequest request,
    String upstreamModel,
    EndpointConfig endpoint,
    boolean stream,
    Map<String, String> headers,
    Future<Void> abandoned,
    Generation chatRelay,
    ResponsesRequest responses) {
  public UpstreamRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    abandoned = abandoned == null ? Future.future(p -> {}) : abandoned;
  }

  public UpstreamRequest(ChatRequest request, String upstreamModel, EndpointConfig endpoint, boolean stream, Map<String, String> headers) {
    this(request, upstreamModel, endpoint, stream, headers, null, null, null);
  }
}
