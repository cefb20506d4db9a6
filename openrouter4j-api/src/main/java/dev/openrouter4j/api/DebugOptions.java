package dev.openrouter4j.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code debug}: streaming-only diagnostics. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DebugOptions(@JsonProperty("echo_upstream_body") Boolean echoUpstreamBody) {}
